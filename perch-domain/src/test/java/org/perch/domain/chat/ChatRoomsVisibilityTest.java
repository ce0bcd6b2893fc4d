package org.perch.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.perch.domain.chat.ChatFixture.ALAN;
import static org.perch.domain.chat.ChatFixture.CAROL;
import static org.perch.domain.chat.ChatFixture.EVE;
import static org.perch.domain.chat.ChatFixture.MARY;
import static org.perch.domain.chat.ChatFixture.MIKE;
import static org.perch.domain.chat.ChatFixture.OSCAR;
import static org.perch.domain.chat.ChatFixture.ROOT;
import static org.perch.domain.chat.ChatFixture.refused;

import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.perch.core.CategoryId;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.domain.chat.ChatException.Reason;
import org.perch.domain.chat.RoomEvent.RoomChanged;
import org.perch.domain.chat.RoomEvent.RoomDeleted;
import org.perch.store.chat.HistoryQuery;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;

class ChatRoomsVisibilityTest {

    private final ChatFixture f = new ChatFixture();
    private final ChatRooms chat = f.chat;

    private Room withPrivacy(Room room, Privacy privacy) {
        Room r = chat.updateRoom(ROOT, room.id(), x -> x.withSettings(x.settings().withPrivacy(privacy)));
        f.events.clear();
        return r;
    }

    @Test
    void secretRoomShouldLookMissingToNonMembers() {
        Room secret = withPrivacy(f.room("hush", "Hush"), Privacy.SECRET);
        RoomId missing = RoomId.random();

        String hidden = message(() -> chat.updateRoom(ALAN, secret.id(), r -> r.withDescription("peek")));
        String absent = message(() -> chat.updateRoom(ALAN, missing, r -> r.withDescription("peek")));

        assertThat(hidden).isEqualTo(absent)
                .isEqualTo(ChatRooms.NO_SUCH_ROOM).doesNotContain("Hush");
        for (ThrowingCallable call : List.<ThrowingCallable>of(
                () -> chat.setDisabled(ALAN, secret.id(), true),
                () -> chat.deleteRoom(ALAN, secret.id()),
                () -> chat.updateRoom(OSCAR, secret.id(), r -> r),
                () -> chat.updateRoom(EVE, secret.id(), r -> r))) {
            refused(call, Reason.NOT_FOUND).hasMessage(ChatRooms.NO_SUCH_ROOM);
        }
        assertThat(chat.access(ALAN, secret).canSee()).isFalse();
        assertThat(chat.visibleRooms(ALAN)).isEmpty();
        assertThat(chat.visibleRooms(MARY)).containsExactly(secret);
    }

    @Test
    void closedRoomShouldBeRefusedNotHiddenToUsersInScope() {
        Room desk = f.room("desk", "Desk");

        refused(() -> chat.updateRoom(ALAN, desk.id(), r -> r.withDescription("mine")), Reason.FORBIDDEN);
        refused(() -> chat.updateRoom(OSCAR, desk.id(), r -> r.withDescription("mine")), Reason.NOT_FOUND);
    }

    @Test
    void visibleRoomsShouldListWhatEachUserMaySeeSortedByName() {
        Room zeta = f.room("zeta", "zeta");
        Room alpha = withPrivacy(f.room("alpha", "Alpha"), Privacy.OPEN);
        Room hush = withPrivacy(f.room("hush", "Hush"), Privacy.SECRET);
        Room lab = chat.createRoom(OSCAR, f.research.id(), "lab", "Lab");

        assertThat(chat.visibleRooms(ALAN)).containsExactly(alpha, zeta);
        assertThat(chat.visibleRooms(MARY)).containsExactly(alpha, hush, zeta);
        assertThat(chat.visibleRooms(EVE)).isEmpty();
        assertThat(chat.visibleRooms(OSCAR)).containsExactly(lab);
        assertThat(chat.visibleRooms(MIKE)).containsExactly(alpha, hush, lab, zeta);
        assertThat(chat.visibleRooms(ROOT)).containsExactly(alpha, hush, lab, zeta);
        assertThat(chat.visibleRooms(ALAN, f.trading.id())).containsExactly(alpha, zeta);
        assertThat(chat.visibleRooms(MIKE, f.research.id())).containsExactly(lab);
        assertThat(chat.visibleRooms(MIKE, CategoryId.random())).isEmpty();
    }

