package org.perch.cli;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.perch.cli.Failures.StepFailed;

/**
 * Test-CsPersistentChatMessage: two accounts log in, both join a room, one posts a message carrying a random
 * token, and the other must receive it; then both leave and log off. Every step is timed and held to the time
 * limit, and the first failure ends the run (what was set up is still taken down, quietly). The message stays in
 * the room's history, as Lync's did.
 */
final class MessageTest {

    /** An account to log in with. The password never reaches a log, a message or {@link #toString()}. */
    record Account(EntityBareJid jid, String password) {
        Account {
            Objects.requireNonNull(jid, "jid");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Account[" + jid + ", password=(withheld)]";
        }
    }

    /**
     * @param room the room asked for (name, address or JID); empty: the first both accounts may join
     * @param timeout how long each step may take
     */
    record Settings(Account sender, Account receiver, Optional<String> room, XmppTarget target, Duration timeout) {
    }

    static final String SENDER_LOGS_IN = "sender logs in";
    static final String RECEIVER_LOGS_IN = "receiver logs in";
    static final String FIND_ROOM = "find room";
    static final String RECEIVER_JOINS = "receiver joins";
    static final String SENDER_JOINS = "sender joins";
    static final String SENDER_POSTS = "sender posts";
    static final String RECEIVER_RECEIVES = "receiver receives";
    static final String BOTH_LEAVE = "both leave";
    static final String BOTH_DISCONNECT = "both disconnect";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Settings settings;
    /** Random, so that the receiver can tell this run's message from any other. */
    private final String token = HexFormat.of().formatHex(bytes(12));
    // Steps run on virtual threads (Steps), one after the other; a step that overran may still touch these lists
    // while the rest is taken down, hence lists safe for that.
    private final List<XMPPTCPConnection> connections = new CopyOnWriteArrayList<>();
    private final List<MultiUserChat> joined = new CopyOnWriteArrayList<>();
    private XMPPTCPConnection sender;
    private XMPPTCPConnection receiver;
    private List<RoomFinder.Room> candidates = List.of();
    private RoomFinder.Room room;
    private StanzaCollector receiverInbox;

    MessageTest(Settings settings) {
        this.settings = settings;
    }

    /** Runs every step and returns their results, in order. */
    List<StepResult> run() {
        try (Steps steps = new Steps(settings.timeout())) {
            try {
                steps.run(SENDER_LOGS_IN, () -> describe(sender = logIn(settings.sender(), "sender")));
                steps.run(RECEIVER_LOGS_IN, () -> describe(receiver = logIn(settings.receiver(), "receiver")));
                steps.run(FIND_ROOM, this::findRoom);
                join(steps);
                steps.run(SENDER_POSTS, this::post);
                steps.run(RECEIVER_RECEIVES, this::receive);
                steps.run(BOTH_LEAVE, this::leave);
                steps.run(BOTH_DISCONNECT, this::disconnect);
            } finally {
                takeDown();
            }
            return steps.results();
        }
    }

