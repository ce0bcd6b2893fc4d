package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.core.Principal;
import org.perch.store.chat.InvitationSetting;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
import org.perch.testing.PerchTestServer;

/** {@code perch room …} as an operator runs it ({@link PerchCommand}), on the bootstrap category General. */
class RoomCommandsIT {

    static PerchTestServer server;

    @BeforeAll
    static void start() {
        server = PerchTestServer.start(Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("new, set, get and remove manage the running server's rooms with the cmdlets' parameters")
    void theCommandsShouldManageRooms() throws Exception {
        PerchCommand created = PerchCommand.run(server, "room", "new", "--name", "Bond Desk", "--category",
                "general", "--privacy", "open", "--invitations", "false");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).isEqualTo("created room Bond Desk (bond-desk)\n");
        Room room = room("bond desk");
        assertThat(room.settings().privacy()).isEqualTo(Privacy.OPEN);
        assertThat(room.settings().invitations()).isEqualTo(InvitationSetting.OFF);

        PerchCommand set = PerchCommand.run(server, "room", "set", "--identity", "bond desk", "--privacy", "closed",
                "--managers", "alice@localhost", "--members", "add=bob@localhost,carol@localhost");
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(room("Bond Desk").roles().members()).containsExactlyInAnyOrder(
                Principal.of("bob@localhost"), Principal.of("carol@localhost"));

        PerchCommand listed = PerchCommand.run(server, "room", "get", "--member", "bob@localhost");
        assertThat(listed.out()).startsWith("NAME").contains("Bond Desk", "bond-desk", "General", "closed");
        PerchCommand none = PerchCommand.run(server, "room", "get", "--privacy", "secret", "--output", "json");
        assertThat(none.out()).contains("\"rooms\" : [ ]");

        PerchCommand removed = PerchCommand.run(server, "room", "remove", "--identity", "Bond Desk");
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(server.server().store().rooms().findByName("Bond Desk")).isEmpty();
    }

    @Test
    @DisplayName("a room the rules refuse is not created, and the refusal says why")
    void refusedRoomsShouldNotExist() throws Exception {
        PerchCommand addin = PerchCommand.run(server, "room", "new", "--name", "Town Hall", "--category",
                "General", "--type", "normal", "--addin", "ticker");
        assertThat(addin.exitCode()).isEqualTo(1);
        assertThat(addin.err()).isEqualTo("perch: no add-in named 'ticker' is registered\n");
        assertThat(server.server().store().rooms().findByName("Town Hall")).isEmpty();

        PerchCommand nowhere = PerchCommand.run(server, "room", "new", "--name", "Lost", "--category", "Nowhere");
        assertThat(nowhere.exitCode()).isEqualTo(1);
        assertThat(nowhere.err()).isEqualTo("perch: no category named 'Nowhere'\n");
    }

    @Test
    @DisplayName("addin new, get, set and remove; a room shows a registered add-in, and a forced removal clears it")
    void addinsShouldBeManagedAndShownByRooms() throws Exception {
        PerchCommand created = PerchCommand.run(server, "addin", "new", "--name", "Ticker", "--url",
                "https://apps.example.org/ticker");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(PerchCommand.run(server, "room", "new", "--name", "Quotes", "--category", "General", "--addin",
                "ticker").exitCode()).isZero();
        assertThat(room("Quotes").settings().addin()).contains("Ticker");
        assertThat(PerchCommand.run(server, "addin", "get").out())
                .contains("Ticker", "https://apps.example.org/ticker");

        PerchCommand inUse = PerchCommand.run(server, "addin", "remove", "--identity", "Ticker");
        assertThat(inUse.exitCode()).isEqualTo(1);
        assertThat(inUse.err()).contains("force");
        PerchCommand forced = PerchCommand.run(server, "addin", "remove", "--identity", "Ticker", "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(room("Quotes").settings().addin()).isEmpty();
    }

    @Test
    @DisplayName("room clear deletes what was posted on or before the end date, and says how much")
    void clearShouldDeleteOldMessages() throws Exception {
        assertThat(PerchCommand.run(server, "room", "new", "--name", "Archive", "--category", "General")
                .exitCode()).isZero();
        Room archive = room("Archive");
        server.server().store().history().append(java.util.List.of(
                message(archive, "old", "2026-01-31T23:59:59.999999Z"),
                message(archive, "new", "2026-02-01T00:00:00Z")));

        PerchCommand cleared = PerchCommand.run(server, "room", "clear", "--identity", "archive", "--end-date",
                "2026-01-31");

        assertThat(cleared.exitCode()).as(cleared.err()).isZero();
        assertThat(cleared.out()).isEqualTo("removed 1 messages from archive\n");
        assertThat(server.server().store().history().find(archive.id(), "old")).isEmpty();
        assertThat(server.server().store().history().find(archive.id(), "new")).isPresent();
        PerchCommand bad = PerchCommand.run(server, "room", "clear", "--identity", "archive", "--end-date", "soon");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("YYYY-MM-DD");
    }

    private static org.perch.store.chat.PostedMessage message(Room room, String id, String at) {
        return new org.perch.store.chat.PostedMessage(room.id(), id, java.time.Instant.parse(at),
                org.perch.core.Jid.of("alice@localhost"), "alice", id, "<message/>");
    }

    private static Room room(String name) {
        return server.server().store().rooms().findByName(name).orElseThrow();
    }
}
