package org.perch.store.chat;

import java.time.Instant;
import java.util.Objects;
import org.perch.core.Jid;
import org.perch.core.RoomId;

/**
 * A groupchat message on its way into history: who posted it (bare JID and room nickname), its text for search
 * and compliance, and its whole stanza as sent ({@code payload}, opaque to the store) for replay.
 */
public record PostedMessage(RoomId room, String stanzaId, Instant timestamp, Jid sender, String nick, String body,
                            String payload) {
    public PostedMessage {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(stanzaId, "stanzaId");
        if (stanzaId.isEmpty() || stanzaId.length() > 64) {
            throw new IllegalArgumentException("a stanza-id is 1 to 64 characters");
        }
        Objects.requireNonNull(timestamp, "timestamp");
        sender = Objects.requireNonNull(sender, "sender").toBare();
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(payload, "payload");
    }
}
