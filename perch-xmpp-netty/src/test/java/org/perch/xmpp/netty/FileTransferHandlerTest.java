package org.perch.xmpp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The upload side of {@link FileTransferHandler} on an {@link EmbeddedChannel}: a refused or failed upload answers
 * its status, aborts what was written, and releases every body chunk, also those that arrived while the decision
 * was being taken (paranoid leak detection would only say so at some later garbage collection).
 */
class FileTransferHandlerTest {

    /** Decisions queued by the handler and run when the test says, as the blocking executor would run them. */
    private final List<Runnable> queued = new ArrayList<>();
    private final Executor blocking = queued::add;
    private final List<String> events = new ArrayList<>();
    private EmbeddedChannel channel;

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private void runBlocking() {
        while (!queued.isEmpty()) {
            queued.removeFirst().run();
            channel.runPendingTasks();
        }
    }

    private static HttpRequest put(long length) {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.PUT,
                "/upload/abcdefghijklmnopqrstuvwx/a.txt?t=token");
        request.headers().set(HttpHeaderNames.CONTENT_LENGTH, length).set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
        return request;
    }

    private static HttpContent chunk(String text, boolean last) {
        var bytes = Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
        return last ? new DefaultLastHttpContent(bytes) : new DefaultHttpContent(bytes);
    }

    private HttpFiles refusingWith(int status) {
        return new HttpFiles() {
            @Override
            public Upload startUpload(String id, String token, long length, String contentType) {
                throw new Refusal(status, "refused");
            }

            @Override
            public Download download(String id, String reader, String token) {
                throw new Refusal(404, "not found");
            }
        };
    }

    private HttpFiles acceptingUpTo(int size) {
        return new HttpFiles() {
            @Override
            public Upload startUpload(String id, String token, long length, String contentType) {
                return new Upload() {
                    int written;

                    @Override
                    public void write(ByteBuffer bytes) {
                        if (written + bytes.remaining() > size) {
                            throw new Refusal(413, "too large");
                        }
                        written += bytes.remaining();
                        events.add("write " + bytes.remaining());
                    }

                    @Override
                    public void finish() {
                        events.add("finish");
                    }

                    @Override
                    public void abort() {
                        events.add("abort");
                    }
                };
            }

            @Override
            public Download download(String id, String reader, String token) {
                throw new Refusal(404, "not found");
            }
        };
    }

    private FullHttpResponse response() {
        FullHttpResponse response = channel.readOutbound();
        assertThat(response).as("a response").isNotNull();
        return response;
    }

    @Test
    void chunksArrivingWhileTheStartIsRefusedShouldBeReleased() {
        channel = new EmbeddedChannel(new FileTransferHandler(refusingWith(410), blocking));
        HttpContent first = chunk("hello ", false);
        HttpContent last = chunk("world", true);

        channel.writeInbound(put(11));
        channel.writeInbound(first);
        channel.writeInbound(last);
        runBlocking();

        FullHttpResponse response = response();
        assertThat(response.status().code()).isEqualTo(410);
        response.release();
        assertThat(first.refCnt()).isZero();
        assertThat(last.refCnt()).isZero();
    }

    @Test
    void chunksAfterAWriteRefusedShouldBeReleasedAndTheUploadAborted() {
        channel = new EmbeddedChannel(new FileTransferHandler(acceptingUpTo(8), blocking));
        HttpContent ok = chunk("12345", false);
        HttpContent over = chunk("6789", false);
        HttpContent after = chunk("0", true);

        channel.writeInbound(put(8));
        runBlocking();
        channel.writeInbound(ok);
        channel.writeInbound(over);
        channel.writeInbound(after);
        runBlocking();

        FullHttpResponse response = response();
        assertThat(response.status().code()).isEqualTo(413);
        response.release();
        assertThat(events).containsExactly("write 5", "abort");
        assertThat(List.of(ok.refCnt(), over.refCnt(), after.refCnt())).containsOnly(0);
    }

    @Test
    void anUploadThatStallsForTheIdleTimeoutShouldBe408AndAborted() {
        channel = new EmbeddedChannel(new FileTransferHandler(acceptingUpTo(8), blocking));
        channel.writeInbound(put(8));
        runBlocking();
        channel.writeInbound(chunk("1234", false));
        runBlocking();

        channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        runBlocking();

        FullHttpResponse response = response();
        assertThat(response.status().code()).isEqualTo(408);
        response.release();
        assertThat(events).containsExactly("write 4", "abort");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aDownloadShouldNotBeEndedForIdleness() {
        channel = new EmbeddedChannel(new FileTransferHandler(refusingWith(404), blocking));
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                "/upload/abcdefghijklmnopqrstuvwx/a.txt?u=bob%40example.org&t=token"));

        channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);

        assertThat(channel.isOpen()).isTrue();
        Object answered = channel.readOutbound();
        assertThat(answered).isNull();
    }

    @Test
    void aWholeUploadShouldBeWrittenFinishedAndCreated() {
        channel = new EmbeddedChannel(new FileTransferHandler(acceptingUpTo(8), blocking));

        channel.writeInbound(put(8));
        runBlocking();
        channel.writeInbound(chunk("1234", false));
        channel.writeInbound(chunk("5678", true));
        runBlocking();

        FullHttpResponse response = response();
        assertThat(response.status().code()).isEqualTo(201);
        response.release();
        assertThat(events).containsExactly("write 4", "write 4", "finish");
    }
}
