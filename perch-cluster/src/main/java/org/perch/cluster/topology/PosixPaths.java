package org.perch.cluster.topology;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Paths as the servers see them: absolute POSIX paths. Checked as text, not through this machine's file system,
 * so a topology validates the same wherever {@code perch topology validate} runs.
 */
final class PosixPaths {

    private PosixPaths() {
    }

    static boolean isAbsolute(String path) {
        return path.startsWith("/") && path.indexOf('\0') < 0;
    }

    /** The path without {@code .}, {@code ..}, repeated or trailing slashes: two spellings of one directory agree. */
    static String normalise(String path) {
        Deque<String> names = new ArrayDeque<>();
        for (String name : path.split("/")) {
            if (name.equals("..")) {
                names.pollLast();
            } else if (!name.isEmpty() && !name.equals(".")) {
                names.addLast(name);
            }
        }
        return "/" + String.join("/", names);
    }
}
