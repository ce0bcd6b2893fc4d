package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.sasl.SASLError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.admin.ServiceAdministrationManager;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.AdHocCommandResult;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/** Service administration over ad-hoc commands (XEP-0133, XEP-0050). */
class AdminCommandsIT {
    private static final String NODE_PREFIX = "http://jabber.org/protocol/admin#";
    private static PerchTestServer server;
    private static XMPPTCPConnection admin;

    @BeforeAll
    static void startServer() {
        server = PerchTestServer.start();
        server.addAdmin("root");
        server.addUser("plain");
        admin = SmackClients.login(server, "root", "console");
    }

    @AfterAll
    static void stopServer() {
        admin.disconnect();
        server.close();
    }

    @Test
    @DisplayName("XEP-0133 §4.1: an administrator adds a user, who can then log in")
    void addedUserShouldBeAbleToLogIn() throws Exception {
        ServiceAdministrationManager.getInstanceFor(admin).addUser(JidCreate.entityBareFrom("newbie@localhost"),
                "fresh password");

        XMPPTCPConnection newbie = SmackClients.login(SmackClients.starttls(server), "newbie", "fresh password",
                "first");
        assertThat(newbie.isAuthenticated()).isTrue();
        newbie.disconnect();
    }

    @Test
    @DisplayName("XEP-0133 §3: a user who is not an administrator is refused with forbidden")
    void nonAdminShouldBeForbidden() {
        XMPPTCPConnection plain = SmackClients.login(server, "plain", "desk");
        try {
            assertThatThrownBy(() -> ServiceAdministrationManager.getInstanceFor(plain)
                    .addUser(JidCreate.entityBareFrom("sneaky@localhost"), "whatever"))
                    .isInstanceOfSatisfying(XMPPErrorException.class, e -> assertThat(e.getStanzaError().getCondition())
                            .isEqualTo(StanzaError.Condition.forbidden));
        } finally {
            plain.disconnect();
        }
        assertThat(loginError("sneaky", "whatever")).isEqualTo(SASLError.not_authorized);
    }

    @Test
    @DisplayName("XEP-0133 §4.7: change-user-password replaces the password")
    void changeUserPasswordShouldReplaceThePassword() throws Exception {
        server.addUser("forgetful");
        AdHocCommand command = AdHocCommandManager.getInstance(admin)
                .getRemoteCommand(JidCreate.domainBareFrom(PerchTestServer.DOMAIN), NODE_PREFIX + "change-user-password");
        FillableForm form = command.execute().asExecutingOrThrow().getFillableForm();
        form.setAnswer("accountjid", "forgetful@localhost");
        form.setAnswer("password", "new secret");

        AdHocCommandResult result = command.execute(form);

        assertThat(result.isCompleted()).isTrue();
        SmackClients.login(SmackClients.starttls(server), "forgetful", "new secret", "r").disconnect();
        assertThat(loginError("forgetful", PerchTestServer.PASSWORD)).isEqualTo(SASLError.not_authorized);
    }

    @Test
    @DisplayName("XEP-0133 §4.2: delete-user removes the account")
    void deleteUserShouldRemoveTheAccount() throws Exception {
        server.addUser("leaving");
        SmackClients.login(server, "leaving", "r").disconnect();

        ServiceAdministrationManager.getInstanceFor(admin).deleteUser(JidCreate.entityBareFrom("leaving@localhost"));

        assertThat(loginError("leaving", PerchTestServer.PASSWORD)).isEqualTo(SASLError.not_authorized);
    }

    private static SASLError loginError(String local, String password) {
        XMPPTCPConnection c = new XMPPTCPConnection(SmackClients.starttls(server).build());
        try {
            c.connect();
            Throwable thrown = catchThrowable(() -> c.login(local, password));
            assertThat(thrown).isInstanceOf(SASLErrorException.class);
            return ((SASLErrorException) thrown).getSASLFailure().getSASLError();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            c.disconnect();
        }
    }
}
