package org.perch.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.store.tck.ChatData.UNICODE;
import static org.perch.store.tck.ChatData.domain;
import static org.perch.store.tck.ChatData.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perch.core.CategoryId;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.store.chat.Category;
import org.perch.store.chat.InvitationSetting;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
import org.perch.store.chat.RoomRoles;
import org.perch.store.chat.RoomSettings;
import org.perch.store.chat.RoomStore;
import org.perch.store.chat.RoomType;

/**
 * What every {@link RoomStore} must keep of a room: each setting, each role's principals, its fixed address, and
 * Unicode text up to the maximum lengths. Bound through {@link RoomStoreContract}.
 */
public interface RoomRoundTripContract {

    /** A fixture over fresh, empty data for the current test. */
    StoreFixture fixture();

    @AfterEach
    default void closeRoomStoreFixture() {
        fixture().close();
    }

    private RoomStore rooms() {
        return fixture().store().rooms();
    }

    private CategoryId general() {
        Category general = Category.named("General");
        fixture().store().categories().create(general);
        return general.id();
    }

    @Test
    default void everyCombinationOfSettingsShouldRoundTrip() {
        CategoryId general = general();
        List<Room> created = new ArrayList<>();
        int n = 0;
        for (Privacy privacy : Privacy.values()) {
            for (RoomType type : RoomType.values()) {
                for (InvitationSetting invitations : InvitationSetting.values()) {
                    for (boolean disabled : List.of(false, true)) {
                        Optional<String> addin = n % 2 == 0 ? Optional.empty() : Optional.of("addin-" + n);
                        Room room = Room.create("room" + n, general, "Room " + n)
                                .withSettings(new RoomSettings(privacy, type, invitations, addin, disabled));
                        assertThat(rooms().create(room)).isTrue();
                        created.add(room);
                        n++;
                    }
                }
            }
        }

        for (Room room : created) {
            assertThat(rooms().find(room.id())).contains(room);
        }
    }

    @Test
    default void updateShouldSetAndClearTheAddin() {
        Room lobby = Room.create("lobby", general(), "Lobby");
        rooms().create(lobby);
        Room withAddin = lobby.withSettings(lobby.settings().withAddin(Optional.of("https://addins.example/poll")));

        rooms().update(withAddin);
        assertThat(rooms().find(lobby.id())).contains(withAddin);

        rooms().update(lobby);
        assertThat(rooms().find(lobby.id()).orElseThrow().settings().addin()).isEmpty();
    }

    @Test
    default void updateShouldNeverChangeTheAddress() {
        Room lobby = Room.create("lobby", general(), "Lobby");
        rooms().create(lobby);
        Room moved = new Room(lobby.id(), "hall", lobby.category(), "Hall", "", lobby.settings(), lobby.roles(), "");

        assertThat(rooms().update(moved)).isTrue();

        assertThat(rooms().find(lobby.id()).orElseThrow().address()).isEqualTo("lobby");
        assertThat(rooms().findByAddress("lobby")).contains(lobby.withName("Hall"));
        assertThat(rooms().findByAddress("hall")).isEmpty();
    }

    @Test
    default void principalsOfEveryKindShouldRoundTripInEveryRole() {
        RoomRoles roles = new RoomRoles(Set.of(user("alice"), domain("example.org")),
                Set.of(user("bob"), domain("managers.example.org")),
                Set.of(user("carol"), domain("presenters.example.org"),
                        Principal.user(Jid.bare("李小龍", "exämple.org"))));
        Room lobby = Room.create("lobby", general(), "Lobby").withRoles(roles);

        rooms().create(lobby);

        assertThat(rooms().find(lobby.id()).orElseThrow().roles()).isEqualTo(roles);
    }

    @Test
    default void thePrincipalShouldBeKeptInEachRoleThatNamesIt() {
        Set<Principal> both = Set.of(user("alice"), domain("example.org"));
        Room lobby = Room.create("lobby", general(), "Lobby").withRoles(new RoomRoles(both, both, both));

        rooms().create(lobby);

        assertThat(rooms().find(lobby.id())).contains(lobby);
    }

    @Test
    default void updateShouldReplaceTheRolesRatherThanAddToThem() {
        Room lobby = Room.create("lobby", general(), "Lobby").withRoles(new RoomRoles(Set.of(user("alice")),
                Set.of(user("bob")), Set.of(domain("example.org"))));
        rooms().create(lobby);
        RoomRoles replaced = RoomRoles.NONE.withPresenters(Set.of(user("carol")));

        rooms().update(lobby.withRoles(replaced));

        assertThat(rooms().find(lobby.id()).orElseThrow().roles()).isEqualTo(replaced);
        assertThat(rooms().list()).extracting(Room::roles).containsExactly(replaced);
    }

    @Test
    default void rolesShouldBeKeptApartPerRoom() {
        CategoryId general = general();
        Room lobby = Room.create("lobby", general, "Lobby").withRoles(RoomRoles.NONE.withMembers(Set.of(user("a"))));
        Room hall = Room.create("hall", general, "Hall").withRoles(RoomRoles.NONE.withManagers(Set.of(user("b"))));

        rooms().create(lobby);
        rooms().create(hall);

        assertThat(rooms().list()).containsExactly(hall, lobby);
        assertThat(rooms().inCategory(general)).containsExactly(hall, lobby);
    }

    @Test
    default void unicodeAddressesNamesDescriptionsAndSubjectsShouldRoundTrip() {
        Room room = Room.create("会议室-café", general(), UNICODE).withDescription("Описание: " + UNICODE)
                .withSubject("Line one 😀\nLine two: " + UNICODE + "\n" + "長い話題".repeat(500));

        rooms().create(room);

        assertThat(rooms().find(room.id())).contains(room);
        assertThat(rooms().findByAddress("会议室-café")).contains(room);
        assertThat(rooms().findByName("CAFÉ ☕ 😀🎉 会议室 — غرفة الاجتماعات — חדר ישיבות")).contains(room);
    }

    @Test
    default void namesDescriptionsAndAddressesOfTheMaximumLengthShouldRoundTrip() {
        CategoryId general = general();
        // Lower-casing 'İ' gives two chars, so a name's case-free form can be longer than the name itself.
        Room turkish = Room.create("a".repeat(Room.MAX_ADDRESS_LENGTH), general,
                "İSTANBUL İZMİR ".repeat(20).substring(0, Room.MAX_NAME_LENGTH))
                .withDescription("d".repeat(Room.MAX_DESCRIPTION_LENGTH));
        Room cjk = Room.create("会".repeat(Room.MAX_ADDRESS_LENGTH), general, "室".repeat(Room.MAX_NAME_LENGTH))
                .withDescription("😀".repeat(Room.MAX_DESCRIPTION_LENGTH / 2));

        assertThat(rooms().create(turkish)).isTrue();
        assertThat(rooms().create(cjk)).isTrue();

        assertThat(rooms().find(turkish.id())).contains(turkish);
        assertThat(rooms().findByName(turkish.name())).contains(turkish);
        assertThat(rooms().findByAddress(cjk.address())).contains(cjk);
    }
}
