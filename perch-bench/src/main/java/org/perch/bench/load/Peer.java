package org.perch.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A server the side-by-side run ({@code --compare}) measures in turn: a Perch the run starts itself, or Prosody or
 * ejabberd as {@code ../shared/tools/peers/start-peers.sh} runs them on loopback (domain localhost, rooms at
 * conference.localhost, one self-signed certificate for both). Their process is found by its user and program, for
 * the CPU and RSS readings.
 */
enum Peer {
    PERCH(0, "chat.localhost", "", ""),
    PROSODY(15222, "conference.localhost", "prosody", "lua"),
    EJABBERD(25222, "conference.localhost", "ejabberd", "beam.smp");

    /** The certificate start-peers.sh makes for Prosody and ejabberd alike. */
    static final Path PEERS_CERTIFICATE = Path.of("/tmp/peers/prosody/certs/localhost.crt");

    private final int port;
    private final String muc;
    private final String user;
    private final String program;

    Peer(int port, String muc, String user, String program) {
        this.port = port;
        this.muc = muc;
        this.user = user;
        this.program = program;
    }

    static Peer named(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--compare names perch, prosody and ejabberd, not " + name, e);
        }
    }

    int port() {
        return port;
    }

    String muc() {
        return muc;
    }

    /** The certificate to verify this peer's with, if there is one to verify with. */
    Optional<Path> certificate() {
        return this != PERCH && Files.isRegularFile(PEERS_CERTIFICATE) ? Optional.of(PEERS_CERTIFICATE)
                : Optional.empty();
    }

    /**
     * The running server's process: the one of this peer's user whose program's name starts with this peer's
     * (Prosody runs in {@code lua5.x}, ejabberd in {@code beam.smp}).
     *
     * @throws IllegalStateException if it is not running, with how to start it
     */
    long pid() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().user().filter(user::equals).isPresent())
                .filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().startsWith(program))
                        .orElse(false))
                .mapToLong(ProcessHandle::pid).min()
                .orElseThrow(() -> new IllegalStateException(this + " is not running (no " + program
                        + " process of user " + user + "): start Prosody and ejabberd with"
                        + " ../shared/tools/peers/start-peers.sh, see docs/benchmarks.md"));
    }

    @Override
    public String toString() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
