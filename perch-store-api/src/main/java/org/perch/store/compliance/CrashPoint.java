package org.perch.store.compliance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * Where the compliance crash tests stop a server to kill it with SIGKILL: the moments between two writes that
 * exactly-once delivery must survive. Inert unless the JVM was started with {@value #PROPERTY} naming the point;
 * then, on reaching it, the thread writes the file named by {@value #MARKER} and waits there for the kill.
 */
public final class CrashPoint {

    /** The point to stop at: {@code capture}, {@code move} or {@code export}. */
    public static final String PROPERTY = "perch.test.pause-at";
    /** The file written when the point is reached, for the test to wait on. */
    public static final String MARKER = "perch.test.pause-marker";

    private CrashPoint() {
    }

    /** Stops here, for good, if the JVM was told to; returns at once otherwise. */
    public static void reach(String point) {
        if (!point.equals(System.getProperty(PROPERTY))) {
            return;
        }
        try {
            Files.writeString(Path.of(System.getProperty(MARKER)), point);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        while (true) {
            LockSupport.park();
        }
    }
}
