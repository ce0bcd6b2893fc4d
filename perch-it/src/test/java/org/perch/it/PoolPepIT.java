package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.it.PepClients.BOOKMARKS;
import static org.perch.it.PepClients.bookmark;
import static org.perch.it.PepClients.reply;
import static org.perch.it.PostgresPool.server;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.perch.testing.PerchTestServer;
import org.perch.testing.RawXmppClient;

/**
 * PEP notifications in a pool: an account's resources connected to different servers all hear of a change made
 * through one of them, once each, through the pool feed.
 */
class PoolPepIT {
    private static final String HEADLINE = "<message[^>]*type=\"headline\".*?</message>";

    @TempDir
    Path work;

    @RegisterExtension
    final Opened opened = new Opened();

    @Test
    @DisplayName("XEP-0163 in a pool: a publication through fe1 notifies the owner's resources on fe1 and fe2, once")
    void aPublicationShouldNotifyTheOwnersResourcesOnEveryServerOnce() throws Exception {
        PostgresPool pool = PostgresPool.publish(work, Optional.empty(), server("fe1", 1, "active"),
                server("fe2", 2, "active"));
        PerchTestServer fe1 = opened.add(pool.start("fe1"));
        PerchTestServer fe2 = opened.add(pool.start("fe2"));
        fe1.addUser("alice");
        RawXmppClient desk = opened.add(PepClients.login(fe1, "alice", "desk"));
        RawXmppClient laptop = opened.add(PepClients.login(fe1, "alice", "laptop"));
        RawXmppClient phone = opened.add(PepClients.login(fe2, "alice", "phone"));

        desk.send(bookmark("b1", "planning@chat.localhost", "Planning"));
        assertThat(reply(desk, "b1")).contains("type=\"result\"");
        for (RawXmppClient resource : new RawXmppClient[] {desk, laptop, phone}) {
            assertThat(resource.expect(HEADLINE).group()).contains("node=\"" + BOOKMARKS + "\"")
                    .contains("id=\"planning@chat.localhost\"").contains("from=\"alice@localhost\"");
        }

        phone.send(bookmark("b2", "lobby@chat.localhost", "Lobby"));
        assertThat(reply(phone, "b2")).contains("type=\"result\"");
        for (RawXmppClient resource : new RawXmppClient[] {desk, laptop, phone}) {
            assertThat(resource.expect(HEADLINE).group()).as("the next notification is the second publication's,"
                    + " not the first one again").contains("id=\"lobby@chat.localhost\"")
                    .doesNotContain("planning@chat.localhost");
        }
    }
}
