package org.perch.xmpp.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import org.perch.xmpp.stream.StreamErrorCondition;
import org.perch.xmpp.stream.StreamErrorException;
import org.perch.xmpp.stream.StreamLimits;
import org.perch.xmpp.stream.WebSocketFrameParser;

/**
 * Parses the text frames of an XMPP-over-WebSocket connection (RFC 7395 §3.3: one complete element per frame)
 * into {@link StreamEvent}s. A binary frame is a framing violation (RFC 7395 §3.2: messages are text).
 */
final class XmppFrameDecoder extends ChannelInboundHandlerAdapter {
    private final EventQueue queue = new EventQueue();
    private final WebSocketFrameParser parser;
    private boolean failed;

    XmppFrameDecoder(StreamLimits limits) {
        this.parser = new WebSocketFrameParser(limits, queue);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WebSocketFrame frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (failed) {
                return;
            }
            if (frame instanceof TextWebSocketFrame text) {
                parser.feedFrame(text.text());
            } else {
                throw new StreamErrorException(StreamErrorCondition.BAD_FORMAT, "XMPP frames must be text frames");
            }
        } catch (StreamErrorException e) {
            failed = true;
            queue.add(new StreamEvent.Failed(e));
        } finally {
            ReferenceCountUtil.release(frame);
        }
        queue.drain(ctx);
    }
}
