package org.perch.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import org.perch.bench.load.Accounts.Account;

/**
 * One client connection and the last handler of its pipeline: it feeds what arrives to its {@link StanzaFramer},
 * hands elements to the {@link LoginNegotiation} until the resource is bound, and after that recognises the few
 * stanzas the profiles wait for: the self-presence of a join, groupchat bodies (whose {@code t=} stamp gives the
 * post→delivery latency), MAM results and IQ responses.
 *
 * <p>Its state is touched only on the channel's event loop: the operations hop there, except {@link #groupchat},
 * which is a plain write (Netty's writes may come from any thread). A session holds a join or a MAM query at a time.
 */
final class XmppSession extends ChannelInboundHandlerAdapter implements StanzaFramer.Listener {

    private final ClientSetup setup;
    private final StanzaFramer framer = new StanzaFramer(this);
    private final AwaitedReplies awaited = new AwaitedReplies();
    private LoginNegotiation login;
    private Channel channel;
    private final CompletableFuture<String> endedHow = new CompletableFuture<>();
    private int mamResults;
    private int nextId;
    private boolean ended;
    /** The stream error the server sent, if it sent one: what {@link #ended()} reports. */
    private Element streamError;

    XmppSession(ClientSetup setup, Account account, String resource) {
        this.setup = setup;
        this.login = new LoginNegotiation(this, setup, account, resource);
    }

    /** The login's outcome; to be asked before the connection is made. */
    CompletableFuture<XmppSession> loggedIn() {
        return login.result();
    }

    /**
     * Joins {@code room} as {@code nick} asking for {@code history} messages; completes with whether the join created
     * the room (status 201) and, when history was asked for, how many messages came before the subject.
     */
    CompletableFuture<AwaitedReplies.Joined> join(String room, String nick, int history) {
        CompletableFuture<AwaitedReplies.Joined> joined = new CompletableFuture<>();
        onLoop(joined, () -> {
            awaited.awaitJoin(room, history > 0, joined);
            send(ClientStanzas.join(room, nick, history));
        });
        return joined;
    }

    /** Configures a room this session owns ({@link ClientStanzas#configure}). */
    CompletableFuture<Element> configure(String room, boolean moderated) {
        return iq(id -> ClientStanzas.configure(id, room, moderated));
    }

    /** Gives an occupant voice in a moderated room this session moderates. */
    CompletableFuture<Element> grantVoice(String room, String nick) {
        return iq(id -> ClientStanzas.grantVoice(id, room, nick));
    }

    /** Asks for the newest {@code max} messages of a room; completes with how many came before {@code <fin/>}. */
    CompletableFuture<Integer> mamPage(String room, int max) {
        return iq(id -> {
            mamResults = 0;
            return ClientStanzas.mamQuery(id, room, id, max);
        }).thenApply(result -> {
            if (result.child("fin", ClientStanzas.MAM).isEmpty()) {
                throw new SessionException("MAM result without fin", result.toString());
            }
            return mamResults;
        });
    }

    /**
     * Completes when the session ends, for whatever reason (the engine's own close included), with how:
     * {@link ConnectionEnds#describe}.
     */
    CompletableFuture<String> ended() {
        return endedHow;
    }

    /** The connection, once made: for the abuse profile's attackers, which write and stop reading on it. */
    Channel channel() {
        return channel;
    }

    /** Posts to a room; any thread. */
    void groupchat(String room, String body) {
        channel.writeAndFlush(ByteBufUtil.writeUtf8(channel.alloc(), ClientStanzas.groupchat(room, body)));
        setup.probe().sent();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        send(ClientStanzas.streamHeader(setup.target().domain()));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            framer.feed(in);
        } catch (RuntimeException e) {
            fail(e instanceof SessionException ? e : new SessionException("protocol " + e.getClass().getSimpleName(),
                    String.valueOf(e.getMessage())));
        } finally {
            in.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(new SessionException("connection closed", "by the server or the network"));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(new SessionException("connection error " + cause.getClass().getSimpleName(), cause.toString()));
    }

    @Override
    public void streamOpened() {
        // the features that follow say what to do
    }

    @Override
    public void streamClosed() {
        fail(new SessionException("stream closed", "the server ended the stream"));
    }

