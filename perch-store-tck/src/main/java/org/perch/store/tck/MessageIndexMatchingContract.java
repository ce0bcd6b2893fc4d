package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.store.tck.ChatData.UNICODE;
import static org.perch.store.tck.SearchData.LOBBY;
import static org.perch.store.tck.SearchData.hits;
import static org.perch.store.tck.SearchData.message;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.MessageIndex;
import org.perch.store.chat.SearchHits;
import org.perch.store.tck.SearchData.Search;

/**
 * Which messages a search text matches: every word of it, as a whole word, without regard to case, in any
 * script; and the text is only ever words, never query syntax. Bound through {@link MessageIndexContract}.
 *
 * <p>Words are what a backend's tokenizer says they are, and backends differ at the edges (apostrophes, dots
 * between letters, underscores), so these tests use words that every reasonable tokenizer agrees on: runs of
 * letters and digits between spaces and punctuation, and single CJK ideographs, which is how CJK text without
 * spaces becomes searchable.
 */
public interface MessageIndexMatchingContract extends MessageIndexPagingContract {

    private MessageIndex index() {
        return indexFixture().index();
    }

    /** The hits of {@code text} in the lobby, earliest 100. */
    private List<SearchHits.Hit> find(String text) {
        SearchHits found = index().search(Search.of(text, LOBBY).query());
        assertThat(found.complete()).as("complete for '%s'", text).isTrue();
        return found.hits();
    }

    @Test
    default void everyWordOfTheTextShouldOccurInTheBody() {
        ChatMessage tonight = message(LOBBY, 1, "Deploy the release tonight");
        ChatMessage failed = message(LOBBY, 2, "the deploy failed");
        ChatMessage notes = message(LOBBY, 3, "release notes");
        index().add(List.of(tonight, failed, notes));

        assertThat(find("release deploy")).isEqualTo(hits(tonight));
        assertThat(find("tonight the release deploy")).isEqualTo(hits(tonight));
        assertThat(find("deploy")).isEqualTo(hits(tonight, failed));
        assertThat(find("deploy deploy")).isEqualTo(hits(tonight, failed));
        assertThat(find("deploy notes")).isEmpty();
        assertThat(find("absent")).isEmpty();
    }

    @Test
    default void shortCommonWordsShouldBeSearchableToo() {
        ChatMessage hamlet = message(LOBBY, 1, "to be or not to be");
        ChatMessage other = message(LOBBY, 2, "a cat on the mat");
        index().add(List.of(hamlet, other));

        assertThat(find("not")).isEqualTo(hits(hamlet));
        assertThat(find("to be")).isEqualTo(hits(hamlet));
        assertThat(find("the a on")).isEqualTo(hits(other));
    }

    @Test
    default void caseShouldNotMatter() {
        ChatMessage shouted = message(LOBBY, 1, "DEPLOY THE RELEASE");
        ChatMessage mixed = message(LOBBY, 2, "Deploy the Release");
        index().add(List.of(shouted, mixed));

        assertThat(find("deploy the release")).isEqualTo(hits(shouted, mixed));
        assertThat(find("rELEASE")).isEqualTo(hits(shouted, mixed));
    }

    @Test
    default void wordsShouldMatchWholeNeverInsideAnotherWord() {
        ChatMessage category = message(LOBBY, 1, "the category catalog");
        ChatMessage pets = message(LOBBY, 2, "cat, (dog)! bird? \"fish\" - 42");
        index().add(List.of(category, pets));

        assertThat(find("cat")).isEqualTo(hits(pets));
        assertThat(find("dog bird fish")).isEqualTo(hits(pets));
        assertThat(find("42")).isEqualTo(hits(pets));
        assertThat(find("category")).isEqualTo(hits(category));
        assertThat(find("categ")).isEmpty();
        assertThat(find("log")).isEmpty();
        assertThat(find("4")).isEmpty();
    }

    @Test
    default void accentedLettersShouldMatchWithoutRegardToCase() {
        ChatMessage cafe = message(LOBBY, 1, "Café crème à Zürich");
        ChatMessage naive = message(LOBBY, 2, "ÅNGSTRÖM est naïve");
        index().add(List.of(cafe, naive));

        assertThat(find("CAFÉ zürich")).isEqualTo(hits(cafe));
        assertThat(find("crème")).isEqualTo(hits(cafe));
        assertThat(find("ångström NAÏVE")).isEqualTo(hits(naive));
    }

