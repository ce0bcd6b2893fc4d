package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.perch.store.tck.ChatData.user;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.perch.core.CategoryId;
import org.perch.core.RoomId;
import org.perch.store.chat.Category;
import org.perch.store.chat.HistoryQuery;
import org.perch.store.chat.HistoryStore;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
import org.perch.store.chat.RoomRoles;
import org.perch.store.chat.RoomStore;

/**
 * What every {@link org.perch.store.chat.RoomStore} must do: creating, finding, listing, updating and deleting
 * rooms. What a room keeps of its fields is in {@link RoomRoundTripContract}, which this extends, so one binding
 * runs both.
 */
public interface RoomStoreContract extends RoomRoundTripContract {

    private RoomStore rooms() {
        return fixture().store().rooms();
    }

    private Category category(String name) {
        Category category = Category.named(name);
        fixture().store().categories().create(category);
        return category;
    }

    @Test
    default void findShouldReturnTheCreatedRoomByIdAddressAndName() {
        Room lobby = Room.create("lobby", category("General").id(), "Lobby");

        assertThat(rooms().create(lobby)).isTrue();

        assertThat(rooms().find(lobby.id())).contains(lobby);
        assertThat(rooms().findByAddress("lobby")).contains(lobby);
        assertThat(rooms().findByName("Lobby")).contains(lobby);
    }

    @Test
    default void findShouldBeEmptyForAnUnknownIdAddressOrName() {
        rooms().create(Room.create("lobby", category("General").id(), "Lobby"));

        assertThat(rooms().find(RoomId.random())).isEmpty();
        assertThat(rooms().findByAddress("hall")).isEmpty();
        assertThat(rooms().findByName("Hall")).isEmpty();
    }

    @Test
    default void findByNameShouldIgnoreCase() {
        Room lobby = Room.create("lobby", category("General").id(), "Main Lobby");
        rooms().create(lobby);

        assertThat(rooms().findByName("main lobby")).contains(lobby);
        assertThat(rooms().findByName("MAIN LOBBY")).contains(lobby);
    }

    @Test
    default void createShouldRefuseATakenIdAndKeepTheFirstRoom() {
        Room lobby = Room.create("lobby", category("General").id(), "Lobby");
        rooms().create(lobby);

        assertThat(rooms().create(new Room(lobby.id(), "hall", lobby.category(), "Hall", "", lobby.settings(),
                lobby.roles(), ""))).isFalse();

        assertThat(rooms().list()).containsExactly(lobby);
        assertThat(rooms().findByAddress("hall")).isEmpty();
    }

    @Test
    default void createShouldRefuseATakenAddress() {
        CategoryId general = category("General").id();
        Room lobby = Room.create("lobby", general, "Lobby");
        rooms().create(lobby);

        assertThat(rooms().create(Room.create("lobby", general, "Another Lobby"))).isFalse();

        assertThat(rooms().list()).containsExactly(lobby);
    }

    @Test
    default void roomNamesShouldBeUniqueWithoutRegardToCase() {
        CategoryId general = category("General").id();
        CategoryId other = category("Other").id();
        Room lobby = Room.create("lobby", general, "Café Lobby");
        rooms().create(lobby);

        assertThat(rooms().create(Room.create("lobby2", general, "CAFÉ LOBBY"))).isFalse();
        assertThat(rooms().create(Room.create("lobby3", other, "café lobby"))).isFalse();

        assertThat(rooms().list()).containsExactly(lobby);
    }

    @Test
    default void aRoomMayShareItsNameWithACategory() {
        Category sales = category("Sales");

        assertThat(rooms().create(Room.create("sales", sales.id(), "Sales"))).isTrue();
    }

    @Test
    default void createShouldRefuseARoomWhoseCategoryIsMissing() {
        Room orphan = Room.create("orphan", CategoryId.random(), "Orphan");

        assertThat(rooms().create(orphan)).isFalse();

        assertThat(rooms().find(orphan.id())).isEmpty();
        assertThat(rooms().list()).isEmpty();
    }

