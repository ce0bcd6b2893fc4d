package org.perch.bench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.perch.bench.load.Accounts.Account;

/**
 * Makes {@link XmppSession}s: NIO event loops shared by every connection (no thread per session), each connection
 * from the next source address, TLS trusting a given CA file or, for the bench, anything. Sessions that have logged
 * in get a whitespace keepalive every {@value #KEEPALIVE_SECONDS} s, so that an idle profile is not cut by a
 * server's idle timeout.
 */
final class ClientEngine implements AutoCloseable {

    static final long KEEPALIVE_SECONDS = 60;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final EventLoopGroup loops;
    private final Bootstrap bootstrap;
    private final ClientSetup setup;
    private final SourceAddresses sources;
    private final InetSocketAddress server;

    private ClientEngine(EventLoopGroup loops, ClientSetup setup, SourceAddresses sources) {
        this.loops = loops;
        this.setup = setup;
        this.sources = sources;
        this.server = new InetSocketAddress(setup.target().host(), setup.target().port());
        this.bootstrap = new Bootstrap().group(loops).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS);
    }

    /**
     * @param ca the certificate(s) to trust; empty trusts every certificate, without checking the name either
     * @param register whether each session registers its account (XEP-0077) before it authenticates
     * @param threads event loop threads
     */
    static ClientEngine start(Target target, Optional<Path> ca, String mechanism, boolean register,
                              SourceAddresses sources,
                              int threads, LoadProbe probe) throws SSLException {
        // No session is ever resumed (XmppSession.startTls): a cache of one keeps the JDK from holding a copy of
        // every session and its ticket.
        SslContextBuilder tls = SslContextBuilder.forClient().sessionCacheSize(1);
        if (ca.isPresent()) {
            tls.trustManager(ca.get().toFile());
        } else {
            tls.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
        }
        SslContext context = tls.build();
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("load-io"),
                NioIoHandler.newFactory());
        ClientSetup setup = new ClientSetup(target, context, mechanism, register, probe,
                new DefaultChannelGroup("load-sessions", GlobalEventExecutor.INSTANCE), new AtomicBoolean());
        loops.scheduleAtFixedRate(() -> setup.established().writeAndFlush(
                        Unpooled.copiedBuffer(" ", StandardCharsets.US_ASCII)),
                KEEPALIVE_SECONDS, KEEPALIVE_SECONDS, TimeUnit.SECONDS);
        return new ClientEngine(loops, setup, sources);
    }

    /** Connects from the next source address and logs in; completes once the resource is bound. */
    CompletableFuture<XmppSession> login(Account account, String resource) {
        return login(account, resource, 0);
    }

    /**
     * As {@link #login(Account, String)}, with a socket receive buffer of {@code receiveBufferBytes} when positive
     * (set before the connection is made, so that the window the client offers stays that small).
     */
    CompletableFuture<XmppSession> login(Account account, String resource, int receiveBufferBytes) {
        XmppSession session = new XmppSession(setup, account, resource);
        CompletableFuture<XmppSession> loggedIn = session.loggedIn();
        Bootstrap connection = bootstrap.clone().handler(session);
        if (receiveBufferBytes > 0) {
            connection.option(ChannelOption.SO_RCVBUF, receiveBufferBytes);
        }
        connection.connect(server, new InetSocketAddress(sources.next(), 0))
                .addListener((ChannelFuture connected) -> {
                    if (!connected.isSuccess()) {
                        session.connectFailed(connected.cause());
                    }
                });
        return loggedIn;
    }

    /**
     * A plain TCP connection to the server from {@code source}, on this engine's event loops, with {@code handler}
     * as its only handler: no TLS, no XMPP unless the handler speaks it.
     */
    ChannelFuture connectRaw(ChannelHandler handler, InetAddress source) {
        return bootstrap.clone().handler(handler).connect(server, new InetSocketAddress(source, 0));
    }

    /** Sessions logged in and still connected. */
    int held() {
        return setup.established().size();
    }

    /** Ends every stream politely, closes the connections and stops the event loops. */
    @Override
    public void close() {
        setup.stopping().set(true);
        setup.established().writeAndFlush(Unpooled.copiedBuffer(ClientStanzas.STREAM_END, StandardCharsets.UTF_8));
        setup.established().close().awaitUninterruptibly(30, TimeUnit.SECONDS);
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(30, TimeUnit.SECONDS);
    }
}
