package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.perch.testing.RawXmppClient;

/**
 * Issue 9, authorization audit: the administration commands (XEP-0050 carrying XEP-0133) in a non-administrator's
 * hands. The list is empty for her, each command's node is unknown to her as a made-up node is, and every command
 * she runs, in one step or two, with or without a form, with an administrator's session id or {@code from}, is
 * {@code forbidden} and changes nothing. Perch keeps no state between a command's steps, so a session id grants
 * nothing: each step is judged on its sender alone.
 */
class AdversarialCommandsIT extends AdversarialFixture {
    private static final String COMMANDS = "http://jabber.org/protocol/commands";

    @RegisterExtension
    final Opened opened = new Opened();
    private RawXmppClient mallory;
    private RawXmppClient root;

    @BeforeEach
    void malloryAndRootOnline() {
        mallory = opened.add(raw("mallory", "raw"));
        root = opened.add(raw("root", "raw"));
    }

    @Test
    @DisplayName("XEP-0050 §2.2, §2.3: a non-administrator lists no commands, and their nodes are unknown to her")
    void aNonAdministratorShouldSeeNoCommand() {
        List<String> nodes = commandNodes();
        String id = nextId();
        String listed = lastStanza(ask(mallory, "<iq type='get' to='localhost' id='" + id + "'><query"
                + " xmlns='http://jabber.org/protocol/disco#items' node='" + COMMANDS + "'/></iq>", id), "iq", id);

        assertThat(listed).contains("type=\"result\"").doesNotContain("<item");
        for (String node : nodes) {
            String infoId = nextId();
            String info = lastStanza(ask(mallory, "<iq type='get' to='localhost' id='" + infoId + "'><query"
                    + " xmlns='http://jabber.org/protocol/disco#info' node='" + node + "'/></iq>", infoId), "iq", infoId);
            String madeUpId = nextId();
            String madeUp = lastStanza(ask(mallory, "<iq type='get' to='localhost' id='" + madeUpId + "'><query"
                    + " xmlns='http://jabber.org/protocol/disco#info' node='" + node + "-x'/></iq>", madeUpId), "iq",
                    madeUpId);

            assertThat(condition(info)).as(node).isEqualTo("item-not-found");
            assertThat(neutral(info, node, infoId)).isEqualTo(neutral(madeUp, node + "-x", madeUpId));
        }
    }

    @Test
    @DisplayName("XEP-0133 §4 with XEP-0050 §4.6: every administration command is forbidden to a non-administrator")
    void everyCommandShouldBeForbiddenToANonAdministrator() {
        String before = storeState();
        for (String node : commandNodes()) {
            for (String command : List.of(
                    "<command xmlns='" + COMMANDS + "' node='" + node + "' action='execute'/>",
                    "<command xmlns='" + COMMANDS + "' node='" + node + "'/>",
                    "<command xmlns='" + COMMANDS + "' node='" + node + "' action='complete'>" + takeover() + "</command>",
                    "<command xmlns='" + COMMANDS + "' node='" + node + "' action='next'>" + takeover() + "</command>",
                    "<command xmlns='" + COMMANDS + "' node='" + node + "' action='cancel'/>")) {
                for (String to : List.of("localhost", "mallory@localhost")) {
                    String id = nextId();
                    String answer = lastStanza(ask(mallory, "<iq type='set' to='" + to + "' from='root@localhost/raw'"
                            + " id='" + id + "'>" + command + "</iq>", id), "iq", id);

                    assertThat(condition(answer)).as(to + " " + command).isEqualTo("forbidden");
                }
            }
            for (String elsewhere : List.of("chat.localhost", "bob@localhost")) {
                String id = nextId();
                String answer = lastStanza(ask(mallory, "<iq type='set' to='" + elsewhere + "' id='" + id + "'>"
                        + "<command xmlns='" + COMMANDS + "' node='" + node + "' action='execute'/></iq>", id), "iq", id);

                assertThat(condition(answer)).as(elsewhere).isEqualTo("service-unavailable");
            }
        }
        assertThat(storeState()).isEqualTo(before);
        assertThat(mallory.transcript()).doesNotContain("status=\"completed\"").doesNotContain("status=\"executing\"");
    }

    @Test
    @DisplayName("XEP-0050 §3.4: completing an administrator's command session with its sessionid is still forbidden")
    void anAdministratorsSessionIdShouldGrantNothing() {
        String before = storeState();
        for (String node : commandNodes()) {
            String start = nextId();
            Matcher session = Pattern.compile("sessionid=\"([^\"]+)\"").matcher(lastStanza(ask(root, "<iq type='set'"
                    + " to='localhost' id='" + start + "'><command xmlns='" + COMMANDS + "' node='" + node + "'"
                    + " action='execute'/></iq>", start), "iq", start));
            assertThat(session.find()).as("root's session for " + node).isTrue();

            String id = nextId();
            String answer = lastStanza(ask(mallory, "<iq type='set' to='localhost' from='root@localhost/raw' id='" + id
                    + "'><command xmlns='" + COMMANDS + "' node='" + node + "' sessionid='" + session.group(1)
                    + "' action='complete'>" + takeover() + "</command></iq>", id), "iq", id);

            assertThat(condition(answer)).as(node).isEqualTo("forbidden");
        }
        assertThat(storeState()).isEqualTo(before);
    }

    /** The nodes an administrator lists: every command Perch offers. */
    private List<String> commandNodes() {
        String id = nextId();
        String listed = lastStanza(ask(root, "<iq type='get' to='localhost' id='" + id + "'><query"
                + " xmlns='http://jabber.org/protocol/disco#items' node='" + COMMANDS + "'/></iq>", id), "iq", id);
        List<String> nodes = new ArrayList<>();
        Matcher m = Pattern.compile("node=\"([^\"]+#[^\"]+)\"").matcher(listed);
        while (m.find()) {
            nodes.add(m.group(1));
        }
        assertThat(nodes).as("the commands an administrator sees").contains(
                "http://jabber.org/protocol/admin#add-user", "http://jabber.org/protocol/admin#delete-user",
                "http://jabber.org/protocol/admin#change-user-password");
        return nodes;
    }

    /** A form every XEP-0133 account command would act on: mallory made, bob and alice deleted or taken over. */
    private static String takeover() {
        return "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE' type='hidden'><value>"
                + "http://jabber.org/protocol/admin</value></field>"
                + "<field var='accountjid'><value>bob@localhost</value></field>"
                + "<field var='accountjids'><value>alice@localhost</value><value>bob@localhost</value></field>"
                + "<field var='password'><value>owned</value></field>"
                + "<field var='password-verify'><value>owned</value></field></x>";
    }
}