    @Test
    default void inCategoryShouldListOnlyThatCategorysRoomsSortedByNameWithoutRegardToCase() {
        CategoryId general = category("General").id();
        CategoryId other = category("Other").id();
        for (String name : List.of("beta", "Zulu", "Alpha", "gamma")) {
            rooms().create(Room.create(name.toLowerCase(Locale.ROOT), general, name));
        }
        rooms().create(Room.create("elsewhere", other, "Elsewhere"));

        assertThat(rooms().inCategory(general)).extracting(Room::name)
                .containsExactly("Alpha", "beta", "gamma", "Zulu");
        assertThat(rooms().inCategory(other)).extracting(Room::name).containsExactly("Elsewhere");
        assertThat(rooms().inCategory(CategoryId.random())).isEmpty();
    }

    @Test
    default void listShouldSortEveryRoomByNameWithoutRegardToCase() {
        CategoryId general = category("General").id();
        CategoryId other = category("Other").id();
        rooms().create(Room.create("b", general, "beta"));
        rooms().create(Room.create("z", other, "Zulu"));
        rooms().create(Room.create("a", other, "Alpha"));
        rooms().create(Room.create("d", general, "delta"));

        assertThat(rooms().list()).extracting(Room::name).containsExactly("Alpha", "beta", "delta", "Zulu");
    }

    @Test
    default void listShouldBeEmptyWhenThereAreNoRooms() {
        assertThat(rooms().list()).isEmpty();
    }

    @Test
    default void namesShouldGiveEveryRoomsNameAsStoredByItsIdAndFollowRenamesAndDeletes() {
        CategoryId general = category("General").id();
        CategoryId other = category("Other").id();
        Room lobby = Room.create("lobby", general, "Lobby");
        Room hall = Room.create("hall", other, "Hall");
        Room gone = Room.create("gone", general, "Gone");
        for (Room room : List.of(lobby, hall, gone)) {
            rooms().create(room);
        }
        rooms().update(hall.withName("Gr\u0435at Hall")); // a Cyrillic е: kept as given, for the caller to compare
        rooms().delete(gone.id());

        assertThat(rooms().names()).containsExactlyInAnyOrderEntriesOf(Map.of(lobby.id(), "Lobby", hall.id(),
                "Gr\u0435at Hall"));
    }

    @Test
    default void namesShouldBeEmptyWhenThereAreNoRooms() {
        assertThat(rooms().names()).isEmpty();
    }

    @Test
    default void updateShouldReplaceNameDescriptionCategorySettingsRolesAndSubject() {
        Room lobby = Room.create("lobby", category("General").id(), "Lobby");
        rooms().create(lobby);
        Room changed = lobby.withName("Hall").withDescription("Where we meet").withCategory(category("Other").id())
                .withSettings(lobby.settings().withPrivacy(Privacy.OPEN))
                .withRoles(RoomRoles.NONE.withManagers(Set.of(user("alice")))).withSubject("Today: planning");

        assertThat(rooms().update(changed)).isTrue();

        assertThat(rooms().find(lobby.id())).contains(changed);
        assertThat(rooms().findByName("hall")).contains(changed);
        assertThat(rooms().findByName("Lobby")).isEmpty();
        assertThat(rooms().inCategory(lobby.category())).isEmpty();
        assertThat(rooms().inCategory(changed.category())).containsExactly(changed);
    }

    @Test
    default void updateShouldLetARoomChangeTheCaseOfItsOwnName() {
        Room lobby = Room.create("lobby", category("General").id(), "lobby");
        rooms().create(lobby);

        assertThat(rooms().update(lobby.withName("LOBBY"))).isTrue();

        assertThat(rooms().find(lobby.id())).contains(lobby.withName("LOBBY"));
    }

    @Test
    default void updateShouldRefuseANameTakenByAnotherRoomAndChangeNothing() {
        CategoryId general = category("General").id();
        Room lobby = Room.create("lobby", general, "Lobby");
        Room hall = Room.create("hall", general, "Hall");
        rooms().create(lobby);
        rooms().create(hall);

        assertThat(rooms().update(hall.withName("LOBBY").withSubject("taken"))).isFalse();

        assertThat(rooms().find(hall.id())).contains(hall);
        assertThat(rooms().findByName("lobby")).contains(lobby);
    }

    @Test
    default void updateShouldRefuseAMissingCategoryAndChangeNothing() {
        Room lobby = Room.create("lobby", category("General").id(), "Lobby");
        rooms().create(lobby);

        assertThat(rooms().update(lobby.withCategory(CategoryId.random()).withName("Hall"))).isFalse();

        assertThat(rooms().find(lobby.id())).contains(lobby);
    }

