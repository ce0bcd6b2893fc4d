package org.perch.xmpp.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.perch.xmpp.stream.StreamErrorException;
import org.perch.xmpp.stream.StreamLimits;
import org.perch.xmpp.stream.XmlStreamParser;

/**
 * Feeds the bytes of a TCP stream to the non-blocking {@link XmlStreamParser} and passes its events up as
 * {@link StreamEvent}s. After a stream error nothing more is parsed; {@link #reset()} (stream restart, STARTTLS)
 * must run on the channel's event loop.
 */
final class XmlStreamDecoder extends ChannelInboundHandlerAdapter {
    private static final int SCRATCH_SIZE = 16 * 1024;
    /**
     * One copy buffer per event-loop thread, not per connection: 16 KiB held by each of 100,000 idle connections
     * would be 1.6 GB. Sharing is safe because the parser has consumed (copied) every byte before feed returns.
     */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[SCRATCH_SIZE]);

    private final EventQueue queue = new EventQueue();
    private final XmlStreamParser parser;
    private boolean failed;

    XmlStreamDecoder(StreamLimits limits) {
        this.parser = new XmlStreamParser(limits, queue);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf buf)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (!failed) {
                feed(buf);
            }
        } catch (StreamErrorException e) {
            failed = true;
            queue.add(new StreamEvent.Failed(e));
        } finally {
            ReferenceCountUtil.release(buf);
        }
        queue.drain(ctx);
    }

    /**
     * The socket has nothing more to read for now: an idle connection does not need its parser's reader (about
     * 5 KiB), and most connections are idle. A busy one keeps it through a burst of reads, which end here only
     * when the socket is drained.
     */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        parser.shed(); // does nothing on a failed stream
        ctx.fireChannelReadComplete();
    }

    /** Starts a new stream: the parser forgets everything, events not yet delivered are dropped. */
    void reset() {
        queue.clear();
        parser.reset();
    }

    // Always copied: a heap buffer's array is shared by the pool and must not outlive the release below.
    private void feed(ByteBuf buf) {
        byte[] scratch = SCRATCH.get();
        while (buf.isReadable()) {
            int n = Math.min(scratch.length, buf.readableBytes());
            buf.readBytes(scratch, 0, n);
            parser.feed(scratch, 0, n);
        }
    }
}
