package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.jxmpp.jid.impl.JidCreate;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/**
 * Two well-behaved clients on the server under test, one sending the other chat messages: while another client
 * breaks a limit, they must notice nothing (no stream error, every message delivered).
 */
final class Bystanders implements AutoCloseable {
    private final XMPPTCPConnection sender;
    private final XMPPTCPConnection receiver;
    private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    private final List<Exception> errors = new CopyOnWriteArrayList<>();

    private Bystanders(XMPPTCPConnection sender, XMPPTCPConnection receiver) {
        this.sender = sender;
        this.receiver = receiver;
    }

    /** Creates the two accounts, logs both in and waits until the receiver is available. */
    static Bystanders login(PerchTestServer server, String senderName, String receiverName) throws Exception {
        server.addUser(senderName);
        server.addUser(receiverName);
        Bystanders b = new Bystanders(SmackClients.login(server, senderName, "desk"),
                SmackClients.login(server, receiverName, "desk"));
        for (XMPPTCPConnection c : List.of(b.sender, b.receiver)) {
            c.addConnectionListener(new ConnectionListener() {
                @Override
                public void connectionClosedOnError(Exception e) {
                    b.errors.add(e);
                }
            });
        }
        b.receiver.addAsyncStanzaListener(s -> b.received.add((Message) s), MessageTypeFilter.CHAT);
        // The receiver's initial presence is handled before its ping: from then on a message to it is delivered.
        assertThat(PingManager.getInstanceFor(b.receiver).pingMyServer(false)).isTrue();
        return b;
    }

    /** Sends a message between the two and fails unless it arrives within 5 s and neither has lost its stream. */
    void assertUnaffected() throws Exception {
        String body = "still here " + UUID.randomUUID();
        sender.sendStanza(sender.getStanzaFactory().buildMessageStanza().to(JidCreate.from(receiver.getUser()))
                .ofType(Message.Type.chat).setBody(body).build());
        Message m;
        do {
            m = received.poll(5, TimeUnit.SECONDS);
            assertThat(m).as("the bystanders' message arrived within 5 s").isNotNull();
        } while (!body.equals(m.getBody()));
        assertThat(errors).as("stream errors the bystanders got").isEmpty();
        assertThat(sender.isConnected() && receiver.isConnected()).isTrue();
    }

    @Override
    public void close() {
        sender.disconnect();
        receiver.disconnect();
    }
}
