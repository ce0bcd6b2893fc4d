package org.perch.cluster.failover;

import java.util.Objects;

/**
 * One host of a store's database as a failover sees it. Positions are PostgreSQL WAL positions (LSNs) as numbers:
 * comparing them says whether a standby has replayed everything a primary wrote.
 */
public sealed interface DatabaseHost {

    /** {@code host:port}, as the store's URL names it. */
    String host();

    /** It did not answer: down, fenced off the network, or refusing this user. */
    record Unreachable(String host, String reason) implements DatabaseHost {
        public Unreachable {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** It accepts writes. */
    record Primary(String host, long walPosition) implements DatabaseHost {
        public Primary {
            Objects.requireNonNull(host, "host");
        }
    }

    /** A primary made read-only so that nothing more is written to it (a failback does this to the backup store). */
    record Fenced(String host, long walPosition) implements DatabaseHost {
        public Fenced {
            Objects.requireNonNull(host, "host");
        }
    }

    /** A standby replaying another host's WAL; it can be promoted. */
    record Standby(String host, long replayPosition) implements DatabaseHost {
        public Standby {
            Objects.requireNonNull(host, "host");
        }
    }
}
