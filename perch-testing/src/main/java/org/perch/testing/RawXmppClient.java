package org.perch.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A scripted client at the byte level, for conversations Smack will not have: {@link #send} writes exactly the
 * given text, {@link #expect} reads until the received text matches a pattern or the timeout passes (then it
 * fails with everything received so far). Nothing sleeps: reads block with a socket timeout.
 */
public final class RawXmppClient implements AutoCloseable {
    /** The opening stream header a client sends to {@link PerchTestServer#DOMAIN}. */
    public static final String STREAM_HEADER = "<?xml version='1.0'?><stream:stream to='" + PerchTestServer.DOMAIN
            + "' version='1.0' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";

    private final Duration timeout;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    /** Text received and not yet consumed by a successful {@link #expect}. */
    private final StringBuilder received = new StringBuilder();
    /** Everything received since the connection opened, consumed or not (TLS records as the text they carried). */
    private final StringBuilder transcript = new StringBuilder();
    private boolean eof;

    private RawXmppClient(Socket socket, Duration timeout) throws IOException {
        this.timeout = timeout;
        use(socket);
    }

    /** A plain TCP connection to the port (the STARTTLS port, or any port to test limits). */
    public static RawXmppClient connect(int port) {
        return connect(port, Duration.ofSeconds(10));
    }

    public static RawXmppClient connect(int port, Duration timeout) {
        return connect(port, timeout, 0);
    }

    /**
     * A plain TCP connection whose receive buffer is set to {@code receiveBufferBytes} before it connects (0 leaves
     * the system's): a small one lets a client that stops reading fill the server's send window quickly.
     */
    public static RawXmppClient connect(int port, Duration timeout, int receiveBufferBytes) {
        return open(null, port, timeout, receiveBufferBytes);
    }

    /**
     * A plain TCP connection from another loopback address ({@code 127.0.0.2}, say), as a client on another machine
     * would connect: the server's per-address limits tell it apart from those from {@code 127.0.0.1}.
     */
    public static RawXmppClient connectFrom(InetAddress local, int port) {
        return open(local, port, Duration.ofSeconds(10), 0);
    }

    private static RawXmppClient open(InetAddress local, int port, Duration timeout, int receiveBufferBytes) {
        try {
            Socket s = new Socket();
            if (receiveBufferBytes > 0) {
                s.setReceiveBufferSize(receiveBufferBytes);
            }
            if (local != null) {
                s.bind(new InetSocketAddress(local, 0));
            }
            s.connect(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port),
                    (int) timeout.toMillis());
            return new RawXmppClient(s, timeout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TLS connection from the first byte (the direct TLS port, XEP-0368). */
    public static RawXmppClient connectTls(int port, SSLContext tls) {
        RawXmppClient plain = connect(port);
        plain.startTls(tls);
        return plain;
    }

    /** Writes the text as UTF-8 and flushes. */
    public RawXmppClient send(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send " + abbreviate(text), e);
        }
    }

    /** Writes the bytes as they are (say, not UTF-8) and flushes. */
    public RawXmppClient sendBytes(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send " + bytes.length + " bytes", e);
        }
    }

    /**
     * Reads until the unconsumed text contains a match of {@code regex} (DOTALL), then consumes through the end
     * of the match and returns it.
     *
     * @throws AssertionError if the stream ends or the timeout passes first
     */
    public Matcher expect(String regex) {
        Pattern pattern = Pattern.compile(regex, Pattern.DOTALL);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Matcher m = pattern.matcher(received);
            if (m.find()) {
                Matcher result = pattern.matcher(received.substring(0, m.end()));
                received.delete(0, m.end());
                if (!result.find()) {
                    throw new IllegalStateException("unreachable: a match is lost by cutting after it");
                }
                return result;
            }
            if (eof) {
                throw new AssertionError("stream ended before /" + regex + "/; received: " + received);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out waiting for /" + regex + "/; received: " + received);
            }
            readSome(left);
        }
    }

    /** Sends the client stream header and waits for the server's header and its features. */
    public Matcher openStream() {
        send(STREAM_HEADER);
        expect("<stream:stream[^>]*>");
        return expect("<stream:features.*?</stream:features>");
    }

    /** Negotiates STARTTLS on the plain port: header, features, starttls, proceed, then the TLS handshake. */
    public RawXmppClient starttls(SSLContext tls) {
        openStream();
        send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        expect("<proceed xmlns=['\"]urn:ietf:params:xml:ns:xmpp-tls['\"]/>");
        startTls(tls);
        return this;
    }

    /**
     * STARTTLS, SASL PLAIN, stream restart and resource binding, as a minimal client does them; returns the bound
     * full JID. The stream is then ready for stanzas.
     */
    public String login(SSLContext tls, String local, String password, String resource) {
        starttls(tls);
        openStream();
        String credentials = Base64.getEncoder().encodeToString(("\0" + local + "\0" + password)
                .getBytes(StandardCharsets.UTF_8));
        send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + credentials + "</auth>");
        expect("<success xmlns=['\"]urn:ietf:params:xml:ns:xmpp-sasl['\"]\\s*(/>|>[^<]*</success>)");
        openStream();
        send("<iq type='set' id='bind-1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>" + resource
                + "</resource></bind></iq>");
        return expect("<jid>([^<]+)</jid>").group(1);
    }

    /** Waits until the server closes the connection, failing if it does not within the timeout. */
    public void expectClosed() {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!eof) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the server did not close the connection; received: " + received);
            }
            readSome(left);
        }
    }

    /** True once the server has closed the connection (or reset it). */
    public boolean isClosedByServer() {
        return eof;
    }

    /** Everything received and not yet consumed. */
    public String pending() {
        return received.toString();
    }

    /** Everything received on this connection so far, consumed or not: what a test checks for leaks. */
    public String transcript() {
        return transcript.toString();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a test socket: nothing useful to do
        }
    }

    private void startTls(SSLContext tls) {
        try {
            SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(socket, PerchTestServer.DOMAIN,
                    socket.getPort(), true);
            ssl.setUseClientMode(true);
            ssl.startHandshake();
            use(ssl);
        } catch (IOException e) {
            throw new UncheckedIOException("TLS handshake failed", e);
        }
    }

    private void use(Socket s) throws IOException {
        this.socket = s;
        this.in = s.getInputStream();
        this.out = s.getOutputStream();
    }

    private void readSome(long nanosLeft) {
        byte[] buffer = new byte[8192];
        try {
            socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(nanosLeft).toMillis()));
            int n = in.read(buffer);
            if (n < 0) {
                eof = true;
            } else {
                String text = new String(buffer, 0, n, StandardCharsets.UTF_8);
                received.append(text);
                transcript.append(text);
            }
        } catch (SocketTimeoutException e) {
            // the caller checks its deadline
        } catch (SocketException | javax.net.ssl.SSLException e) {
            // a reset, or TLS cut without close_notify, is the server closing on us too
            eof = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
