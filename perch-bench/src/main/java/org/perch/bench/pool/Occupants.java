package org.perch.bench.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.MessageWithBodiesFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.perch.bench.MessageFactory;
import org.perch.testing.PerchTestServer;
import org.perch.testing.SmackClients;

/**
 * The bench's clients, all in this JVM: {@code rooms} rooms of {@code perRoom} occupants, each occupant an account
 * and a connection of its own. Occupant j of room r connects to server (r + j) mod S, so that every room has
 * occupants on every server and the rooms' observers (their last occupant) are spread over the servers too. Room r
 * is created by its occupant 0 and made Open, so that the others may join without being members.
 *
 * <p>Message bodies are {@code <sequence number> <System.nanoTime() when due> <words>}; every delivery is reported
 * to the {@link DeliveryProbe} from Smack's reader thread, before any other listener sees it.
 */
final class Occupants implements AutoCloseable {

    /** Logins and joins in parallel, but not so many that they crowd out the servers starting up beside them. */
    private static final int SETUP_THREADS = 4;
    /** Smack keeps the last messages of every joined room for nextMessage(), which the bench never calls. */
    private static final int COLLECTED_STANZAS = 64;
    private static final long JOIN_PATIENCE_NANOS = 30_000_000_000L;

    private final int rooms;
    private final int perRoom;
    private final List<XMPPTCPConnection> connections;
    private final List<MultiUserChat> chats;
    private final long joinsRefusedMillis;

    private Occupants(int rooms, int perRoom, List<XMPPTCPConnection> connections, List<MultiUserChat> chats,
                      long joinsRefusedMillis) {
        this.rooms = rooms;
        this.perRoom = perRoom;
        this.connections = connections;
        this.chats = chats;
        this.joinsRefusedMillis = joinsRefusedMillis;
    }

    /** The account of occupant {@code i} (room × occupants per room + index in the room). */
    static String account(int i) {
        return "user" + i;
    }

    /** Logs every occupant in, creates the rooms and joins them; the occupants report to {@code probe}. */
    static Occupants join(BenchDeployment deployment, int rooms, int perRoom, DeliveryProbe probe)
            throws InterruptedException {
        SmackConfiguration.setStanzaCollectorSize(COLLECTED_STANZAS);
        List<BenchServerProcess> servers = deployment.servers();
        ExecutorService setup = Executors.newFixedThreadPool(SETUP_THREADS);
        List<XMPPTCPConnection> connections = new ArrayList<>();
        AtomicLong refusedFor = new AtomicLong();
        try {
            List<Callable<XMPPTCPConnection>> logins = new ArrayList<>();
            for (int r = 0; r < rooms; r++) {
                for (int j = 0; j < perRoom; j++) {
                    BenchServerProcess server = servers.get((r + j) % servers.size());
                    String account = account(r * perRoom + j);
                    boolean observer = j == perRoom - 1;
                    logins.add(() -> listening(SmackClients.login(SmackClients.starttls(server.dataDir(),
                            server.port()), account, PerchTestServer.PASSWORD, "bench"), observer, probe));
                }
            }
            connections.addAll(all(setup, logins));
            List<Callable<MultiUserChat>> creations = new ArrayList<>();
            for (int r = 0; r < rooms; r++) {
                XMPPTCPConnection owner = connections.get(r * perRoom);
                EntityBareJid room = room(r);
                creations.add(() -> create(owner, room));
            }
            List<MultiUserChat> created = all(setup, creations);
            List<Callable<MultiUserChat>> joins = new ArrayList<>();
            for (int r = 0; r < rooms; r++) {
                joins.add(constant(created.get(r)));
                for (int j = 1; j < perRoom; j++) {
                    XMPPTCPConnection connection = connections.get(r * perRoom + j);
                    EntityBareJid room = room(r);
                    String nick = "o" + j;
                    joins.add(() -> join(connection, room, nick, refusedFor));
                }
            }
            List<MultiUserChat> chats = all(setup, joins);
            return new Occupants(rooms, perRoom, connections, chats, refusedFor.get());
        } catch (RuntimeException | InterruptedException e) {
            connections.forEach(XMPPTCPConnection::disconnect);
            throw e;
        } finally {
            setup.shutdown();
        }
    }

    /** Who posts message {@code seq}: rooms take turns, and within a room its occupants take turns. */
    MultiUserChat poster(long seq) {
        int room = (int) (seq % rooms);
        int occupant = (int) (seq / rooms % perRoom);
        return chats.get(room * perRoom + occupant);
    }

