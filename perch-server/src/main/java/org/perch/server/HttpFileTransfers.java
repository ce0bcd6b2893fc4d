package org.perch.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.perch.domain.files.FileDownload;
import org.perch.domain.files.FileException;
import org.perch.domain.files.FileSharing;
import org.perch.domain.files.FileUpload;
import org.perch.xmpp.netty.HttpFiles;

/**
 * The HTTP listener's file transfers, decided by the domain's file posting; its refusals become HTTP statuses (the
 * table in ADR 0007): 404 for anything a stranger must not learn, 409 a slot used, 410 a slot expired, 411 no
 * Content-Length, 413 more bytes than the slot's size, 400 fewer bytes or another content type.
 */
final class HttpFileTransfers implements HttpFiles {

    private final FileSharing files;

    HttpFileTransfers(FileSharing files) {
        this.files = files;
    }

    @Override
    public Upload startUpload(String id, String token, long length, String contentType) {
        if (length < 0) {
            // A chunked body: its size would be known only once written, and a slot is for an exact size.
            throw new Refusal(411, "an upload needs a Content-Length, the slot's size");
        }
        FileUpload upload = refusing(() -> files.startUpload(id, token, length, contentType));
        return new Upload() {
            @Override
            public void write(ByteBuffer bytes) throws IOException {
                try {
                    upload.write(bytes);
                } catch (FileException e) {
                    throw refusal(e);
                }
            }

            @Override
            public void finish() throws IOException {
                try {
                    upload.finish();
                } catch (FileException e) {
                    throw refusal(e);
                }
            }

            @Override
            public void abort() {
                upload.abort();
            }
        };
    }

    @Override
    public Download download(String id, String reader, String token) {
        FileDownload d = refusing(() -> files.download(id, reader, token));
        return new Download(d.path(), d.size(), d.contentType(), d.name(), d.inline());
    }

    private static <T> T refusing(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (FileException e) {
            throw refusal(e);
        }
    }

    private static Refusal refusal(FileException e) {
        int status = switch (e.reason()) {
            case NOT_FOUND -> 404;
            case TOO_LARGE -> 413;
            case INVALID -> 400;
            case CONFLICT -> 409;
            case EXPIRED -> 410;
            case NOT_ALLOWED -> 403;
        };
        return new Refusal(status, e.getMessage());
    }
}
