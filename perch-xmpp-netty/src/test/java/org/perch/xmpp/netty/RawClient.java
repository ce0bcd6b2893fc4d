package org.perch.xmpp.netty;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;

/** A scripted XMPP client over a real socket: write text, wait for text to appear, upgrade to TLS. */
final class RawClient implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 5000;

    private Socket socket;
    private final StringBuilder received = new StringBuilder();
    private final byte[] buffer = new byte[8192];

    RawClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(TIMEOUT_MILLIS);
    }

    static RawClient plain(int port) throws IOException {
        return new RawClient(new Socket("127.0.0.1", port));
    }

    static RawClient tls(int port) throws IOException {
        SSLSocket s = (SSLSocket) TestCertificates.clientContext().getSocketFactory().createSocket("127.0.0.1", port);
        s.startHandshake();
        return new RawClient(s);
    }

    Socket socket() {
        return socket;
    }

    void send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    void openStream() throws IOException {
        send("<?xml version='1.0'?><stream:stream to='example.test' xmlns='jabber:client' "
                + "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>");
    }

    /** Reads until the text has arrived (since the last call) and returns everything read up to it. */
    String await(String text) throws IOException {
        InputStream in = socket.getInputStream();
        while (received.indexOf(text) < 0) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("closed before '" + text + "' arrived; got: " + received);
            }
            received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        int end = received.indexOf(text) + text.length();
        String upTo = received.substring(0, end);
        received.delete(0, end);
        return upTo;
    }

    /** Reads until the server closes the connection; returns what arrived before. */
    String awaitClosed() throws IOException {
        InputStream in = socket.getInputStream();
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("server did not close the connection; got: " + received, e);
        } catch (IOException e) {
            // A reset also means the server closed it.
        }
        String all = received.toString();
        received.setLength(0);
        return all;
    }

    /** Switches this connection to TLS (after {@code <proceed/>}). */
    void startTls() throws IOException {
        SSLSocket s = (SSLSocket) TestCertificates.clientContext().getSocketFactory()
                .createSocket(socket, "127.0.0.1", socket.getPort(), true);
        s.setUseClientMode(true);
        s.startHandshake();
        s.setSoTimeout(TIMEOUT_MILLIS);
        socket = s;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
