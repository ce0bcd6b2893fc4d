package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Room;
import org.perch.testing.PerchTestServer;

/**
 * Get-CsPersistentChatRoom's remaining filters on {@code perch room get}, and
 * Get-CsPersistentChatEligiblePrincipal as {@code perch eligible-principal get}, run as an operator does.
 */
class RoomQueryCommandsIT {

    static PerchTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = PerchTestServer.start(Map.of());
        for (String user : List.of("alice", "bob", "mallory")) {
            server.addUser(user);
        }
        perchOk("category", "new", "--name", "Desks");
        perchOk("category", "set", "--identity", "Desks", "--allowed-members", "domain:localhost",
                "--denied-members", "mallory@localhost");
        perchOk("addin", "new", "--name", "Ticker", "--url", "https://apps.example.org/ticker");
        perchOk("room", "new", "--name", "Bond Desk", "--category", "Desks", "--description", "Gilts");
        perchOk("room", "new", "--name", "FX Desk", "--category", "Desks", "--addin", "ticker", "--invitations",
                "false");
        perchOk("room", "new", "--name", "Town Hall", "--category", "Desks", "--type", "auditorium",
                "--description", "All-hands desk meetings");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("room get takes --search-description, --addin, --invitations, --chat-content-exceeds-mb and"
            + " --result-size")
    void roomGetShouldTakeTheRemainingFilters() throws Exception {
        assertThat(names("--filter", "desk")).containsExactly("Bond Desk", "FX Desk");
        assertThat(names("--filter", "desk", "--search-description")).containsExactly("Bond Desk", "FX Desk",
                "Town Hall");
        assertThat(names("--addin", "TICKER")).containsExactly("FX Desk");
        assertThat(names("--invitations", "false")).containsExactly("FX Desk");
        assertThat(names("--category", "Desks", "--result-size", "1")).containsExactly("Bond Desk");

        Room bond = server.server().store().rooms().findByName("Bond Desk").orElseThrow();
        String body = "x".repeat(600 * 1024);
        server.server().store().history().append(List.of(new PostedMessage(bond.id(), "big", Instant.now(),
                Jid.of("alice@localhost"), "alice", body, "<message><body>" + body + "</body></message>")));
        assertThat(names("--chat-content-exceeds-mb", "1")).containsExactly("Bond Desk");

        PerchCommand negative = PerchCommand.run(server, "room", "get", "--result-size", "-1");
        assertThat(negative.exitCode()).isEqualTo(1);
        assertThat(negative.err()).contains("resultSize is a whole number from 0 to 2147483647", "(resultSize)");
        PerchCommand alone = PerchCommand.run(server, "room", "get", "--search-description");
        assertThat(alone.exitCode()).isEqualTo(1);
        assertThat(alone.err()).contains("give a filter too");
    }

    @Test
    @DisplayName("eligible-principal get lists a category's accounts, and an auditorium's presenters")
    void eligiblePrincipalGetShouldListTheScopesAccounts() throws Exception {
        PerchCommand table = PerchCommand.run(server, "eligible-principal", "get", "--category", "desks");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).isEqualTo("""
                JID              TYPE
                alice@localhost  user
                bob@localhost    user
                """);

        PerchCommand presenters = PerchCommand.run(server, "eligible-principal", "get", "--room", "town hall",
                "--presenters", "--filter", "B*", "--output", "json");
        assertThat(presenters.exitCode()).as(presenters.err()).isZero();
        assertThat(presenters.out()).contains("\"jid\" : \"bob@localhost\"").doesNotContain("alice");

        PerchCommand limited = PerchCommand.run(server, "eligible-principal", "get", "--room", "Bond Desk",
                "--result-size", "1");
        assertThat(limited.out().lines()).containsExactly("JID              TYPE", "alice@localhost  user");
    }

    @Test
    @DisplayName("eligible-principal get refuses what Lync refused: presenters of a Normal room, two targets")
    void eligiblePrincipalGetShouldRefuseMistakes() throws Exception {
        PerchCommand normal = PerchCommand.run(server, "eligible-principal", "get", "--room", "Bond Desk",
                "--presenters");
        assertThat(normal.exitCode()).isEqualTo(1);
        assertThat(normal.err()).isEqualTo("perch: room 'Bond Desk' is Normal; only Auditorium rooms have"
                + " presenters (presenters)\n");

        PerchCommand both = PerchCommand.run(server, "eligible-principal", "get", "--room", "Bond Desk",
                "--category", "Desks");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");

        PerchCommand neither = PerchCommand.run(server, "eligible-principal", "get");
        assertThat(neither.exitCode()).isEqualTo(2);

        PerchCommand presentersOfACategory = PerchCommand.run(server, "eligible-principal", "get", "--category",
                "Desks", "--presenters");
        assertThat(presentersOfACategory.exitCode()).isEqualTo(2);
        assertThat(presentersOfACategory.err()).contains("--presenters goes with --room");

        PerchCommand missing = PerchCommand.run(server, "eligible-principal", "get", "--category", "Nowhere");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("perch: no category named 'Nowhere'\n");
    }

    private static List<String> names(String... filters) throws Exception {
        String[] args = new String[filters.length + 2];
        args[0] = "room";
        args[1] = "get";
        System.arraycopy(filters, 0, args, 2, filters.length);
        PerchCommand run = PerchCommand.run(server, args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out().lines().skip(1).map(l -> l.split(" {2,}")[0]).toList();
    }

    private static void perchOk(String... args) throws Exception {
        PerchCommand run = PerchCommand.run(server, args);
        assertThat(run.exitCode()).as(run.err()).isZero();
    }
}
