package org.perch.webclient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * A file as the web client sends it.
 *
 * @param contentType the {@code Content-Type} header
 * @param body the bytes
 * @param etag a strong entity tag (quoted) derived from the bytes, for conditional requests
 * @param cacheControl the {@code Cache-Control} header: Converse's files sit under a path naming its version and
 *        never change there, so browsers keep them; the page, its script and its configuration are checked each time
 * @param gzipped the same file gzip-compressed, for browsers that accept it; present for text (scripts, styles,
 *        pages, JSON, SVG), absent for what is compressed already (images, sounds) or would not shrink
 */
public record WebFile(String contentType, byte[] body, String etag, String cacheControl, Optional<Gzipped> gzipped) {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    public WebFile {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(cacheControl, "cacheControl");
        Objects.requireNonNull(gzipped, "gzipped");
    }

    /**
     * A file's gzip encoding.
     *
     * @param etag the file's entity tag marked {@code -gzip}: other bytes, so another tag (RFC 9110 §8.8.3)
     */
    public record Gzipped(byte[] body, String etag) {
        public Gzipped {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(etag, "etag");
        }
    }

    /** A file sent as it is. */
    static WebFile of(String contentType, byte[] body, String cacheControl) {
        return new WebFile(contentType, body, etagOf(body), cacheControl, Optional.empty());
    }

    /** A file with the gzip copy the build made of it, if it made one. */
    static WebFile withGzipped(String contentType, byte[] body, Optional<byte[]> gzipped, String cacheControl) {
        String etag = etagOf(body);
        return new WebFile(contentType, body, etag, cacheControl,
                gzipped.map(bytes -> new Gzipped(bytes, etag.substring(0, etag.length() - 1) + "-gzip\"")));
    }

    /** Perch's own text (the page, its script, the settings), compressed here: a few kilobytes, once at start. */
    static WebFile text(String contentType, String body, String cacheControl) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] gzipped = gzip(bytes);
        return withGzipped(contentType, bytes, gzipped.length < bytes.length ? Optional.of(gzipped)
                : Optional.empty(), cacheControl);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 32);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not compress a web client file in memory", e);
        }
        return out.toByteArray();
    }

    private static String etagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