    int count() {
        return connections.size();
    }

    /**
     * For how long, at most, a join was refused as members only before it succeeded: in a pool, by a server that
     * had not yet read from the feed that the room was made Open. 0 if no join was refused.
     */
    long joinsRefusedMillis() {
        return joinsRefusedMillis;
    }

    @Override
    public void close() throws InterruptedException {
        ExecutorService closing = Executors.newFixedThreadPool(SETUP_THREADS);
        try {
            all(closing, connections.stream().<Callable<Void>>map(c -> () -> {
                c.disconnect();
                return null;
            }).toList());
        } finally {
            closing.shutdown();
        }
    }

    private static XMPPTCPConnection listening(XMPPTCPConnection connection, boolean observer, DeliveryProbe probe) {
        connection.addStanzaListener(stanza -> delivered((Message) stanza, observer, probe),
                new AndFilter(MessageTypeFilter.GROUPCHAT, MessageWithBodiesFilter.INSTANCE));
        connection.addStanzaListener(stanza -> probe.error(), MessageTypeFilter.ERROR);
        AtomicBoolean told = new AtomicBoolean();
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                probe.error();
                if (told.compareAndSet(false, true)) {
                    System.err.println("pool: " + connection.getUser() + " lost its connection: " + e);
                }
            }
        });
        return connection;
    }

    private static void delivered(Message message, boolean observer, DeliveryProbe probe) {
        String body = message.getBody();
        int first = body.indexOf(' ');
        int second = first < 0 ? -1 : body.indexOf(' ', first + 1);
        if (second < 0) {
            return; // not a bench message
        }
        try {
            probe.delivered(Long.parseLong(body, 0, first, 10), Long.parseLong(body, first + 1, second, 10),
                    observer);
        } catch (NumberFormatException e) {
            // not a bench message either
        }
    }

    private static EntityBareJid room(int r) {
        return JidCreate.entityBareFromOrThrowUnchecked(MessageFactory.roomAddress(r) + "@" + PoolTopology.MUC_SERVICE);
    }

    /** Creates the room as its first occupant and makes it Open (a new room is Closed: members only). */
    private static MultiUserChat create(XMPPTCPConnection owner, EntityBareJid jid) {
        try {
            MultiUserChat room = MultiUserChatManager.getInstanceFor(owner).getMultiUserChat(jid);
            room.create(Resourcepart.from("o0")).makeInstant();
            FillableForm form = room.getConfigurationForm().getFillableForm();
            form.setAnswer("perch#privacy", "open");
            room.sendConfigurationForm(form);
            return room;
        } catch (Exception e) {
            throw new IllegalStateException("could not create " + jid + ": " + e, e);
        }
    }

    /**
     * Joins the room; a refusal as members only is retried for a while, as the servers of a pool learn of the room
     * becoming Open through the feed. The longest such wait goes into {@code refusedFor} (milliseconds).
     */
    private static MultiUserChat join(XMPPTCPConnection connection, EntityBareJid jid, String nick,
                                      AtomicLong refusedFor) throws InterruptedException {
        long start = System.nanoTime();
        MultiUserChat room = MultiUserChatManager.getInstanceFor(connection).getMultiUserChat(jid);
        for (boolean refused = false; ; refused = true) {
            try {
                room.join(Resourcepart.from(nick));
                if (refused) {
                    refusedFor.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                }
                return room;
            } catch (XMPPErrorException e) {
                if (e.getStanzaError().getCondition() != StanzaError.Condition.registration_required
                        || System.nanoTime() - start > JOIN_PATIENCE_NANOS) {
                    throw new IllegalStateException(connection.getUser() + " could not join " + jid + ": " + e, e);
                }
                Thread.sleep(50);
            } catch (SmackException | XmppStringprepException e) {
                throw new IllegalStateException(connection.getUser() + " could not join " + jid + ": " + e, e);
            }
        }
    }

    private static <T> Callable<T> constant(T value) {
        return () -> value;
    }

    /** Runs the tasks on {@code executor} and returns their results in order; the first failure is thrown. */
    private static <T> List<T> all(ExecutorService executor, List<Callable<T>> tasks) throws InterruptedException {
        List<T> results = new ArrayList<>();
        for (Future<T> future : executor.invokeAll(tasks)) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        return results;
    }
}
