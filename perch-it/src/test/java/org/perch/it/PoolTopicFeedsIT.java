package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perch.it.PepClients.fullReply;
import static org.perch.it.PepClients.reply;
import static org.perch.it.PostgresPool.server;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.perch.core.Principal;
import org.perch.store.chat.Category;
import org.perch.store.chat.Privacy;
import org.perch.store.chat.Room;
import org.perch.testing.PerchTestServer;
import org.perch.testing.RawXmppClient;

/**
 * Topic feeds in a pool (ADR 0009): a filter saved through fe2 is known to fe1 through the pool feed, a post through
 * fe1 alerts its owner's sessions on fe2 and on fe1 once each, and the feed lists each match once although both
 * servers matched it.
 */
class PoolTopicFeedsIT {
    private static final String ALERT = "<message[^>]*type=\"headline\".*?</message>";

    @TempDir
    Path work;

    @RegisterExtension
    final Opened opened = new Opened();

    @Test
    @DisplayName("A filter saved on fe2 matches a post through fe1: one alert per session on each server, one feed entry")
    void aPostThroughOneServerShouldAlertTheOwnerOnAnotherOnce() throws Exception {
        PostgresPool pool = PostgresPool.publish(work, Optional.empty(), server("fe1", 1, "active"),
                server("fe2", 2, "active"));
        PerchTestServer fe1 = opened.add(pool.start("fe1"));
        PerchTestServer fe2 = opened.add(pool.start("fe2"));
        fe1.addUser("alice");
        fe1.addUser("bob");
        Category team = Category.named("Team").withAllowedMembers(Set.of(new Principal.Domain("localhost")));
        fe1.server().store().categories().create(team);
        Room desk = Room.create("desk", team.id(), "Desk");
        fe1.server().store().rooms().create(desk.withSettings(desk.settings().withPrivacy(Privacy.OPEN)));

        RawXmppClient alice = opened.add(PepClients.login(fe2, "alice", "phone"));
        alice.send("<presence/>");
        RawXmppClient aliceOnFe1 = opened.add(PepClients.login(fe1, "alice", "desk"));
        aliceOnFe1.send("<presence/>");
        alice.send("<iq type='set' id='s1' to='chat.localhost'><filter xmlns='urn:perch:feeds:0' name='Bonds'>"
                + "<keyword>bond</keyword></filter></iq>");
        assertThat(reply(alice, "s1")).contains("type=\"result\"");
        RawXmppClient bob = opened.add(PepClients.login(fe1, "bob", "desk"));
        bob.send("<presence to='desk@chat.localhost/bob'><x xmlns='http://jabber.org/protocol/muc'/></presence>");
        bob.expect("<status code=\"110\"/>");

        bob.send("<message to='desk@chat.localhost' type='groupchat' id='m1'><body>the bond auction</body></message>");
        assertThat(alice.expect(ALERT).group()).contains("urn:perch:feeds:0").contains("the bond auction")
                .contains("from=\"chat.localhost\"");
        bob.send("<message to='desk@chat.localhost' type='groupchat' id='m2'><body>bond two</body></message>");
        assertThat(alice.expect(ALERT).group()).as("the next alert is the second post's, not the first again")
                .contains("bond two").doesNotContain("the bond auction");
        // fe1 learnt of the filter saved through fe2 from the pool feed, so it alerts Alice's session there too.
        assertThat(aliceOnFe1.expect(ALERT).group()).contains("the bond auction");
        assertThat(aliceOnFe1.expect(ALERT).group()).contains("bond two").doesNotContain("the bond auction");

        alice.send("<iq type='get' id='p1' to='chat.localhost'><feed xmlns='urn:perch:feeds:0'/></iq>");
        String page = fullReply(alice, "p1");
        assertThat(count(page, "<item ")).as("each match listed once: %s", page).isEqualTo(2);
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