    @Test
    default void composedAndDecomposedAccentsShouldFindEachOther() {
        // "é" as one code point (NFC) and as "e" plus a combining accent (NFD, as some keyboards send it).
        ChatMessage decomposed = message(LOBBY, 1, "cafe\u0301 au lait");
        ChatMessage composed = message(LOBBY, 2, "caf\u00e9 noir");
        index().add(List.of(decomposed, composed));

        assertThat(find("caf\u00e9")).isEqualTo(hits(decomposed, composed));
        assertThat(find("CAFE\u0301")).isEqualTo(hits(decomposed, composed));
    }

    @Test
    default void cjkTextShouldBeFoundWithoutSpacesBetweenWords() {
        ChatMessage meeting = message(LOBBY, 1, "明天在会议室开会");
        ChatMessage library = message(LOBBY, 2, "图书馆见");
        ChatMessage tokyo = message(LOBBY, 3, "東京で会いましょう");
        ChatMessage korean = message(LOBBY, 4, "내일 회의실 예약");
        index().add(List.of(meeting, library, tokyo, korean));

        assertThat(find("会议室")).isEqualTo(hits(meeting));
        assertThat(find("开会 明天")).isEqualTo(hits(meeting));
        assertThat(find("图书馆")).isEqualTo(hits(library));
        assertThat(find("東京")).isEqualTo(hits(tokyo));
        assertThat(find("회의실")).isEqualTo(hits(korean));
        assertThat(find("会议室 图书馆")).isEmpty();
    }

    @Test
    default void otherScriptsAndEmojiShouldNotBreakWords() {
        ChatMessage unicode = message(LOBBY, 1, UNICODE);
        ChatMessage party = message(LOBBY, 2, "party🎉tonight 😀 at 8");
        ChatMessage thumbs = message(LOBBY, 3, "👍");
        index().add(List.of(unicode, party, thumbs));

        assertThat(find("café")).isEqualTo(hits(unicode));
        assertThat(find("الاجتماعات")).isEqualTo(hits(unicode));
        assertThat(find("ישיבות")).isEqualTo(hits(unicode));
        assertThat(find("会议室")).isEqualTo(hits(unicode));
        assertThat(find("party tonight 8")).isEqualTo(hits(party));
    }

    @Test
    default void queryTextShouldBeWordsNeverQuerySyntax() {
        ChatMessage withAnd = message(LOBBY, 1, "urgent and deploy status:red");
        ChatMessage withoutAnd = message(LOBBY, 2, "urgent deploy status:red");
        ChatMessage foo = message(LOBBY, 3, "foo bar");
        ChatMessage deployment = message(LOBBY, 4, "deployment only");
        index().add(List.of(withAnd, withoutAnd, foo, deployment));

        // As query syntax these would mean: AND operator, wildcard, field, NOT, OR, match-all.
        assertThat(find("\"urgent\" AND (deploy*) status:red")).isEqualTo(hits(withAnd));
        assertThat(find("AND")).isEqualTo(hits(withAnd));
        assertThat(find("deploy*")).isEqualTo(hits(withAnd, withoutAnd));
        assertThat(find("-foo")).isEqualTo(hits(foo));
        assertThat(find("+foo -bar")).isEqualTo(hits(foo));
        assertThat(find("foo OR nothing")).isEmpty();
        for (String syntax : List.of("\"", "*", "?", ":", "(", ")", "()", "*:*", "[a TO z]", "{* TO *}", "\\",
                "/.*/", "&& || !", "^", "~", "+-", "\"unclosed", "field:", "'; DROP TABLE x; --", "%", "_",
                "<b>", "&amp;", "\u0000")) {
            assertThat(find(syntax)).as("hits of %s", syntax).isEmpty();
        }
    }

    @Test
    default void aBlankTextShouldMatchNothing() {
        index().add(List.of(message(LOBBY, 1, "anything at all"), message(LOBBY, 2, "")));

        for (String blank : List.of("", " ", "\t\n", "  , . ! ? ")) {
            assertThat(index().search(Search.of(blank, LOBBY).query())).as("hits of '%s'", blank)
                    .isEqualTo(new SearchHits(List.of(), true));
            assertThat(index().search(Search.of(blank, LOBBY).max(0).query())).as("max 0 hits of '%s'", blank)
                    .isEqualTo(new SearchHits(List.of(), true));
        }
    }

    @Test
    default void aLargeBodyShouldBeSearchableToItsLastWord() {
        ChatMessage large = message(LOBBY, 1, "filler ".repeat(15_000) + "needle");
        index().add(List.of(large, message(LOBBY, 2, "filler")));

        assertThat(large.body().length()).isGreaterThan(100_000);
        assertThat(find("needle filler")).isEqualTo(hits(large));
    }
}
