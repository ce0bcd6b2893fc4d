package org.perch.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupsColumnTest {

    @Test
    void groupsShouldSurviveEncodingWhateverCharactersTheyHold() {
        Set<String> groups = Set.of("Friends", "", "back\\slash", "new\nline", "trailing\\", "\\n literal", "😀");

        assertThat(GroupsColumn.decode(GroupsColumn.encode(groups))).isEqualTo(groups);
    }

    @Test
    void anEmptySetAndASetWithOneEmptyNameShouldBeStoredDifferently() {
        assertThat(GroupsColumn.encode(Set.of())).isEmpty();
        assertThat(GroupsColumn.decode(GroupsColumn.encode(Set.of("")))).containsExactly("");
    }

    @Test
    void equalSetsShouldBeStoredAsEqualText() {
        assertThat(GroupsColumn.encode(Set.of("b", "a", "c"))).isEqualTo("a\nb\nc\n");
    }
}
