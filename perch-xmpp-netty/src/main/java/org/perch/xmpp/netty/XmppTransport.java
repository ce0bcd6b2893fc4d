package org.perch.xmpp.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.perch.xmpp.session.StreamHandlerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The XMPP client transport: the c2s (STARTTLS) port, the direct TLS port and the HTTP port (host-meta and XMPP
 * over WebSocket), each handing its streams to a {@link org.perch.xmpp.session.StreamHandler} made by the factory.
 * Runs on NIO with one accepting thread and one worker thread per core.
 */
public final class XmppTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(XmppTransport.class);
    /** Above the high mark a channel turns unwritable; below the low mark it is writable again. */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 * 1024, 128 * 1024);
    private static final long SHUTDOWN_WAIT_SECONDS = 10;
    /** The path of XMPP over WebSocket on the HTTP listener. */
    public static final String WEBSOCKET_PATH = HostMeta.WEBSOCKET_PATH;

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ChannelGroup channels;
    private final TransportStats stats;
    private final List<Channel> listeners = new ArrayList<>(3);
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Where file transfers' decisions and disk writes run, off the event loops. */
    private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
    private volatile int c2sPort = -1;
    private volatile int directTlsPort = -1;
    private volatile int httpPort = -1;

    private XmppTransport(TransportStats stats) {
        this.stats = stats;
        boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("perch-accept"), NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                new DefaultThreadFactory("perch-io"), NioIoHandler.newFactory());
        channels = new DefaultChannelGroup("perch-clients", GlobalEventExecutor.INSTANCE);
    }

    /** As {@link #start(TransportConfig, TlsIdentity, StreamHandlerFactory, TransportStats)}, counting afresh. */
    public static XmppTransport start(TransportConfig config, TlsIdentity identity, StreamHandlerFactory handlers) {
        return start(config, identity, handlers, new TransportStats());
    }

    /** As {@link #start(TransportConfig, TlsIdentity, StreamHandlerFactory, TransportStats, HttpSite)}, no site. */
    public static XmppTransport start(TransportConfig config, TlsIdentity identity, StreamHandlerFactory handlers,
                                      TransportStats stats) {
        return start(config, identity, handlers, stats, HttpSite.NONE, Optional.empty());
    }

    /**
     * Binds every enabled listener (port -1 disables one, 0 picks a free port) and starts accepting.
     *
     * @param stats where the connection limits count what they do; may outlive this transport
     * @param site the files the HTTP listener serves beside XMPP (the web client)
     * @param files with it, the HTTP listener also serves XEP-0363 uploads and downloads under {@value HttpFiles#PATH}
     * @throws TransportException if a listener cannot bind or the TLS identity is unusable; nothing is left
     *         running then
     */
    public static XmppTransport start(TransportConfig config, TlsIdentity identity, StreamHandlerFactory handlers,
                                      TransportStats stats, HttpSite site, Optional<HttpFiles> files) {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(handlers, "handlers");
        Objects.requireNonNull(stats, "stats");
        TlsSetup tls = TlsSetup.of(identity);
        XmppTransport transport = new XmppTransport(stats);
        try {
            TransportContext context = new TransportContext(config, tls, handlers,
                    new ConnectionLimiter(config.connections().maxConnectionsPerAddress(),
                            new AddressBans(config.connections().abuseBan(), System::nanoTime, stats)), transport.channels,
                    new AtomicLong(), stats);
            HostMeta hostMeta = new HostMeta(config.domain(), () -> config.httpTls() ? transport.httpPort : 0);
            transport.c2sPort = transport.bind(config.bindAddress(), config.c2sPort(), new TcpInitializer(context, false));
            transport.directTlsPort = transport.bind(config.bindAddress(), config.directTlsPort(),
                    new TcpInitializer(context, true));
            transport.httpPort = transport.bind(config.httpBindAddress(), config.httpPort(),
                    new HttpInitializer(context, hostMeta, site, files, transport.blocking));
        } catch (RuntimeException e) {
            transport.close();
            throw e;
        }
        LOG.info("XMPP transport listening: c2s {}, direct TLS {}, {} {}", transport.c2sPort,
                transport.directTlsPort, config.httpTls() ? "https/wss" : "http/ws", transport.httpPort);
        return transport;
    }

    /** The bound c2s port, or -1 if that listener is disabled. */
    public int c2sPort() {
        return c2sPort;
    }

    /** The bound direct TLS port, or -1 if that listener is disabled. */
    public int directTlsPort() {
        return directTlsPort;
    }

    /** The bound HTTP(S) port, or -1 if that listener is disabled. */
    public int httpPort() {
        return httpPort;
    }

    /** The limits' counters, with the connections open now and their unsent output. */
    public TransportStats.Snapshot stats() {
        long outbound = 0;
        for (Channel channel : channels) {
            outbound += OutboundBudget.pendingBytes(channel);
        }
        return stats.snapshot(channels.size(), outbound);
    }

    /** Stops accepting, closes every connection and stops the I/O threads, waiting a bounded time for them. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (Channel listener : listeners) {
            listener.close().awaitUninterruptibly(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        }
        channels.close().awaitUninterruptibly(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        blocking.shutdownNow();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        boolean stopped = boss.terminationFuture().awaitUninterruptibly(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)
                & workers.terminationFuture().awaitUninterruptibly(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        if (!stopped) {
            LOG.warn("XMPP transport I/O threads did not stop within {} s", SHUTDOWN_WAIT_SECONDS);
        }
    }

    private int bind(String host, int port, ChannelInitializer<SocketChannel> initializer) {
        if (port < 0) {
            return -1;
        }
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childHandler(initializer)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK);
        try {
            Channel listener = bootstrap.bind(new InetSocketAddress(host, port)).sync().channel();
            listeners.add(listener);
            return ((InetSocketAddress) listener.localAddress()).getPort();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while binding " + host + ":" + port, e);
        } catch (Exception e) {
            throw new TransportException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }
}
