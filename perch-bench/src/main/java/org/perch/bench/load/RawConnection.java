package org.perch.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A plain TCP connection of an attacker that speaks only as much XMPP as it chooses to write itself: it watches what
 * the server sends for the server's stream header and a stream error, and says how the connection ended. Touched on
 * its event loop only, but for {@link #ended()}.
 */
final class RawConnection extends ChannelInboundHandlerAdapter implements StanzaFramer.Listener {

    static final String REFUSED = "closed by the server before it sent anything";

    private final StanzaFramer framer = new StanzaFramer(this);
    private final CompletableFuture<String> ended = new CompletableFuture<>();
    private final Consumer<RawConnection> onActive;
    private final Consumer<RawConnection> onServerHeader;
    private volatile Channel channel;
    private long received;
    private Element streamError;
    private volatile boolean closing;

    /**
     * @param onActive       called when the connection is made, on its event loop
     * @param onServerHeader called when the server's stream header has arrived
     */
    RawConnection(Consumer<RawConnection> onActive, Consumer<RawConnection> onServerHeader) {
        this.onActive = onActive;
        this.onServerHeader = onServerHeader;
    }

    /** Completes when the connection has ended, with how ({@link ConnectionEnds}); not when the attacker closed it. */
    CompletableFuture<String> ended() {
        return ended;
    }

    Channel channel() {
        return channel;
    }

    /** The connection could not be made. */
    void connectFailed(Throwable cause) {
        ended.complete("connect failed: " + cause.getClass().getSimpleName());
    }

    /** Closes the connection from this side; {@link #ended()} then completes with {@code how}. */
    void close(String how) {
        closing = true;
        ended.complete(how);
        if (channel != null) {
            channel.close();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        if (closing) {
            ctx.close(); // the attack stopped while this connection was being made
            return;
        }
        onActive.accept(this);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            received += in.readableBytes();
            framer.feed(in);
        } catch (RuntimeException e) {
            // what the server sent is not for this attacker to understand; how the connection ends still counts
        } finally {
            in.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!closing) {
            ended.complete(streamError != null ? ConnectionEnds.streamError(streamError)
                    : received == 0 ? REFUSED : ConnectionEnds.CLOSED_WITHOUT_ERROR);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!closing) {
            ended.complete("connection error " + cause.getClass().getSimpleName());
        }
        ctx.close();
    }

    @Override
    public void streamOpened() {
        onServerHeader.accept(this);
    }

    @Override
    public void element(Element element) {
        if (element.name().equals("error")) {
            streamError = element;
        }
    }

    @Override
    public void streamClosed() {
        // the close that follows says how it ended
    }
}
