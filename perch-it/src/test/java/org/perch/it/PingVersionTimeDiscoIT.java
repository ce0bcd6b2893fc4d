package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.iqversion.VersionManager;
import org.jivesoftware.smackx.iqversion.packet.Version;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.time.EntityTimeManager;
import org.jivesoftware.smackx.time.packet.Time;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/** The server's own IQ services: ping, version, time, service discovery. */
class PingVersionTimeDiscoIT {
    private static PerchTestServer server;
    private static XMPPTCPConnection client;
    private static DomainBareJid domain;

    @BeforeAll
    static void startServer() throws Exception {
        server = PerchTestServer.start();
        server.addUser("alice");
        client = SmackClients.login(server, "alice", "desk");
        domain = JidCreate.domainBareFrom(PerchTestServer.DOMAIN);
    }

    @AfterAll
    static void stopServer() {
        client.disconnect();
        server.close();
    }

    @Test
    @DisplayName("XEP-0199 §4.2: a ping to the server is answered")
    void pingToTheServerShouldSucceed() throws Exception {
        assertThat(PingManager.getInstanceFor(client).pingMyServer(false)).isTrue();
    }

    @Test
    @DisplayName("XEP-0092 §2: the server's software version names Perch")
    void versionShouldNamePerch() throws Exception {
        Version version = VersionManager.getInstanceFor(client).getVersion(domain);
        assertThat(version.getName()).isEqualTo("Perch");
        assertThat(version.getVersion()).isNotBlank();
    }

    @Test
    @DisplayName("XEP-0202 §3: the server tells its time in UTC")
    void entityTimeShouldBeAnswered() throws Exception {
        Time time = EntityTimeManager.getInstanceFor(client).getTime(domain);
        assertThat(time.getUtc()).isNotBlank();
        assertThat(time.getTime()).isNotNull();
        assertThat(Math.abs(time.getTime().getTime() - System.currentTimeMillis())).isLessThan(60_000);
    }

    @Test
    @DisplayName("XEP-0030 §3.1, XEP-0128, XEP-0232: disco#info of the server lists its features and the "
            + "software-information form")
    void discoInfoOfTheServerShouldListFeaturesAndSoftwareInfo() throws Exception {
        DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(client).discoverInfo(domain);

        assertThat(info.getIdentities()).anySatisfy(i -> {
            assertThat(i.getCategory()).isEqualTo("server");
            assertThat(i.getType()).isEqualTo("im");
        });
        assertThat(info.getFeatures()).extracting(DiscoverInfo.Feature::getVar).contains(
                "http://jabber.org/protocol/disco#info", "http://jabber.org/protocol/disco#items", "urn:xmpp:ping",
                "jabber:iq:version", "urn:xmpp:time", "jabber:iq:roster", "http://jabber.org/protocol/commands");
        DataForm softwareInfo = DataForm.from(info, "urn:xmpp:dataforms:softwareinfo");
        assertThat(softwareInfo).as("XEP-0232 form").isNotNull();
        assertThat(softwareInfo.getType()).isEqualTo(DataForm.Type.result);
        FormField software = softwareInfo.getField("software");
        assertThat(software).isNotNull();
        assertThat(software.getFirstValue()).isEqualTo("Perch");
        assertThat(softwareInfo.getField("software_version")).isNotNull();
    }

    @Test
    @DisplayName("XEP-0030 §4.1: disco#items of the server lists the group-chat service")
    void discoItemsOfTheServerShouldListTheMucService() throws Exception {
        DiscoverItems items = ServiceDiscoveryManager.getInstanceFor(client).discoverItems(domain);
        assertThat(items.getItems()).extracting(i -> i.getEntityID().toString()).contains("chat.localhost");
    }

    @Test
    @DisplayName("XEP-0045 §6.2: disco#info of the MUC service shows conference/text and the MUC feature")
    void discoInfoOfTheMucServiceShouldShowConferenceText() throws Exception {
        DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(client)
                .discoverInfo(JidCreate.domainBareFrom("chat.localhost"));
        assertThat(info.getIdentities()).anySatisfy(i -> {
            assertThat(i.getCategory()).isEqualTo("conference");
            assertThat(i.getType()).isEqualTo("text");
        });
        assertThat(info.containsFeature("http://jabber.org/protocol/muc")).isTrue();
    }
}
