package org.perch.store.chat;

import java.time.Instant;
import java.util.Objects;
import org.perch.core.Jid;

/**
 * Why a message's content is gone: retracted by its author (XEP-0424) or moderated by a manager (XEP-0425),
 * when, by whom, and the reason given (may be empty).
 */
public record Retraction(Instant at, Jid by, boolean moderated, String reason) {
    public Retraction {
        Objects.requireNonNull(at, "at");
        by = Objects.requireNonNull(by, "by").toBare();
        Objects.requireNonNull(reason, "reason");
    }
}
