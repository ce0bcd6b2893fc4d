package org.perch.bench.load;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The hostile clients of the abuse profile (issue 9), in the order it runs them by default, each with the size it
 * runs at unless {@code --attack-sizes} says otherwise and what that size counts.
 */
enum AttackKind {
    /** Logged-in sessions, each alone in a room of its own, writing groupchat messages while the channel takes them. */
    FLOOD("flood", 4, "sessions"),
    /** Sessions that join a busy room, ask for pings and stop reading, with a small receive buffer. */
    SLOW_READER("slow-reader", 10, "sessions"),
    /** Raw TCP connections sending a stream header a byte at a time, never finishing it. */
    SLOWLORIS("slowloris", 200, "connections"),
    /** Sessions that log in, send one stanza larger than the server's limit, and start again. */
    OVERSIZE("oversize", 4, "sessions at a time"),
    /** Sessions in a busy room asking for its whole archive (RSM max 1,000,000), one page after another. */
    MAM_EVERYTHING("mam-everything", 4, "sessions"),
    /** Connections from one address, opened and closed as fast as they go, beyond the per-address limit. */
    CONNECTION_FLOOD("connection-flood", 256, "connections in flight");

    private final String option;
    private final int defaultSize;
    private final String unit;

    AttackKind(String option, int defaultSize, String unit) {
        this.option = option;
        this.defaultSize = defaultSize;
        this.unit = unit;
    }

    /** The name on the command line and in reports. */
    String option() {
        return option;
    }

    int defaultSize() {
        return defaultSize;
    }

    /** What the size counts. */
    String unit() {
        return unit;
    }

    /** Whether the attack logs in, so needs accounts of its own. */
    boolean logsIn() {
        return this != SLOWLORIS && this != CONNECTION_FLOOD;
    }

    static AttackKind named(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.option.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no attack named '" + name + "'; the attacks are "
                        + Arrays.stream(values()).map(AttackKind::option).collect(Collectors.joining(", "))));
    }
}
