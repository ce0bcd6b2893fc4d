package org.perch.store.compliance;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
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
