package org.perch.cluster.failover;

/** WAL positions written as PostgreSQL writes them: {@code 0/3000148}, the high and low 32 bits in hexadecimal. */
public final class Positions {

    private Positions() {
    }

    public static String format(long position) {
        return Long.toHexString(position >>> 32).toUpperCase(java.util.Locale.ROOT) + "/"
                + Long.toHexString(position & 0xFFFF_FFFFL).toUpperCase(java.util.Locale.ROOT);
    }
}