    /** The role tells the two sessions apart when one account is both sender and receiver. */
    private XMPPTCPConnection logIn(Account account, String role) throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(settings.target()
                .configure(account.jid(), settings.timeout()).build());
        connections.add(connection);
        connection.setReplyTimeout(settings.timeout().toMillis());
        connection.setUseStreamManagement(false); // a test session is never resumed
        Roster.getInstanceFor(connection).setRosterLoadedAtLogin(false);
        try {
            connection.connect();
        } catch (SmackException.EndpointConnectionException e) {
            throw new StepFailed("cannot connect to " + settings.target().host() + ":" + settings.target().port()
                    + ": " + Failures.reasons(e));
        }
        // A resource of its own, so that the test never replaces a session the account has open elsewhere.
        connection.login(account.jid().getLocalpart(), account.password(),
                Resourcepart.from("perch-test-" + role + "-" + token.substring(0, 8)));
        return connection;
    }

    private String findRoom() throws Exception {
        candidates = RoomFinder.candidates(sender, receiver, settings.room());
        return settings.room().isPresent() ? candidates.getFirst().toString()
                : candidates.size() + (candidates.size() == 1 ? " room" : " rooms") + " both can see; by name";
    }

    /**
     * The receiver joins first, so that it is in the room before anything is posted. Without a room asked for,
     * each candidate is tried in turn until both may join one; the refusals are reported if none lets them.
     */
    private void join(Steps steps) {
        if (steps.failed()) {
            steps.skip(RECEIVER_JOINS);
            steps.skip(SENDER_JOINS);
            return;
        }
        List<String> refusals = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            RoomFinder.Room candidate = candidates.get(i);
            boolean last = i == candidates.size() - 1;
            Steps.Attempt receiverJoined = steps.attempt(() -> enter(receiver, candidate));
            if (!receiverJoined.ok()) {
                refusals.add(candidate.jid() + ": " + receiverJoined.detail());
                if (last) {
                    steps.report(RECEIVER_JOINS, failure(receiverJoined, refusals));
                    steps.skip(SENDER_JOINS);
                }
                continue;
            }
            Steps.Attempt senderJoined = steps.attempt(() -> enter(sender, candidate));
            if (senderJoined.ok()) {
                room = candidate;
                steps.report(RECEIVER_JOINS, receiverJoined);
                steps.report(SENDER_JOINS, senderJoined);
                return;
            }
            refusals.add(candidate.jid() + ": " + senderJoined.detail());
            leaveQuietly(receiver);
            if (last) {
                steps.report(RECEIVER_JOINS, receiverJoined);
                steps.report(SENDER_JOINS, failure(senderJoined, refusals));
            }
        }
    }

    /** With one room, its refusal; with several, each room's. */
    private static Steps.Attempt failure(Steps.Attempt last, List<String> refusals) {
        String detail = refusals.size() == 1 ? refusals.getFirst()
                : "refused in every room both can see: " + String.join("; ", refusals);
        return new Steps.Attempt(last.millis(), detail, false);
    }

    private String enter(XMPPConnection connection, RoomFinder.Room target) throws Exception {
        MultiUserChat muc = MultiUserChatManager.getInstanceFor(connection).getMultiUserChat(target.jid());
        String nick = connection.getUser().getLocalpart() + "-perch-test-" + (connection == sender ? "sender"
                : "receiver") + "-" + token.substring(0, 6);
        // No history: the test looks only at what is posted while it runs.
        muc.join(muc.getEnterConfigurationBuilder(Resourcepart.from(nick)).requestNoHistory()
                .timeoutAfter(settings.timeout().toMillis()).build());
        joined.add(muc);
        return target.toString();
    }

    /** Posts the token and waits for the room to echo it back, which it does once the message is stored. */
    private String post() throws Exception {
        receiverInbox = receiver.createStanzaCollector(fromRoom());
        try (StanzaCollector echo = sender.createStanzaCollector(fromRoom())) {
            mucOf(sender).sendMessage("perch test message " + token);
            awaitToken(echo, "the room did not echo the message");
        }
        return "token " + token;
    }

    private String receive() throws Exception {
        try (StanzaCollector inbox = receiverInbox) {
            awaitToken(inbox, "the message did not arrive");
        }
        return "";
    }

    private void awaitToken(StanzaCollector collector, String missing) throws Exception {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            Message message = (Message) collector.nextResult(Math.max(1, left / 1_000_000));
            if (message == null) {
                break;
            }
            if (message.getType() == Message.Type.error && message.getError() != null) {
                throw new StepFailed(Failures.describe(message.getError()));
            }
            if (message.getBody() != null && message.getBody().contains(token)) {
                return;
            }
        }
        throw new StepFailed(missing + " within " + settings.timeout().toSeconds() + " s");
    }

    private String leave() throws Exception {
        for (MultiUserChat muc : List.of(mucOf(receiver), mucOf(sender))) {
            muc.leave();
            joined.remove(muc);
        }
        return "";
    }

    private String disconnect() {
        receiver.disconnect();
        sender.disconnect();
        return "";
    }

    /** Whatever is still up after a failure: left and logged off, quietly, since the report is already made. */
    private void takeDown() {
        if (receiverInbox != null) {
            receiverInbox.cancel();
        }
        for (MultiUserChat muc : List.copyOf(joined)) {
            try {
                muc.leave();
            } catch (Exception e) {
                // the connection is going anyway
            }
        }
        connections.forEach(XMPPTCPConnection::disconnect);
    }

    private void leaveQuietly(XMPPConnection connection) {
        MultiUserChat muc = mucOf(connection);
        try {
            muc.leave();
        } catch (Exception e) {
            // the next candidate is tried either way
        }
        joined.remove(muc);
    }

    private MultiUserChat mucOf(XMPPConnection connection) {
        return joined.stream().filter(m -> m.getXmppConnection() == connection).findFirst()
                .orElseThrow(() -> new IllegalStateException("not in a room"));
    }

    private AndFilter fromRoom() {
        return new AndFilter(FromMatchesFilter.createBare(room.jid()), StanzaTypeFilter.MESSAGE);
    }

    private static String describe(XMPPConnection connection) {
        return connection.getUser().toString();
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