    @Test
    void disabledRoomShouldRefuseJoinsAndVanishFromListingsButKeepItsData() {
        Room desk = f.room("desk", "Desk");
        f.store.history().append(List.of(new PostedMessage(desk.id(), "m1", Instant.parse("2025-03-01T12:00:00Z"),
                MARY, "mary", "hello", "<message/>")));
        f.events.clear();

        Room disabled = chat.setDisabled(MIKE, desk.id(), true);

        assertThat(disabled.settings().disabled()).isTrue();
        assertThat(f.events).containsExactly(new RoomChanged(desk, disabled));
        assertThat(chat.access(MARY, disabled).canJoin()).isFalse();
        assertThat(chat.access(MIKE, disabled).canJoin()).isFalse();
        assertThat(chat.access(ROOT, disabled).canJoin()).isFalse();
        assertThat(chat.visibleRooms(MARY)).isEmpty();
        assertThat(chat.visibleRooms(ROOT)).containsExactly(disabled);
        refused(() -> chat.updateRoom(MARY, desk.id(), r -> r), Reason.NOT_FOUND);
        assertThat(disabled.roles()).isEqualTo(desk.roles());
        assertThat(f.store.history().query(HistoryQuery.latest(desk.id(), 10)).orElseThrow().messages())
                .extracting(m -> m.body()).containsExactly("hello");

        Room enabled = chat.setDisabled(MIKE, desk.id(), false);
        assertThat(enabled).isEqualTo(desk);
        assertThat(chat.access(MARY, enabled).canJoin()).isTrue();
    }

    @Test
    void managersShouldNotDeleteRooms() {
        Room desk = f.room("desk", "Desk");

        refused(() -> chat.deleteRoom(MIKE, desk.id()), Reason.FORBIDDEN)
                .hasMessage("only administrators may delete rooms; managers may disable them");
        refused(() -> chat.deleteRoom(CAROL, desk.id()), Reason.FORBIDDEN);
        assertThat(chat.room(desk.id())).contains(desk);
        assertThat(f.events).isEmpty();
    }

    @Test
    void administratorsShouldDeleteRoomsWithTheirHistory() {
        Room desk = f.room("desk", "Desk");
        f.store.history().append(List.of(new PostedMessage(desk.id(), "m1", Instant.parse("2025-03-01T12:00:00Z"),
                MARY, "mary", "hello", "<message/>")));

        chat.deleteRoom(ROOT, desk.id());

        assertThat(chat.room(desk.id())).isEmpty();
        assertThat(chat.roomByAddress("desk")).isEmpty();
        assertThat(f.store.history().find(desk.id(), "m1")).isEmpty();
        assertThat(f.events).containsExactly(new RoomDeleted(desk));
        refused(() -> chat.deleteRoom(ROOT, desk.id()), Reason.NOT_FOUND);
    }

    @Test
    void isAdminShouldHoldOnlyForAdministratorAccountsAndTheOperator() {
        assertThat(chat.isAdmin(ROOT)).isTrue();
        assertThat(chat.isAdmin(ROOT.withResource("laptop"))).isTrue();
        assertThat(chat.isAdmin(MARY)).as("no account").isFalse();
        assertThat(chat.isAdmin(ChatFixture.OPERATOR)).as("the server itself").isTrue();
        assertThat(chat.isAdmin(Jid.domainOnly("example.org"))).as("another domain").isFalse();
    }

    @Test
    void theOperatorShouldBeADomainNotAnAccount() {
        assertThatThrownBy(() -> new ChatRooms(f.store, ChatSettings.DEFAULTS, ChatFixture.CLOCK, e -> { }, MARY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("domain JID");
    }

    @Test
    void aFailingListenerShouldNotUndoAStoredChange() {
        ChatRooms loud = new ChatRooms(f.store, ChatSettings.DEFAULTS, ChatFixture.CLOCK, e -> {
            throw new IllegalStateException("listener broke");
        }, ChatFixture.OPERATOR);

        Room desk = loud.createRoom(CAROL, f.trading.id(), "desk", "Desk");

        assertThat(chat.room(desk.id())).contains(desk);
    }

    private static String message(ThrowingCallable call) {
        try {
            call.call();
        } catch (ChatException e) {
            assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
            return e.getMessage();
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        throw new AssertionError("not refused");
    }
}
