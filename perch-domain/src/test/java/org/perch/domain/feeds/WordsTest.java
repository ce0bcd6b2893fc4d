package org.perch.domain.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void punctuationAndCaseShouldNotMatter() {
        assertThat(Words.of("The BOND auction, at 10:30!")).containsExactly("the", "bond", "auction", "at", "10", "30");
    }

    @Test
    void compatibilityFormsShouldBeTheirPlainLetters() {
        assertThat(Words.of("ＢＯＮＤ ﬁnance")).containsExactly("bond", "finance");
    }

    @Test
    void accentsAndOtherScriptsShouldStayInTheirWords() {
        assertThat(Words.of("Chloé's résumé: 東京 market")).containsExactly("chloé", "s", "résumé", "東京", "market");
        assertThat(Words.of("e\u0301te\u0301")).as("combining accents stay in the word").hasSize(1);
    }

    @Test
    void textWithoutLettersShouldHaveNoWords() {
        assertThat(Words.of(" -- !! ")).isEmpty();
        assertThat(Words.of("")).isEmpty();
    }
}
