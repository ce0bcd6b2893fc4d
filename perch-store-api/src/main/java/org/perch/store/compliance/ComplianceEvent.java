package org.perch.store.compliance;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.perch.core.Jid;

/**
 * One event for the compliance record, captured with the change it records. Its {@code id} is chosen when it is
 * captured and never changes, so every copy of it (outbox, compliance database, exported files) is the same event
 * and a second copy is recognised as such.
 *
 * @param id unique, chosen at capture
 * @param type what happened
 * @param at when it happened
 * @param actor who did it, as a bare JID (the server's own domain JID for the operator)
 * @param room where, for room events; empty for category events
 * @param messageId the message's stanza-id, for message events
 * @param content the text posted or left, or a description of the change; may be empty
 */
public record ComplianceEvent(UUID id, ComplianceEventType type, Instant at, Jid actor, Optional<ComplianceRoom> room,
                              Optional<String> messageId, String content) {
    /**
     * A new event id: a version 7 UUID (RFC 9562), the time of its making in milliseconds followed by 74 random bits.
     * Ids made one after the other sort together, so the unique indexes that keep events once (outbox, compliance
     * database) grow at their end rather than at random pages, on the message path's one writer thread; and no
     * lock is taken, as {@link UUID#randomUUID()}'s secure generator does.
     */
    public static UUID newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis() & 0xFFFF_FFFF_FFFFL;
        long high = millis << 16 | 0x7000L | random.nextInt(1 << 12);
        long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    public ComplianceEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        actor = Objects.requireNonNull(actor, "actor").toBare();
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(content, "content");
    }
}