    @Test
    default void updateShouldReturnFalseForAnUnknownRoomAndNotCreateIt() {
        Room ghost = Room.create("ghost", category("General").id(), "Ghost");

        assertThat(rooms().update(ghost)).isFalse();

        assertThat(rooms().find(ghost.id())).isEmpty();
        assertThat(rooms().list()).isEmpty();
    }

    @Test
    default void deleteShouldRemoveTheRoomAndFreeItsAddressAndName() {
        CategoryId general = category("General").id();
        Room lobby = Room.create("lobby", general, "Lobby");
        Room hall = Room.create("hall", general, "Hall");
        rooms().create(lobby);
        rooms().create(hall);

        assertThat(rooms().delete(lobby.id())).isTrue();

        assertThat(rooms().find(lobby.id())).isEmpty();
        assertThat(rooms().findByAddress("lobby")).isEmpty();
        assertThat(rooms().list()).containsExactly(hall);
        assertThat(rooms().create(Room.create("lobby", general, "LOBBY"))).isTrue();
        assertThat(rooms().delete(lobby.id())).isFalse();
    }

    @Test
    default void deleteShouldRemoveTheRoomsWholeHistory() {
        Room lobby = Room.create("lobby", category("General").id(), "Lobby");
        Room hall = Room.create("hall", lobby.category(), "Hall");
        rooms().create(lobby);
        rooms().create(hall);
        HistoryStore history = fixture().store().history();
        ChatData.fill(history, lobby.id(), 5);
        ChatData.fill(history, hall.id(), 3);

        rooms().delete(lobby.id());
        assertThat(history.find(lobby.id(), "msg-0")).isEmpty();
        // The same id again: a new room must not inherit the old one's messages.
        rooms().create(lobby);

        assertThat(history.find(lobby.id(), "msg-0")).isEmpty();
        assertThat(history.query(HistoryQuery.earliest(lobby.id(), 10)).orElseThrow().messages()).isEmpty();
        assertThat(history.query(HistoryQuery.earliest(hall.id(), 10)).orElseThrow().messages()).hasSize(3);
    }

    @Test
    default void concurrentCreatesShouldAllBeStored() {
        int perThread = 50;
        CategoryId general = category("General").id();
        RoomStore rooms = rooms();

        Concurrently.run(2, t -> {
            for (int i = 0; i < perThread; i++) {
                assertThat(rooms.create(Room.create("room-" + t + "-" + i, general, "Room " + t + "-" + i)))
                        .isTrue();
            }
        });

        assertThat(rooms().list()).hasSize(2 * perThread);
        assertThat(rooms().inCategory(general)).hasSize(2 * perThread);
    }

    @Test
    default void concurrentCreatesOfTheSameNameShouldLetExactlyOneWin() {
        CategoryId general = category("General").id();
        List<Boolean> results = Collections.synchronizedList(new ArrayList<>());
        RoomStore rooms = rooms();

        Concurrently.run(2, t -> results.add(rooms.create(Room.create("lobby" + t, general, t == 0 ? "Lobby"
                : "LOBBY"))));

        assertThat(results).containsExactlyInAnyOrder(true, false);
        assertThat(rooms().list()).hasSize(1);
    }

    @Test
    default void roomsShouldSurviveARestart() {
        assumeThat(fixture().has(StoreCapability.DURABLE)).as("backend is durable").isTrue();
        CategoryId general = category("General").id();
        Room lobby = Room.create("lobby", general, "Lobby").withSubject("Welcome")
                .withRoles(RoomRoles.NONE.withMembers(Set.of(user("alice"))));
        Room hall = Room.create("hall", general, "Hall");
        rooms().create(lobby);
        rooms().create(hall);
        rooms().create(Room.create("gone", general, "Gone"));
        rooms().delete(rooms().findByAddress("gone").orElseThrow().id());
        rooms().update(hall.withName("Great Hall"));

        RoomStore reopened = fixture().reopen().rooms();

        assertThat(reopened.list()).containsExactly(hall.withName("Great Hall"), lobby);
        assertThat(reopened.create(Room.create("lobby", general, "Another"))).isFalse();
        assertThat(reopened.create(Room.create("other", general, "LOBBY"))).isFalse();
    }
}
