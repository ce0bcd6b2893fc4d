package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.Room;

/** {@code perch message remove} (Remove-CsPersistentChatMessage) as an operator runs it ({@link PerchCommand}). */
class MessageCommandsIT extends MucTestBase {

    private static final QName RETRACT = new QName("urn:xmpp:message-retract:1", "retract");

    @Test
    @DisplayName("Replaced messages are withdrawn from occupants and leave a tombstone with Lync's text in the archive")
    void replacedMessagesShouldLeaveTombstonesWithTheText() throws Exception {
        MultiUserChat room = newRoom(alice);
        configure(room, "perch#members", List.of("bob@localhost"));
        MultiUserChat asBob = join(bob, room, "bob");
        room.sendMessage("the budget is final");
        String budgetId = stanzaId(next(room));
        room.sendMessage("lunch anyone?");
        String lunchId = stanzaId(next(room));
        assertThat(next(asBob).getBody()).isEqualTo("the budget is final");
        assertThat(next(asBob).getBody()).isEqualTo("lunch anyone?");

        PerchCommand removed = PerchCommand.run(server, "message", "remove", "--identity", name(room),
                "--user-uri", "alice@localhost", "--message-text", "BUDGET");

        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(removed.out()).isEqualTo("replaced 1 messages in " + name(room) + "\n");
        Message withdrawn = next(asBob);
        assertThat(withdrawn.getExtension(RETRACT).toXML().toString()).contains(budgetId,
                "urn:xmpp:message-moderate:1", "This message was replaced by the Persistent Chat administrator.");
        MamManager mam = MamManager.getInstanceFor(asBob);
        assertThat(mam.isSupported()).isTrue();
        List<Message> archive = mam.queryArchive(MamManager.MamQueryArgs.builder().build()).getMessages();
        assertThat(archive).hasSize(2);
        assertThat(archive.getFirst().getBody()).isNull();
        assertThat(archive.getFirst().toXML().toString()).contains("retracted",
                "This message was replaced by the Persistent Chat administrator.");
        assertThat(archive.get(1).getBody()).isEqualTo("lunch anyone?");
        assertThat(stored(room, lunchId).retracted()).isFalse();
    }

    @Test
    @DisplayName("--remove deletes the messages; a command that names no message is refused")
    void removeShouldDeleteAndAnEmptySelectionBeRefused() throws Exception {
        MultiUserChat room = newRoom(alice);
        room.sendMessage("delete me");
        String doomed = stanzaId(next(room));

        PerchCommand nothing = PerchCommand.run(server, "message", "remove", "--identity", name(room));
        assertThat(nothing.exitCode()).isEqualTo(1);
        assertThat(nothing.err()).contains("say which messages");
        PerchCommand both = PerchCommand.run(server, "message", "remove", "--identity", name(room), "--remove",
                "--replace-message", "x", "--message-text", "delete");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(stored(room, doomed).retracted()).isFalse();

        PerchCommand deleted = PerchCommand.run(server, "message", "remove", "--identity", name(room),
                "--message-text", "delete", "--start-date", "2000-01-01", "--remove");

        assertThat(deleted.exitCode()).as(deleted.err()).isZero();
        assertThat(deleted.out()).isEqualTo("deleted 1 messages in " + name(room) + "\n");
        assertThat(server.server().store().history().find(storedRoom(room).id(), doomed)).isEmpty();
    }

    private static String name(MultiUserChat room) {
        return storedRoom(room).name();
    }

    private static ChatMessage stored(MultiUserChat room, String stanzaId) {
        Room r = storedRoom(room);
        return server.server().store().history().find(r.id(), stanzaId).orElseThrow();
    }
}
