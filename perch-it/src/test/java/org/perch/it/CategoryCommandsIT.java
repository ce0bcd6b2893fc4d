package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.store.chat.Category;
import org.perch.testing.PerchTestServer;

/** {@code perch category …} as an operator runs it ({@link PerchCommand}). */
class CategoryCommandsIT {

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
    @DisplayName("new, set, get and remove change the running server's categories")
    void theCommandsShouldManageCategories() throws Exception {
        PerchCommand created = perch("category", "new", "--name", "Trading Desks", "--description", "Desks",
                "--enable-invitations");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).isEqualTo("created category Trading Desks\n");
        assertThat(category("trading desks").flags().invitations()).isTrue();

        PerchCommand set = perch("category", "set", "--identity", "trading desks", "--allowed-members",
                "domain:localhost", "--creators", "add=alice@localhost,bob@localhost", "--creators",
                "remove=bob@localhost", "--chat-history", "false");
        assertThat(set.exitCode()).as(set.err()).isZero();
        Category changed = category("trading desks");
        assertThat(changed.allowedMembers()).containsExactly(Principal.of("domain:localhost"));
        assertThat(changed.creators()).containsExactly(Principal.user(Jid.of("alice@localhost")));
        assertThat(changed.flags().chatHistory()).isFalse();

        PerchCommand table = perch("category", "get");
        assertThat(table.out()).startsWith("NAME").contains("Trading Desks", "domain:localhost",
                "user:alice@localhost");
        PerchCommand json = perch("category", "get", "--identity", "Trading Desks", "--output", "json");
        assertThat(json.out()).contains("\"name\" : \"Trading Desks\"", "\"chatHistory\" : false");

        PerchCommand removed = perch("category", "remove", "--identity", "Trading Desks");
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(server.server().store().categories().findByName("Trading Desks")).isEmpty();
    }

    @Test
    @DisplayName("refusals name what is wrong and exit with 1; a usage error exits with 2")
    void refusalsShouldBeClear() throws Exception {
        PerchCommand missing = perch("category", "remove", "--identity", "Nowhere");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("perch: no category named 'Nowhere'\n");

        PerchCommand general = perch("category", "remove", "--identity", "General");
        assertThat(general.exitCode()).as("the bootstrap category is empty, so it goes").isZero();

        PerchCommand tooLong = perch("category", "new", "--name", "n".repeat(300));
        assertThat(tooLong.exitCode()).isEqualTo(1);
        assertThat(tooLong.err()).contains("at most 256", "(name)");

        PerchCommand both = perch("category", "set", "--identity", "x", "--creators", "a@localhost", "--creators",
                "add=b@localhost");
        assertThat(both.exitCode()).isEqualTo(1);
        assertThat(both.err()).contains("not both");

        PerchCommand noName = perch("category", "new");
        assertThat(noName.exitCode()).isEqualTo(2);
        assertThat(noName.err()).contains("--name");
    }

    @Test
    @DisplayName("without a running server the command says so")
    void aStoppedServerShouldBeReported() throws Exception {
        PerchCommand run = PerchCommand.runWith(server, Map.of("PERCH_ADMIN_PORT", "1"), "category", "get");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot reach the admin API", "is the server running?");
    }

    private static Category category(String name) {
        return server.server().store().categories().findByName(name).orElseThrow();
    }

    private static PerchCommand perch(String... args) throws Exception {
        return PerchCommand.run(server, args);
    }
}
