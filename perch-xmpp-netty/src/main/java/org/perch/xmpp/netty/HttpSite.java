package org.perch.xmpp.netty;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Files the HTTP listener serves beside XMPP over WebSocket and host-meta, such as a web client. Looked up by the
 * request's path, without its query; the site decides which paths exist, so nothing here touches a file system.
 */
public interface HttpSite {
    /** No files: every other path is 404. */
    HttpSite NONE = new HttpSite() {
        @Override
        public Optional<File> find(String path) {
            return Optional.empty();
        }

        @Override
        public Map<String, String> headers() {
            return Map.of();
        }
    };

    /** The file at this path, if the site has one. */
    Optional<File> find(String path);

    /** Headers on every answer of the site (its security policy), 304s included. */
    Map<String, String> headers();

    /**
     * A file as sent.
     *
     * @param etag a quoted strong entity tag: a request whose {@code If-None-Match} names it gets 304
     * @param cacheControl the {@code Cache-Control} header
     * @param gzipped the same file compressed, sent instead to clients that accept gzip; empty for types that
     *        gain nothing from it (images, fonts already compressed)
     */
    record File(String contentType, byte[] body, String etag, String cacheControl, Optional<Gzipped> gzipped) {
        public File {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(etag, "etag");
            Objects.requireNonNull(cacheControl, "cacheControl");
            Objects.requireNonNull(gzipped, "gzipped");
        }

        /** A file sent as it is, whatever the client accepts. */
        public File(String contentType, byte[] body, String etag, String cacheControl) {
            this(contentType, body, etag, cacheControl, Optional.empty());
        }
    }

    /**
     * A file's gzip encoding ({@code Content-Encoding: gzip}), made once by the site rather than per request.
     *
     * @param etag a quoted strong entity tag of its own: it is another representation, with other bytes
     */
    record Gzipped(byte[] body, String etag) {
        public Gzipped {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(etag, "etag");
        }
    }
}
