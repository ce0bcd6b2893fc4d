package org.perch.server.config;

/** Port conventions shared by the listener sections. */
final class Ports {
    static final int DISABLED = -1;

    private Ports() {
    }

    static void check(String what, int port) {
        if (port < DISABLED || port > 65535) {
            throw new IllegalArgumentException(what + " must be -1 to 65535, got " + port);
        }
    }
}
