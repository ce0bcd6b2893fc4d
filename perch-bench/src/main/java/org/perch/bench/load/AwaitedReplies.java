package org.perch.bench.load;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What a session waits for from the server: the self-presence that ends a join (status 110, XEP-0045 §7.2.2), at
 * most one at a time, and the responses to its IQ requests, by id. Touched only on the session's event loop; the
 * map is made on a session's first request, as most sessions of a connection profile make none.
 */
final class AwaitedReplies {

    private String joinRoom;
    private CompletableFuture<Boolean> join;
    private Map<String, CompletableFuture<Element>> iqs;

    /** Waits for the join of {@code room}; {@code created} completes with whether the join created it (201). */
    void awaitJoin(String room, CompletableFuture<Boolean> created) {
        if (join != null) {
            created.completeExceptionally(new IllegalStateException("a join is already waiting"));
            return;
        }
        joinRoom = room;
        join = created;
    }

    void awaitIq(String id, CompletableFuture<Element> response) {
        if (iqs == null) {
            iqs = new HashMap<>(4);
        }
        iqs.put(id, response);
    }

    /** Ends the awaited join if this presence is its answer; returns whether it was from the room joined. */
    boolean presence(Element presence) {
        if (join == null || !presence.fromBare().equals(joinRoom)) {
            return false;
        }
        if (presence.type().equals("error")) {
            endJoin().completeExceptionally(new SessionException(
                    "join refused " + SessionException.errorCondition(presence), joinRoom));
            return true;
        }
        presence.child("x", ClientStanzas.MUC_USER).filter(x -> hasStatus(x, "110"))
                .ifPresent(x -> endJoin().complete(hasStatus(x, "201")));
        return true;
    }

    /** Completes the request this result or error answers, if any. */
    void iqResponse(Element iq) {
        CompletableFuture<Element> waiting = iqs == null ? null : iqs.remove(iq.id());
        if (waiting == null) {
            return;
        }
        if (iq.type().equals("result")) {
            waiting.complete(iq);
        } else {
            waiting.completeExceptionally(new SessionException("IQ error " + SessionException.errorCondition(iq),
                    iq.toString()));
        }
    }

    void failAll(Throwable why) {
        if (join != null) {
            endJoin().completeExceptionally(why);
        }
        if (iqs != null) {
            iqs.values().forEach(waiting -> waiting.completeExceptionally(why));
            iqs.clear();
        }
    }

    private CompletableFuture<Boolean> endJoin() {
        CompletableFuture<Boolean> ended = join;
        join = null;
        joinRoom = null;
        return ended;
    }

    private static boolean hasStatus(Element mucUser, String code) {
        return mucUser.children().stream()
                .anyMatch(c -> c.name().equals("status") && c.attributeOr("code", "").equals(code));
    }
}
