package org.perch.chatdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StanzaIdCheckTest {

    @Test
    @DisplayName("ids whose hashes collide are told apart by the second pass, which finds no duplicate")
    void collidingHashesShouldNotBeTakenForDuplicates() {
        StanzaIdCheck.Hashes allCollide = new StanzaIdCheck.Hashes(key -> 42L);
        for (int i = 0; i < 3000; i++) {
            allCollide.note("lobby", "m" + i, line(i + 2));
        }
        allCollide.note("hall", "m0", line(3002));

        StanzaIdCheck second = allCollide.secondPass();

        assertThat(second).isInstanceOf(StanzaIdCheck.Exact.class);
        for (int i = 0; i < 3000; i++) {
            second.note("lobby", "m" + i, line(i + 2));
        }
        second.note("hall", "m0", line(3002));
    }

    @Test
    @DisplayName("a real duplicate is reported at its second line, naming the first")
    void aDuplicateShouldBeReportedWithBothLines() {
        StanzaIdCheck.Hashes hashes = StanzaIdCheck.hashes();
        hashes.note("lobby", "m1", line(4));
        hashes.note("lobby", "m1", line(9));
        StanzaIdCheck second = hashes.secondPass();

        second.note("lobby", "m1", line(4));
        assertThatThrownBy(() -> second.note("lobby", "m1", line(9)))
                .hasMessage("line 9, field 'stanzaId': 'm1' is already the stanza-id of line 4 in room 'lobby'");
    }

    @Test
    @DisplayName("the same stanza-id in two rooms is no duplicate, and needs no second pass")
    void theSameIdInTwoRoomsShouldBeFine() {
        StanzaIdCheck.Hashes hashes = StanzaIdCheck.hashes();
        hashes.note("lobby", "m1", line(2));
        hashes.note("lobb", "ym1", line(3));
        hashes.note("hall", "m1", line(4));

        assertThat(hashes.secondPass()).isInstanceOf(StanzaIdCheck.Off.class);
    }

    private static LineFields line(long number) {
        ObjectNode json = DataJson.object();
        return new LineFields(number, json);
    }
}
