package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.it.PepClients.PRIVATE;
import static org.perch.it.PepClients.fullReply;
import static org.perch.it.PepClients.login;
import static org.perch.it.PepClients.options;
import static org.perch.it.PepClients.publish;
import static org.perch.it.PepClients.reply;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.testing.PerchTestServer;
import org.perch.testing.RawXmppClient;

/** PEP bounds lowered through the {@code pep.*} configuration keys are what a client meets. */
class PepLimitsIT {
    private final PerchTestServer server = PerchTestServer.start(Map.of("pep.max-items", "3",
            "pep.max-payload-bytes", "1024", "pep.max-nodes", "2"));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @DisplayName("pep.max-nodes, pep.max-payload-bytes and pep.max-items, lowered, refuse what the defaults allow")
    void loweredLimitsShouldBeEnforced() {
        server.addUser("alice");
        try (RawXmppClient client = login(server, "alice", "desk")) {
            client.send(publish("n1", "urn:example:one", "i", "<x xmlns='urn:example'/>", PRIVATE));
            assertThat(reply(client, "n1")).contains("type=\"result\"");
            client.send(publish("n2", "urn:example:two", "i", "<x xmlns='urn:example'/>", PRIVATE));
            assertThat(reply(client, "n2")).contains("type=\"result\"");
            client.send(publish("n3", "urn:example:three", "i", "<x xmlns='urn:example'/>", PRIVATE));
            assertThat(fullReply(client, "n3")).contains("type=\"error\"").contains("<max-nodes-exceeded")
                    .contains("at most 2 nodes");

            client.send(publish("big", "urn:example:one", "j", "<x xmlns='urn:example'>" + "a".repeat(1100)
                    + "</x>", PRIVATE));
            assertThat(fullReply(client, "big")).contains("type=\"error\"").contains("<payload-too-big")
                    .contains("at most 1024 bytes");

            client.send(publish("max", "urn:example:two", "k", "<x xmlns='urn:example'/>",
                    options("true", "4", "never", "whitelist")));
            assertThat(fullReply(client, "max")).contains("type=\"error\"").contains("<precondition-not-met")
                    .contains("at most 3 items");
        }
    }
}
