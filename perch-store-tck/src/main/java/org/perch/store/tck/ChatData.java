package org.perch.store.tck;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.core.RoomId;
import org.perch.store.Store;
import org.perch.store.chat.Category;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.HistoryStore;
import org.perch.store.chat.PostedMessage;
import org.perch.store.chat.Room;

/** Deterministic categories, rooms and messages for the chat contracts. */
final class ChatData {

    /** Backends keep message instants to at least the millisecond, so test instants carry no more. */
    static final Instant T0 = Instant.parse("2024-05-01T10:15:30.123Z");

    static final Jid ALICE = TestData.jid("alice");
    static final Jid BOB = TestData.jid("bob");

    /** Emoji (outside the BMP), CJK and right-to-left text, which a Latin-1 or 3-byte-UTF-8 column would mangle. */
    static final String UNICODE = "Café ☕ 😀🎉 会议室 — غرفة الاجتماعات — חדר ישיבות";

    private ChatData() {
    }

    static Principal user(String local) {
        return Principal.user(TestData.jid(local));
    }

    static Principal domain(String domain) {
        return new Principal.Domain(domain);
    }

    /** Message {@code n} of a room: one second and one millisecond after the previous, alternating senders. */
    static PostedMessage message(RoomId room, int n) {
        return new PostedMessage(room, "msg-" + n, at(n), n % 2 == 0 ? ALICE : BOB, n % 2 == 0 ? "Alice" : "Bob",
                "message " + n, "<message type='groupchat' id='msg-" + n + "'><body>message " + n
                + "</body></message>");
    }

    static Instant at(int n) {
        return T0.plusMillis(1001L * n);
    }

    /** Messages {@code from} (inclusive) to {@code to} (exclusive) of a room. */
    static List<PostedMessage> messages(RoomId room, int from, int to) {
        List<PostedMessage> list = new ArrayList<>();
        for (int n = from; n < to; n++) {
            list.add(message(room, n));
        }
        return list;
    }

    /** Appends messages 0..count-1 in batches of ten (so ids come from several calls) and returns them stored. */
    static List<ChatMessage> fill(HistoryStore history, RoomId room, int count) {
        List<ChatMessage> stored = new ArrayList<>();
        for (int from = 0; from < count; from += 10) {
            stored.addAll(history.append(messages(room, from, Math.min(from + 10, count))));
        }
        return stored;
    }

    /** A new room in a new category, both created in the store. */
    static Room newRoom(Store store, String address) {
        Category category = Category.named("Category of " + address);
        store.categories().create(category);
        Room room = Room.create(address, category.id(), "Room " + address);
        store.rooms().create(room);
        return room;
    }
}
