package org.perch.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The page's files, read from the classpath once at start: plain HTML, JavaScript and CSS, with no build step.
 * Only these names are served, so no request path ever reaches the file system or the class loader.
 */
final class StaticFiles {

    /** A file as sent. */
    record File(String contentType, byte[] bytes) {
    }

    private static final String BASE = "/org/perch/web/site/";
    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "feeds.js", "text/javascript; charset=utf-8",
            "style.css", "text/css; charset=utf-8");

    private final Map<String, File> files;

    private StaticFiles(Map<String, File> files) {
        this.files = Map.copyOf(files);
    }

    static StaticFiles load() {
        Map<String, File> files = new HashMap<>();
        TYPES.forEach((name, type) -> files.put(name, new File(type, read(name))));
        return new StaticFiles(files);
    }

    /** The file for a name under {@code /rooms/}; the empty name is the page itself. */
    Optional<File> find(String name) {
        return Optional.ofNullable(files.get(name.isEmpty() ? "index.html" : name));
    }

    private static byte[] read(String name) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("the page's file " + BASE + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the page's file " + name, e);
        }
    }
}
