package org.perch.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.domain.chat.ChatFixture.CAROL;
import static org.perch.domain.chat.ChatFixture.ROOT;
import static org.perch.domain.chat.ChatFixture.refused;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.perch.domain.chat.ChatException.Reason;
import org.perch.domain.chat.RoomEvent.RoomChanged;
import org.perch.store.chat.Addin;
import org.perch.store.chat.Room;

/** Lync add-ins: registered by administrators, named by rooms, renamed and removed without leaving rooms astray. */
class ChatRoomsAddinTest {

    final ChatFixture f = new ChatFixture();
    final ChatRooms chat = f.chat;

    @Test
    void onlyAdministratorsShouldRegisterAddinsUnderFreeNames() {
        chat.createAddin(ROOT, Addin.create("Ticker", "https://apps.example.org/ticker"));

        refused(() -> chat.createAddin(CAROL, Addin.create("News", "https://n.example.org/")), Reason.FORBIDDEN);
        refused(() -> chat.createAddin(ROOT, Addin.create("TICKER", "https://t.example.org/")), Reason.CONFLICT);
        assertThat(chat.addins()).extracting(Addin::name).containsExactly("Ticker");
    }

    @Test
    void aRoomShouldNameOnlyARegisteredAddinAsItIsSpelt() {
        chat.createAddin(ROOT, Addin.create("Ticker", "https://apps.example.org/ticker"));
        Room desk = f.room("desk", "Desk");

        refused(() -> chat.updateRoom(CAROL, desk.id(), r -> r.withSettings(r.settings().withAddin(
                Optional.of("News")))), Reason.INVALID);
        Room after = chat.updateRoom(CAROL, desk.id(), r -> r.withSettings(r.settings().withAddin(
                Optional.of("ticker"))));

        assertThat(after.settings().addin()).contains("Ticker");
    }

    @Test
    void aRenameShouldFollowIntoTheRoomsThatShowTheAddin() {
        chat.createAddin(ROOT, Addin.create("Ticker", "https://apps.example.org/ticker"));
        Room desk = f.room("desk", "Desk");
        chat.updateRoom(CAROL, desk.id(), r -> r.withSettings(r.settings().withAddin(Optional.of("Ticker"))));
        f.events.clear();

        chat.updateAddin(ROOT, "ticker", a -> a.withName("Quotes").withUrl("https://apps.example.org/quotes"));

        assertThat(chat.room(desk.id()).orElseThrow().settings().addin()).contains("Quotes");
        assertThat(f.events).hasSize(1).first().isInstanceOf(RoomChanged.class);
        assertThat(chat.addin("QUOTES").orElseThrow().url().toString()).isEqualTo("https://apps.example.org/quotes");
    }

    @Test
    void anAddinInUseShouldBeRemovedOnlyWhenForcedAndThenLeaveNoRoomNamingIt() {
        chat.createAddin(ROOT, Addin.create("Ticker", "https://apps.example.org/ticker"));
        Room desk = f.room("desk", "Desk");
        chat.updateRoom(CAROL, desk.id(), r -> r.withSettings(r.settings().withAddin(Optional.of("Ticker"))));

        refused(() -> chat.deleteAddin(ROOT, "Ticker", false), Reason.CONFLICT);
        refused(() -> chat.deleteAddin(CAROL, "Ticker", true), Reason.FORBIDDEN);
        chat.deleteAddin(ROOT, "Ticker", true);

        assertThat(chat.addins()).isEmpty();
        assertThat(chat.room(desk.id()).orElseThrow().settings().addin()).isEmpty();
        refused(() -> chat.deleteAddin(ROOT, "Ticker", true), Reason.NOT_FOUND);
    }
}
