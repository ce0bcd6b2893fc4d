package org.perch.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextListColumnTest {

    @Test
    void itemsShouldSurviveEncodingWhateverCharactersTheyHold() {
        List<String> items = List.of("crème brûlée", "", "back\\slash", "new\nline", "trailing\\", "\\n literal",
                "\\", "\n", "tab\tand\r\nreturn", "会议室 😀", "a, b; c");

        assertThat(TextListColumn.decode(TextListColumn.encode(items))).isEqualTo(items);
    }

    @Test
    void orderAndRepeatsShouldBeKept() {
        List<String> items = List.of("zebra", "apple", "zebra");

        assertThat(TextListColumn.encode(items)).isEqualTo("zebra\napple\nzebra\n");
        assertThat(TextListColumn.decode(TextListColumn.encode(items))).containsExactly("zebra", "apple", "zebra");
    }

    @Test
    void anEmptyListAndAListOfOneEmptyStringShouldBeStoredDifferently() {
        assertThat(TextListColumn.encode(List.of())).isEmpty();
        assertThat(TextListColumn.decode("")).isEmpty();
        assertThat(TextListColumn.decode(TextListColumn.encode(List.of("")))).containsExactly("");
        assertThat(TextListColumn.decode(TextListColumn.encode(List.of("", "")))).containsExactly("", "");
    }
}
