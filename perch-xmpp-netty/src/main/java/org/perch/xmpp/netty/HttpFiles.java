package org.perch.xmpp.netty;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * What the HTTP listener asks of file posting (XEP-0363) for requests under {@value #PATH}: whether an upload may
 * start and where its bytes go, and whether a download may be served and from where. Every decision is the caller's;
 * the listener only moves bytes. Methods may block: they are called off the event loop.
 */
public interface HttpFiles {

    String PATH = "/upload/";

    /**
     * An upload of file {@code id} may start.
     *
     * @param length the request's Content-Length, -1 if it has none
     * @throws Refusal with the HTTP status to answer
     */
    Upload startUpload(String id, String token, long length, String contentType);

    /**
     * The reader named in the URL may download file {@code id}.
     *
     * @throws Refusal with the HTTP status to answer (404 for anything a stranger must not learn)
     */
    Download download(String id, String reader, String token);

    /** An upload under way; its methods are called one at a time, in order, off the event loop. */
    interface Upload {
        /** Writes the bytes; throws {@link Refusal} if they go past what the upload may have. */
        void write(ByteBuffer bytes) throws IOException;

        /** The body is complete: keep the file; throws {@link Refusal} if it is not what was promised. */
        void finish() throws IOException;

        /** The upload failed or was cut: delete what was written. */
        void abort();
    }

    /**
     * A file to serve.
     *
     * @param inline whether a browser may show it in place (images) rather than save it as an attachment
     */
    record Download(Path path, long size, String contentType, String name, boolean inline) {
    }

    /** A request refused with an HTTP status and a short reason for the body. */
    final class Refusal extends RuntimeException {
        private final int status;

        public Refusal(int status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
