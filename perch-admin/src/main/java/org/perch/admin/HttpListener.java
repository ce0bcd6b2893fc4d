package org.perch.admin;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/** Binds the JDK's HTTP server, with TLS when given a context: the admin API's listener and the web page's. */
public final class HttpListener {

    private HttpListener() {
    }

    /**
     * An unstarted server bound to the address.
     *
     * @param purpose what it serves, for the refusal: "the admin API"
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static HttpServer bind(String bindAddress, int port, Optional<SSLContext> tls, String purpose) {
        try {
            InetSocketAddress address = new InetSocketAddress(bindAddress, port);
            if (tls.isEmpty()) {
                return HttpServer.create(address, 0);
            }
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls.get()));
            return https;
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on " + bindAddress + ":" + port + " for " + purpose
                    + ": " + e.getMessage(), e);
        }
    }
}
