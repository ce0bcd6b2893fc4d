package org.perch.domain.feeds;

/**
 * Where alerts go: the protocol layer sends each to the owner's sessions on this server. Every server of a pool
 * matches every message, so each alerts only its own sessions and none is alerted twice. Called on the matcher's
 * thread: must only queue.
 */
@FunctionalInterface
public interface FeedAlerts {
    FeedAlerts NONE = alert -> { };

    void send(FeedAlert alert);
}
