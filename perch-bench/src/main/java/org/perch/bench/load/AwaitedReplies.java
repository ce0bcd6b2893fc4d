package org.perch.bench.load;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What a session waits for from the server: a join, at most one at a time, and the responses to its IQ requests,
 * by id. A join without history ends with the self-presence (status 110, XEP-0045 §7.2.2); one with history goes on
 * through the delayed messages that follow to the subject, which a room always sends last (§7.2.15-16). Touched only
 * on the session's event loop; the map is made on a session's first request, as most sessions of a connection
 * profile make none.
 */
final class AwaitedReplies {

    /** How a join ended: whether it created the room (201), and how many history messages came with it. */
    record Joined(boolean created, int history) {
    }

    private String joinRoom;
    private CompletableFuture<Joined> join;
    private boolean joinWantsHistory;
    private boolean selfPresence;
    private boolean created;
    private int history;
    private Map<String, CompletableFuture<Element>> iqs;

    /** Waits for the join of {@code room}, through its history and subject if {@code withHistory}. */
    void awaitJoin(String room, boolean withHistory, CompletableFuture<Joined> joined) {
        if (join != null) {
            joined.completeExceptionally(new IllegalStateException("a join is already waiting"));
            return;
        }
        joinRoom = room;
        join = joined;
        joinWantsHistory = withHistory;
        selfPresence = false;
        history = 0;
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
        presence.child("x", ClientStanzas.MUC_USER).filter(x -> hasStatus(x, "110")).ifPresent(x -> {
            created = hasStatus(x, "201");
            selfPresence = true;
            if (!joinWantsHistory) {
                endJoin().complete(new Joined(created, 0));
            }
        });
        return true;
    }

    /**
     * Counts a history message of the join waited for, or ends the join at its subject; returns whether the message
     * was part of the join (so not a live delivery).
     */
    boolean message(Element message) {
        if (join == null || !joinWantsHistory || !selfPresence || !message.fromBare().equals(joinRoom)) {
            return false;
        }
        if (message.child("subject").isPresent() && message.child("body").isEmpty()) {
            endJoin().complete(new Joined(created, history));
            return true;
        }
        if (message.child("delay", ClientStanzas.DELAY).isPresent()) {
            history++;
            return true;
        }
        return false;
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

    private CompletableFuture<Joined> endJoin() {
        CompletableFuture<Joined> ended = join;
        join = null;
        joinRoom = null;
        return ended;
    }

    private static boolean hasStatus(Element mucUser, String code) {
        return mucUser.children().stream()
                .anyMatch(c -> c.name().equals("status") && c.attributeOr("code", "").equals(code));
    }
}
