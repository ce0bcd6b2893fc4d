package org.perch.it;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/**
 * A user posting to a room about 50 times a second through a drill, as a client that follows a pool would: when
 * its connection ends (a server made idle, a server lost), it signs in again at the first of the pool's servers that
 * takes it, as a client walking the domain's SRV records does. A post counts as acknowledged when the room reflects
 * it, which Perch does only once it is stored.
 */
final class DrillPoster implements AutoCloseable {

    private final List<PerchTestServer> servers;
    private final String user;
    private final EntityBareJid room;
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();
    private final Set<String> bounceConditions = ConcurrentHashMap.newKeySet();
    private final AtomicLong bounced = new AtomicLong();
    private final AtomicLong reconnections = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;
    private volatile XMPPTCPConnection connection;

    DrillPoster(List<PerchTestServer> servers, String user, EntityBareJid room) {
        this.servers = List.copyOf(servers);
        this.user = user;
        this.room = room;
        this.thread = Thread.ofPlatform().name("drill-poster-" + user).start(this::post);
    }

    private void post() {
        MultiUserChat muc = null;
        for (int n = 0; !stop.get(); n++) {
            if (connection == null || !connection.isAuthenticated()) {
                muc = signInAnywhere();
                if (muc == null) {
                    pace();
                    continue;
                }
            }
            String body = user + "-" + n;
            try {
                sentAt.put(body, System.nanoTime());
                muc.sendMessage(body);
            } catch (Exception e) {
                // The connection ended under it: the post may or may not have left; it is not acknowledged unless
                // the room reflects it, and the next round signs in again.
                connection = null;
            }
            pace();
        }
    }

    /** Signs in at the first server that takes clients, and joins the room; null if none does now. */
    private MultiUserChat signInAnywhere() {
        XMPPTCPConnection previous = connection;
        if (previous != null) {
            previous.disconnect();
        }
        for (PerchTestServer server : servers) {
            try {
                XMPPTCPConnection signedIn = SmackClients.login(server, user, "drill");
                signedIn.addAsyncStanzaListener(error -> {
                    bounced.incrementAndGet();
                    bounceConditions.add(((Message) error).getError().getCondition().toString());
                }, MessageTypeFilter.ERROR);
                MultiUserChat muc = MultiUserChatManager.getInstanceFor(signedIn).getMultiUserChat(room);
                muc.addMessageListener(m -> {
                    if (m.getBody() != null && sentAt.containsKey(m.getBody())) {
                        acknowledgedAt.putIfAbsent(m.getBody(), System.nanoTime());
                    }
                });
                muc.join(muc.getEnterConfigurationBuilder(Resourcepart.from(user + "-poster")).requestNoHistory().build());
                if (previous != null) {
                    reconnections.incrementAndGet();
                }
                connection = signedIn;
                return muc;
            } catch (Exception e) {
                // This server refuses clients now (idle, or gone): try the next.
            }
        }
        return null;
    }

    /** The acknowledged posts. */
    Set<String> acknowledged() {
        return Set.copyOf(acknowledgedAt.keySet());
    }

    /** The posts that left the client, acknowledged or not. */
    int posted() {
        return sentAt.size();
    }

    /** How many posts the room acknowledged that were posted after {@code nanoTime}. */
    long acknowledgedPostedAfter(long nanoTime) {
        return acknowledgedAt.keySet().stream().filter(b -> sentAt.get(b) > nanoTime).count();
    }

    /** When the first post made after {@code nanoTime} was acknowledged; 0 if none yet. */
    long firstAcknowledgedAfter(long nanoTime) {
        return acknowledgedAt.entrySet().stream().filter(e -> sentAt.get(e.getKey()) > nanoTime)
                .mapToLong(Map.Entry::getValue).min().orElse(0);
    }

    /** The longest time between two acknowledgements in a row: how long the user could not post. */
    double longestGapSeconds() {
        long[] times = acknowledgedAt.values().stream().mapToLong(Long::longValue).sorted().toArray();
        long gap = 0;
        for (int i = 1; i < times.length; i++) {
            gap = Math.max(gap, times[i] - times[i - 1]);
        }
        return gap / 1e9;
    }

    long bounced() {
        return bounced.get();
    }

    Set<String> bounceConditions() {
        return Set.copyOf(bounceConditions);
    }

    long reconnections() {
        return reconnections.get();
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        thread.join();
        XMPPTCPConnection last = connection;
        if (last != null) {
            last.disconnect();
        }
    }

    /** About 50 posts a second: enough to be posting through every step, few enough to read the log. */
    private static void pace() {
        LockSupport.parkNanos(20_000_000L);
    }
}
