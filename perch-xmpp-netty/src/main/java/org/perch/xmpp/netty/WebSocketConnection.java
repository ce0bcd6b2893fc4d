package org.perch.xmpp.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.Optional;
import org.perch.xmpp.stream.StreamHeader;
import org.perch.xmpp.stream.StreamWriter;
import org.perch.xmpp.xml.XmlElement;

/**
 * A client stream over WebSocket (RFC 7395): every top-level element, {@code <open/>} and {@code <close/>} travel
 * in a text frame of their own. TLS, if any, is the listener's (wss), so there is no STARTTLS and no restart.
 */
final class WebSocketConnection extends ChannelConnection {
    private final boolean secure;

    WebSocketConnection(Channel channel, TransportContext context, boolean secure) {
        super(channel, "ws", context.nextId(), secure ? context.tls().serverEndPoint() : Optional.empty(), context);
        this.secure = secure;
    }

    @Override
    public void openStream(StreamHeader header) {
        streamOpen(true);
        write(StreamWriter.frameOpen(header));
    }

    @Override
    public void send(XmlElement element) {
        write(StreamWriter.frameElement(element));
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public boolean canStartTls() {
        return false;
    }

    @Override
    public void startTls() {
        throw new IllegalStateException("STARTTLS is not available over WebSocket (RFC 7395 §3.6)");
    }

    /** RFC 7395 §3.3.2: no stream restart on WebSocket; the client sends a new {@code <open/>}, parsed as is. */
    @Override
    public void restartStream() {
        // Nothing to reset: each frame is parsed on its own.
    }

    @Override
    Object encode(String text) {
        return new TextWebSocketFrame(text);
    }

    /** RFC 7395 §3.6: the error element, then {@code <close/>}, then the WebSocket close frame. */
    @Override
    void writeClosing(Optional<StreamError> error) {
        error.ifPresent(e -> channel.write(encode(StreamWriter.frameElement(e.element())), channel.voidPromise()));
        channel.write(encode(StreamWriter.frameClose()), channel.voidPromise());
        channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                .addListener(ChannelFutureListener.CLOSE);
    }
}
