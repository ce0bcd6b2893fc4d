package org.perch.store.chat;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.perch.core.Jid;
import org.perch.core.RoomId;

/**
 * A message in a room's history. {@code id} orders messages (larger is later) and is assigned by the store;
 * {@code stanzaId} is its XEP-0359 id. A retracted message keeps its place as a tombstone: empty body and
 * payload, and the {@link Retraction}.
 */
public record ChatMessage(long id, RoomId room, String stanzaId, Instant timestamp, Jid sender, String nick,
                          String body, String payload, Optional<Retraction> retraction) {
    public ChatMessage {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(stanzaId, "stanzaId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(retraction, "retraction");
    }

    public static ChatMessage stored(long id, PostedMessage m) {
        return new ChatMessage(id, m.room(), m.stanzaId(), m.timestamp(), m.sender(), m.nick(), m.body(),
                m.payload(), Optional.empty());
    }

    public boolean retracted() {
        return retraction.isPresent();
    }

    /** The tombstone this message becomes when retracted: body and payload gone, the rest kept. */
    public ChatMessage retractedBy(Retraction r) {
        return new ChatMessage(id, room, stanzaId, timestamp, sender, nick, "", "", Optional.of(r));
    }
}
