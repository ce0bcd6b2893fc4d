package org.perch.webclient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * A file as the web client sends it.
 *
 * @param contentType the {@code Content-Type} header
 * @param body the bytes
 * @param etag a strong entity tag (quoted) derived from the bytes, for conditional requests
 * @param cacheControl the {@code Cache-Control} header: Converse's files sit under a path naming its version and
 *        never change there, so browsers keep them; the page, its script and its configuration are checked each time
 */
public record WebFile(String contentType, byte[] body, String etag, String cacheControl) {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    public WebFile {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(cacheControl, "cacheControl");
    }

    static WebFile of(String contentType, byte[] body, String cacheControl) {
        return new WebFile(contentType, body, etagOf(body), cacheControl);
    }

    static WebFile text(String contentType, String body, String cacheControl) {
        return of(contentType, body.getBytes(StandardCharsets.UTF_8), cacheControl);
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
