package org.perch.bench;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.perch.core.Jid;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Room;

/**
 * Room messages shaped like the ones the server stores: a body of 20 to 300 characters of words (some of them
 * outside ASCII, some needing XML escapes), a UUID stanza-id, and as payload the whole groupchat stanza as
 * occupants received it (body, XEP-0359 stanza-id, occupant-id), which is about 250 characters more than the body.
 */
public final class MessageFactory {

    static final String CHAT_DOMAIN = "chat.example.org";
    static final int USERS = 5_000;
    static final int MIN_BODY = 20;
    static final int MAX_BODY = 300;

    private static final String[] WORDS = {
        "the", "a", "to", "and", "of", "is", "in", "it", "for", "on", "we", "you", "that", "this", "with", "be",
        "deploy", "build", "release", "ticket", "meeting", "review", "merge", "branch", "server", "room", "chat",
        "history", "archive", "latency", "please", "thanks", "today", "tomorrow", "morning", "afternoon", "budget",
        "customer", "report", "quarter", "numbers", "draft", "approved", "pending", "blocked", "lunch?", "ok", "yes",
        "no", "maybe", "later", "done", "ack", "+1", "lgtm", "ping", "sync", "call", "agenda", "minutes", "slides",
        "café", "naïve", "Zürich", "São", "Paulo", "Ærø", "straße", "déjà", "vu", "résumé", "über", "façade",
        "日本語", "東京", "会議", "привет", "спасибо", "Ελλάδα", "مرحبا", "שלום", "हिन्दी", "한국어",
        "😀", "👍", "🎉", "🚀", "R&D", "<3", "\"quoted\"", "it's", "https://example.org/wiki/Runbook",
    };

    private MessageFactory() {
    }

    public static String roomAddress(int index) {
        return "bench-%04d".formatted(index);
    }

    private static final Jid[] SENDERS = new Jid[USERS];

    static {
        for (int i = 0; i < USERS; i++) {
            SENDERS[i] = Jid.of("user" + i + "@example.org");
        }
    }

    static Jid sender(int user) {
        return SENDERS[user];
    }

    static String nick(int user) {
        return "User " + user;
    }

    /** A body of {@value #MIN_BODY} to {@value #MAX_BODY} characters of words separated by spaces. */
    public static String body(RandomGenerator random) {
        int target = MIN_BODY + random.nextInt(MAX_BODY - MIN_BODY + 1);
        StringBuilder body = new StringBuilder(target + 16);
        while (true) {
            String word = WORDS[random.nextInt(WORDS.length)];
            int needed = body.isEmpty() ? word.length() : word.length() + 1;
            if (body.length() + needed > target) {
                if (body.length() >= MIN_BODY) {
                    return body.toString();
                }
                if (body.length() + needed > MAX_BODY) {
                    continue;
                }
                // Still short of the minimum: overshoot the target rather than search for a word that fits.
            }
            if (!body.isEmpty()) {
                body.append(' ');
            }
            body.append(word);
        }
    }

    static String stanzaId(RandomGenerator random) {
        // A version-4 UUID, as the server makes them, from the given (seeded) generator.
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    static PostedMessage message(Room room, int user, String stanzaId, Instant timestamp, String body) {
        String roomJid = room.address() + "@" + CHAT_DOMAIN;
        String payload = "<message xmlns='jabber:client' from='" + roomJid + "/" + nick(user)
                + "' type='groupchat' id='c" + Integer.toHexString(stanzaId.hashCode()) + "'><body>" + escape(body)
                + "</body><stanza-id xmlns='urn:xmpp:sid:0' id='" + stanzaId + "' by='" + roomJid
                + "'/><occupant-id xmlns='urn:xmpp:occupant-id:0' id='o" + Integer.toHexString(user * 7919)
                + "'/></message>";
        return new PostedMessage(room.id(), stanzaId, timestamp, sender(user), nick(user), body, payload);
    }

    /** A message from a random user to a random room of {@code rooms}. */
    static PostedMessage random(RandomGenerator random, List<Room> rooms, Instant timestamp) {
        return message(rooms.get(random.nextInt(rooms.size())), random.nextInt(USERS), stanzaId(random), timestamp,
                body(random));
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\'' -> out.append("&apos;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
