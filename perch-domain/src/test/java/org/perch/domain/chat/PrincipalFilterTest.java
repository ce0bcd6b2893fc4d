package org.perch.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;

/** The {@code *}-wildcard filter of Get-CsPersistentChatEligiblePrincipal. */
class PrincipalFilterTest {

    private static boolean matches(String pattern, String jid) {
        return new PrincipalFilter(pattern, 10).matches(Jid.of(jid));
    }

    @Test
    void aStarShouldMatchAnyRunOfCharactersAndTheRestShouldMatchItselfWithoutRegardToCase() {
        assertThat(matches("*smith*", "jsmith@example.org")).isTrue();
        assertThat(matches("*SMITH*", "smith@example.org")).isTrue();
        assertThat(matches("*smith", "smith@example.org")).as("the whole JID must match").isFalse();
        assertThat(matches("alice@example.org", "alice@example.org")).isTrue();
        assertThat(matches("alice@example.org", "alice@example.org.evil")).isFalse();
        assertThat(matches("a*e@*.org", "alice@example.org")).isTrue();
        assertThat(matches("*", "anyone@anywhere")).isTrue();
        assertThat(matches("**@example.org", "bob@example.org")).isTrue();
        assertThat(matches("bob.*", "bobx@example.org")).as("a dot is a dot, not a regular expression").isFalse();
    }

    @Test
    void aPatternWithManyStarsShouldFailQuickly() {
        String pattern = "*a".repeat(40) + "*b";
        String jid = "a".repeat(60) + "@example.org";

        assertThat(org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> matches(pattern, jid))).isFalse();
    }

    @Test
    void anEmptyPatternOrANegativeSizeShouldBeRefused() {
        assertThatThrownBy(() -> new PrincipalFilter("", 1)).hasMessageContaining("empty");
        assertThatThrownBy(() -> new PrincipalFilter("*", -1)).hasMessageContaining("0 or more");
    }
}
