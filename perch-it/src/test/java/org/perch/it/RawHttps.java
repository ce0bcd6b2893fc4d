package org.perch.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * HTTP/1.1 over TLS written by hand, for requests no well-behaved client sends: a Content-Length that is not the
 * body's, a chunked upload, a body cut off. Every request says {@code Connection: close}, so a response ends with
 * the connection.
 */
final class RawHttps {

    private static final int TIMEOUT_MILLIS = 10_000;

    private RawHttps() {
    }

    /** The status line's code and the body of a response. */
    record Response(int status, String body) {
    }

    /** Opens a TLS connection to the URL's host and port, ready for a request. */
    static SSLSocket connect(SSLContext tls, URL url) throws IOException {
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(url.getHost(), url.getPort());
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.startHandshake();
        return socket;
    }

    /** Sends a request's head, {@code headers} being complete lines without their CRLF. */
    static void head(SSLSocket socket, String method, URL url, String... headers) throws IOException {
        StringBuilder head = new StringBuilder(method + " " + url.getFile() + " HTTP/1.1\r\nHost: " + url.getHost()
                + ":" + url.getPort() + "\r\nConnection: close\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        OutputStream out = socket.getOutputStream();
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Sends a whole request and reads its response. */
    static Response send(SSLContext tls, String method, URL url, byte[] body, String... headers) throws IOException {
        try (SSLSocket socket = connect(tls, url)) {
            head(socket, method, url, headers);
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return read(socket);
        }
    }

    /** Reads the response up to the end of the connection. */
    static Response read(SSLSocket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (javax.net.ssl.SSLException e) {
            // The server may close without close_notify once it has answered; what came before counts.
        }
        String text = all.toString(StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/1.1 ")) {
            throw new IOException("no HTTP response: " + text);
        }
        int end = text.indexOf("\r\n\r\n");
        return new Response(Integer.parseInt(text.substring(9, 12)), end < 0 ? "" : text.substring(end + 4));
    }
}
