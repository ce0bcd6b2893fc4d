package org.perch.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.perch.domain.files.FileDownload;
import org.perch.domain.files.FileException;
import org.perch.domain.files.FileSharing;
import org.perch.domain.files.FileUpload;
import org.perch.xmpp.netty.HttpFiles;

/** The HTTP listener's file transfers, decided by the domain's file posting; its refusals become HTTP statuses. */
final class HttpFileTransfers implements HttpFiles {

    private final FileSharing files;

    HttpFileTransfers(FileSharing files) {
        this.files = files;
    }

    @Override
    public Upload startUpload(String id, String token, long length, String contentType) {
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
