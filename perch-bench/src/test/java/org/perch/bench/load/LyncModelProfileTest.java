package org.perch.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Lync profile's rooms are the model's (spec §13.4): at 1:1 its room counts and sizes, at any scale 16 each. */
class LyncModelProfileTest {

    @Test
    void atOneToOneTheRoomsShouldBeTheModelsCountsAndSizes() {
        List<List<List<Integer>>> members = LyncModelProfile.members(LyncModelProfile.users(1), 1, u -> true);

        assertThat(members).extracting(List::size).containsExactly(32_000, 1_067, 10);
        assertThat(meanSize(members.get(0))).isEqualTo(30.0);
        assertThat(meanSize(members.get(1))).isBetween(149.0, 151.0);
        assertThat(meanSize(members.get(2))).isEqualTo(16_000.0);
    }

    @Test
    void atAnyScaleEveryUserShouldBeInTwelveSmallTwoMediumAndTwoLargeRoomsOnce() {
        int users = LyncModelProfile.users(8);
        List<List<List<Integer>>> members = LyncModelProfile.members(users, 8, u -> true);

        int[] expected = {12, 2, 2};
        for (int c = 0; c < 3; c++) {
            int[] rooms = new int[users];
            for (List<Integer> room : members.get(c)) {
                assertThat(new HashSet<>(room)).hasSameSizeAs(room);
                room.forEach(u -> rooms[u]++);
            }
            for (int u = 0; u < users; u++) {
                assertThat(rooms[u]).as("user %d in class %d", u, c).isEqualTo(expected[c]);
            }
        }
    }

    @Test
    void usersWhoCouldNotLogInShouldBeInNoRoom() {
        List<List<List<Integer>>> members = LyncModelProfile.members(1_000, 80, u -> u % 2 == 0);

        Set<Integer> seen = new HashSet<>();
        members.forEach(rooms -> rooms.forEach(seen::addAll));
        assertThat(seen).allMatch(u -> u % 2 == 0).hasSize(500);
    }

    private static double meanSize(List<List<Integer>> rooms) {
        return rooms.stream().mapToInt(List::size).average().orElseThrow();
    }
}
