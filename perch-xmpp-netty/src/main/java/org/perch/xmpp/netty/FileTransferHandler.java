package org.perch.xmpp.netty;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.stream.ChunkedNioFile;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * XEP-0363 transfers on the HTTP listener: PUT, GET and HEAD under {@value HttpFiles#PATH}; every other request
 * passes on to the aggregator and the router. Placed before the aggregator, so that an upload is never held in
 * memory: each body chunk is written to disk as it comes, off the event loop, in order, with reading paused while
 * writes are behind. A download is streamed from its file. Decisions ({@link HttpFiles}) are taken off the event loop
 * too. A transfer may take longer than stream negotiation is given, so the negotiation deadline goes once a
 * transfer starts; idleness while one runs is not the client's.
 */
final class FileTransferHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(FileTransferHandler.class);
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final String NOSNIFF_HEADER = "X-Content-Type-Options";
    /** Body chunks that may wait to be written before reading pauses. */
    private static final int MAX_PENDING_WRITES = 4;

    private final HttpFiles files;
    private final Executor blocking;
    /** The transfer under way on this connection, if any (one at a time: HTTP/1.1 without pipelining of bodies). */
    private Transfer transfer;

    FileTransferHandler(HttpFiles files, Executor blocking) {
        this.files = files;
        this.blocking = blocking;
    }

    private sealed interface Transfer {
    }

    /** A download or refused request whose remaining body chunks are dropped. */
    private record Ignoring() implements Transfer {
    }

    private final class Uploading implements Transfer {
        final HttpRequest request;
        /** Set off the event loop once the upload has started; read there by the abort. */
        volatile HttpFiles.Upload started;
        CompletableFuture<HttpFiles.Upload> tail;
        int pending;
        boolean failed;

        Uploading(HttpRequest request) {
            this.request = request;
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && transfer == null && isFileRequest(request)) {
            if (ctx.pipeline().get(PipelineNames.NEGOTIATION_DEADLINE) != null) {
                ctx.pipeline().remove(PipelineNames.NEGOTIATION_DEADLINE);
            }
            start(ctx, request);
            ReferenceCountUtil.release(msg);
        } else if (msg instanceof HttpContent content && transfer != null) {
            body(ctx, content);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private static boolean isFileRequest(HttpRequest request) {
        return request.uri().startsWith(HttpFiles.PATH);
    }

    private void start(ChannelHandlerContext ctx, HttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        List<String> segments = List.of(uri.path().substring(HttpFiles.PATH.length()).split("/", -1));
        String id = segments.getFirst();
        if (!request.decoderResult().isSuccess() || id.isEmpty() || segments.size() > 2) {
            refuse(ctx, request, 404, "not found");
            return;
        }
        if (HttpMethod.PUT.equals(request.method())) {
            upload(ctx, request, id, param(uri, "t"));
        } else if (HttpMethod.GET.equals(request.method()) || HttpMethod.HEAD.equals(request.method())) {
            transfer = new Ignoring();
            ctx.channel().config().setAutoRead(false);
            CompletableFuture.supplyAsync(() -> files.download(id, param(uri, "u"), param(uri, "t")), blocking)
                    .whenComplete((download, failure) -> ctx.executor().execute(() -> {
                        ctx.channel().config().setAutoRead(true);
                        if (failure != null) {
                            refuse(ctx, request, failure);
                        } else {
                            serve(ctx, request, download);
                        }
                    }));
        } else {
            refuse(ctx, request, 405, "only PUT, GET and HEAD are allowed here");
        }
    }

    private void upload(ChannelHandlerContext ctx, HttpRequest request, String id, String token) {
        long length = HttpUtil.getContentLength(request, -1L);
        String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
        ctx.channel().config().setAutoRead(false);
        Uploading up = new Uploading(request);
        CompletableFuture<HttpFiles.Upload> started = CompletableFuture.supplyAsync(() -> {
            up.started = files.startUpload(id, token, length, type);
            return up.started;
        }, blocking);
        up.tail = started;
        transfer = up;
        started.whenComplete((upload, failure) -> ctx.executor().execute(() -> {
            if (failure != null) {
                fail(ctx, up, failure);
                return;
            }
            if (HttpUtil.is100ContinueExpected(request)) {
                ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
            }
            ctx.channel().config().setAutoRead(up.pending < MAX_PENDING_WRITES);
        }));
    }

    private void body(ChannelHandlerContext ctx, HttpContent content) {
        if (!(transfer instanceof Uploading up) || up.failed) {
            content.release(); // a download's empty body, or the rest of a refused upload's
            return;
        }
        boolean last = content instanceof LastHttpContent;
        up.pending++;
        if (up.pending >= MAX_PENDING_WRITES) {
            ctx.channel().config().setAutoRead(false);
        }
        // handle, not thenApply: a chunk queued behind a start or a write that failed must still be released.
        up.tail = up.tail.handleAsync((upload, failed) -> {
            try {
                if (failed != null) {
                    throw failed instanceof CompletionException c ? c : new CompletionException(failed);
                }
                upload.write(content.content().nioBuffer());
                if (last) {
                    upload.finish();
                }
                return upload;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                content.release();
            }
        }, blocking);
        up.tail.whenComplete((upload, failure) -> ctx.executor().execute(() -> {
            up.pending--;
            if (failure != null) {
                fail(ctx, up, failure);
            } else if (last) {
                transfer = null;
                respond(ctx, up.request, HttpResponseStatus.CREATED, "created\n", true);
            } else if (!up.failed && up.pending < MAX_PENDING_WRITES) {
                ctx.channel().config().setAutoRead(true);
            }
        }));
    }

    /** Refuses or ends a failed upload: the partial file goes, the connection too (its body may still be coming). */
    private void fail(ChannelHandlerContext ctx, Uploading up, Throwable failure) {
        if (up.failed) {
            return;
        }
        abort(up);
        refuse(ctx, up.request, failure);
    }

    /** Deletes what the upload wrote, after the writes already queued (which then find it aborted). */
    private void abort(Uploading up) {
        up.failed = true;
        up.tail = up.tail.handleAsync((upload, t) -> {
            if (up.started != null) {
                up.started.abort();
            }
            return null;
        }, blocking);
    }

    private void serve(ChannelHandlerContext ctx, HttpRequest request, HttpFiles.Download download) {
        FileChannel channel = null;
        try {
            boolean head = HttpMethod.HEAD.equals(request.method());
            if (!head) {
                channel = FileChannel.open(download.path(), StandardOpenOption.READ);
            }
            HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, download.contentType())
                    .set(HttpHeaderNames.CONTENT_LENGTH, download.size())
                    .set(HttpHeaderNames.CONTENT_DISPOSITION, disposition(download))
                    .set(NOSNIFF_HEADER, "nosniff")
                    .set(HttpHeaderNames.CONTENT_SECURITY_POLICY, "default-src 'none'")
                    .set(HttpHeaderNames.CACHE_CONTROL, "private, max-age=86400")
                    .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            HttpUtil.setKeepAlive(response, keepAlive);
            ctx.write(response);
            ChannelFuture done = head ? ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT)
                    : ctx.writeAndFlush(new HttpChunkedInput(new ChunkedNioFile(channel, 0, download.size(),
                            CHUNK_BYTES)));
            done.addListener(f -> transfer = null);
            if (!keepAlive) {
                done.addListener(ChannelFutureListener.CLOSE);
            }
        } catch (IOException e) {
            closeQuietly(channel);
            LOG.warn("could not read the file {}: {}", download.path().getFileName(), e.toString());
            refuse(ctx, request, 404, "not found");
        }
    }

    /** RFC 6266: the display name as an ASCII fallback and in UTF-8. */
    private static String disposition(HttpFiles.Download download) {
        String ascii = download.name().replaceAll("[^A-Za-z0-9._ -]", "_");
        String utf8 = URLEncoder.encode(download.name(), StandardCharsets.UTF_8).replace("+", "%20");
        return (download.inline() ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + utf8;
    }

    private void refuse(ChannelHandlerContext ctx, HttpRequest request, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof HttpFiles.Refusal refusal) {
            refuse(ctx, request, refusal.status(), refusal.getMessage());
        } else {
            LOG.warn("file transfer failed", cause);
            refuse(ctx, request, 500, "the server could not complete the transfer");
        }
    }

    /** Answers with an error and closes: a body may be on its way that we will not read. */
    private void refuse(ChannelHandlerContext ctx, HttpRequest request, int status, String reason) {
        transfer = new Ignoring();
        ctx.channel().config().setAutoRead(true);
        respond(ctx, request, HttpResponseStatus.valueOf(status), reason + "\n", false);
    }

    private static void respond(ChannelHandlerContext ctx, HttpRequest request, HttpResponseStatus status,
                                String body, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                ByteBufUtil.writeUtf8(ctx.alloc(), body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(NOSNIFF_HEADER, "nosniff")
                .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        boolean alive = keepAlive && HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, alive);
        ChannelFuture written = ctx.writeAndFlush(response);
        if (!alive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static String param(QueryStringDecoder uri, String name) {
        List<String> values = uri.parameters().get(name);
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent && transfer instanceof Uploading up && up.started != null
                && up.pending == 0 && !up.failed) {
            // Nothing came for the idle timeout and no write of ours is behind: the client stalled mid-body, and
            // would otherwise hold the connection and the partial file for as long as it likes.
            fail(ctx, up, new HttpFiles.Refusal(408, "the upload stalled"));
            return;
        }
        if (evt instanceof IdleStateEvent && transfer != null) {
            return; // a download under way, or a refusal being answered: the client is not idle
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (transfer instanceof Uploading up && !up.failed) {
            abort(up);
        }
        ctx.fireChannelInactive();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was sent from it
            }
        }
    }
}
