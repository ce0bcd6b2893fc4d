package org.perch.xmpp.netty;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Arrays;
import java.util.Optional;

/**
 * Routes the HTTP listener's requests: the WebSocket upgrade on {@value HostMeta#WEBSOCKET_PATH} (passed on to
 * the WebSocket handshaker only when the client offers the {@code xmpp} subprotocol), the host-meta documents,
 * the {@link HttpSite}'s files, and short error responses for everything else.
 */
final class HttpRequestRouter extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final String HOST_META = "/.well-known/host-meta";
    static final String HOST_META_JSON = "/.well-known/host-meta.json";

    private final HostMeta hostMeta;
    private final HttpSite site;

    HttpRequestRouter(HostMeta hostMeta, HttpSite site) {
        super(FullHttpRequest.class, true);
        this.hostMeta = hostMeta;
        this.site = site;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            respond(ctx, request, HttpResponseStatus.BAD_REQUEST, "text/plain", "bad request\n", false);
            return;
        }
        if (!HttpMethod.GET.equals(request.method())) {
            respond(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain", "only GET is allowed\n",
                    false);
            return;
        }
        Optional<String> host = Optional.ofNullable(request.headers().get(HttpHeaderNames.HOST));
        String path = new QueryStringDecoder(request.uri()).path();
        switch (path) {
            case HostMeta.WEBSOCKET_PATH -> upgrade(ctx, request);
            case HOST_META -> respond(ctx, request, HttpResponseStatus.OK, "application/xrd+xml; charset=utf-8",
                    hostMeta.xml(host), true);
            case HOST_META_JSON -> respond(ctx, request, HttpResponseStatus.OK, "application/json",
                    hostMeta.json(host), true);
            default -> site.find(path).ifPresentOrElse(file -> serve(ctx, request, file),
                    () -> respond(ctx, request, HttpResponseStatus.NOT_FOUND, "text/plain", "not found\n", false));
        }
    }

    /**
     * A site file, gzipped when the site has it so and the client accepts gzip, or 304 when the browser already has
     * these bytes (its {@code If-None-Match} names the tag of the representation it would be sent).
     */
    private void serve(ChannelHandlerContext ctx, FullHttpRequest request, HttpSite.File file) {
        Optional<HttpSite.Gzipped> gzipped = file.gzipped()
                .filter(g -> AcceptEncoding.allowsGzip(request.headers().getAll(HttpHeaderNames.ACCEPT_ENCODING)));
        byte[] body = gzipped.map(HttpSite.Gzipped::body).orElse(file.body());
        String etag = gzipped.map(HttpSite.Gzipped::etag).orElse(file.etag());
        boolean unchanged = request.headers().getAll(HttpHeaderNames.IF_NONE_MATCH).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim).anyMatch(tag -> tag.equals(etag) || tag.equals("*"));
        FullHttpResponse response = unchanged
                ? new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_MODIFIED)
                : new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                        Unpooled.wrappedBuffer(body));
        site.headers().forEach(response.headers()::set);
        response.headers().set(HttpHeaderNames.ETAG, etag)
                .set(HttpHeaderNames.CACHE_CONTROL, file.cacheControl());
        if (file.gzipped().isPresent()) {
            // The answer depends on Accept-Encoding: a shared cache must not hand gzip to a client that did not ask.
            response.headers().set(HttpHeaderNames.VARY, HttpHeaderNames.ACCEPT_ENCODING);
        }
        // A 304 has no body; its Content-Length, if any, is the 200's (RFC 9110 §8.6), which ends it for clients.
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (!unchanged) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, file.contentType());
            if (gzipped.isPresent()) {
                response.headers().set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
            }
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        ChannelFuture written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /**
     * RFC 7395 §3.1: an XMPP WebSocket connection exists only if both sides name the {@code xmpp} subprotocol.
     * Netty's handshaker would accept a request without it (answering with no subprotocol), so such a request
     * is refused here, before the upgrade, with 400.
     */
    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            respond(ctx, request, HttpResponseStatus.BAD_REQUEST, "text/plain",
                    "expected a WebSocket upgrade\n", false);
            return;
        }
        if (!offersXmpp(request.headers().getAll(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL))) {
            respond(ctx, request, HttpResponseStatus.BAD_REQUEST, "text/plain",
                    "the 'xmpp' WebSocket subprotocol is required (RFC 7395)\n", false);
            return;
        }
        ctx.fireChannelRead(request.retain());
    }

    private static boolean offersXmpp(Iterable<String> headerValues) {
        for (String value : headerValues) {
            for (String token : value.split(",")) {
                if (token.trim().equals("xmpp")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
                                String contentType, String body, boolean cors) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                ByteBufUtil.writeUtf8(ctx.alloc(), body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        if (cors) {
            // XEP-0156 §3: browser clients fetch host-meta cross-origin.
            response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        }
        if (status == HttpResponseStatus.METHOD_NOT_ALLOWED) {
            response.headers().set(HttpHeaderNames.ALLOW, HttpMethod.GET.name());
        }
        boolean keepAlive = status.code() < 400 && HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        ChannelFuture written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