    @Override
    public void element(Element element) {
        if (element.name().equals("error")) {
            streamError = element; // a top-level error is the stream's (a stanza's error is inside the stanza)
        }
        if (login != null) {
            login.handle(element);
            return;
        }
        switch (element.name()) {
            case "message" -> message(element);
            case "presence" -> presence(element);
            case "iq" -> iq(element);
            case "error" -> throw new SessionException("stream error " + SessionException.condition(element),
                    element.toString());
            default -> { }
        }
    }

    void send(String xml) {
        channel.writeAndFlush(ByteBufUtil.writeUtf8(channel.alloc(), xml));
    }

    /**
     * After {@code <proceed/>}: TLS goes first in the pipeline, and the stream restarts once it is up. The engine is
     * not told the peer's host and port, because those are what the JDK finds a session to resume by: each session
     * stands for another device, so each makes a full handshake. The domain goes in SNI, where the certificate's
     * name is checked too (when checked at all).
     */
    void startTls() {
        SslHandler tls = setup.tls().newHandler(channel.alloc());
        SSLParameters parameters = tls.engine().getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(setup.target().domain())));
        tls.engine().setSSLParameters(parameters);
        channel.pipeline().addFirst("tls", tls);
        tls.handshakeFuture().addListener(done -> {
            if (done.isSuccess()) {
                login.secured();
                restartStream();
            } else {
                fail(new SessionException("TLS handshake failed", done.cause().toString()));
            }
        });
    }

    void restartStream() {
        framer.reset();
        send(ClientStanzas.streamHeader(setup.target().domain()));
    }

    /** The resource is bound: the negotiation's state goes, and the session counts as held. */
    void established() {
        login = null;
        setup.established().add(channel);
    }

    /** The connection could not be made. */
    void connectFailed(Throwable cause) {
        fail(new SessionException("connect failed", cause.toString()));
    }

    private void message(Element message) {
        if (message.type().equals("error")) {
            setup.probe().error("error message " + SessionException.errorCondition(message), message.toString());
        } else if (awaited.message(message)) {
            return; // history or the subject of a join
        } else if (message.child("result", ClientStanzas.MAM).isPresent()) {
            mamResults++;
        } else if (message.type().equals("groupchat")) {
            message.child("body").ifPresent(body -> stamp(body.text()));
        }
    }

    /** A body the generator posted starts {@code t=<System.nanoTime() when due>}; others are not counted. */
    private void stamp(String body) {
        if (!body.startsWith("t=")) {
            return;
        }
        int end = body.indexOf(' ');
        try {
            setup.probe().delivered(Long.parseLong(body, 2, end < 0 ? body.length() : end, 10));
        } catch (NumberFormatException e) {
            // someone else's message that happens to start with t=
        }
    }

    private void presence(Element presence) {
        if (!awaited.presence(presence) && presence.type().equals("error")) {
            setup.probe().error("error presence " + SessionException.errorCondition(presence), presence.toString());
        }
    }

    private void iq(Element iq) {
        switch (iq.type()) {
            case "get", "set" -> send(iq.child("ping", ClientStanzas.PING).isPresent() ? ClientStanzas.iqResult(iq)
                    : ClientStanzas.iqUnsupported(iq));
            case "result", "error" -> awaited.iqResponse(iq);
            default -> { }
        }
    }

    /** Sends an IQ request made from its id, and completes with the response. */
    private CompletableFuture<Element> iq(Function<String, String> request) {
        CompletableFuture<Element> response = new CompletableFuture<>();
        onLoop(response, () -> {
            String id = "lg" + nextId++;
            awaited.awaitIq(id, response);
            send(request.apply(id));
        });
        return response;
    }

    /** Runs an operation on the event loop, or fails its outcome if the session has ended. */
    private void onLoop(CompletableFuture<?> outcome, Runnable operation) {
        channel.eventLoop().execute(() -> {
            if (ended) {
                outcome.completeExceptionally(new SessionException("session ended", "before the operation began"));
            } else {
                operation.run();
            }
        });
    }

    /**
     * Ends the session for {@code why}: whatever waits fails with it, and it counts as an error unless the session
     * never got past its login (the login's caller counts that) or the engine is stopping.
     */
    private void fail(Throwable why) {
        if (ended) {
            return;
        }
        ended = true;
        if (login != null) {
            login.fail(why);
        } else if (!setup.stopping().get()) {
            setup.probe().error("session lost: " + SessionException.kindOf(why), why.getMessage());
        }
        awaited.failAll(why);
        if (channel != null) {
            channel.close();
        }
        endedHow.complete(ConnectionEnds.describe(why, streamError));
    }
}
