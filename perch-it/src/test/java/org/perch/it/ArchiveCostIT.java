package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/**
 * An archive page costs the asker stanzas of its rate: every five messages sent count as one stanza it sent
 * ({@code ClientSession.deliverArchiveResults}). A client paging through an archive back to back is slowed to what its
 * stanza rate pays for, and is never cut off for it.
 */
class ArchiveCostIT {
    private static final int POSTED = 100;
    private static final int PER_SECOND = 8;
    private static final int BURST = 5;

    @Test
    @DisplayName("pages of 100 messages asked back to back at 8 stanzas a second come no faster than 21 stanzas' worth"
            + " each, and the session stays connected")
    void pagingBackToBackShouldBeSlowedToTheStanzaRate() throws Exception {
        Path dataDir = Files.createTempDirectory("perch-archive-cost-");
        try (PerchTestServer unlimited = PerchTestServer.start(dataDir, Map.of("limits.stanzas-per-second", "0"))) {
            unlimited.addUser("alice");
            XMPPTCPConnection alice = SmackClients.login(unlimited, "alice", "desk");
            MultiUserChat room = room(alice);
            room.create(Resourcepart.from("alice")).makeInstant();
            for (int i = 1; i <= POSTED; i++) {
                room.sendMessage("page filler " + i);
                assertThat(MucTestBase.next(room).getBody()).isEqualTo("page filler " + i);
            }
            alice.disconnect();
        }

        try (PerchTestServer limited = PerchTestServer.start(dataDir, Map.of("limits.max-mam-page", "100",
                "limits.stanzas-per-second", String.valueOf(PER_SECOND), "limits.stanza-burst",
                String.valueOf(BURST)))) {
            XMPPTCPConnection alice = SmackClients.login(limited, "alice", "desk");
            MamManager mam = MamManager.getInstanceFor(room(alice));
            assertThat(mam.isSupported()).isTrue();
            List<Long> answeredAt = new ArrayList<>();
            for (int page = 0; page < 3; page++) {
                MamManager.MamQuery query = mam.queryArchive(MamManager.MamQueryArgs.builder()
                        .setResultPageSizeTo(POSTED).build());
                answeredAt.add(System.nanoTime());
                assertThat(query.getMessageCount()).isEqualTo(POSTED);
            }

            // Each page costs 1 + 100 / 5 = 21 stanzas. Even with a full bucket before the first, the third page
            // cannot be answered before 2 * 21 - 5 = 37 more stanzas were earned, at 8 a second.
            double seconds = (answeredAt.get(2) - answeredAt.get(0)) / 1e9;
            assertThat(seconds).isGreaterThanOrEqualTo((2 * 21 - BURST) / (double) PER_SECOND);
            assertThat(alice.isConnected()).as("slowed, never cut off").isTrue();
            assertThat(limited.connectionFigures().get("chargedStanzas")).isGreaterThanOrEqualTo(60L);
            assertThat(limited.connectionFigures()).containsEntry("closedFlooding", 0L);
            alice.disconnect();
        }
    }

    private static MultiUserChat room(XMPPTCPConnection connection) throws Exception {
        return MultiUserChatManager.getInstanceFor(connection)
                .getMultiUserChat(JidCreate.entityBareFrom("catalogue@chat.localhost"));
    }
}
