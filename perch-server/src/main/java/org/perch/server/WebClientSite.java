package org.perch.server;

import java.util.Map;
import java.util.Optional;
import org.perch.server.config.PerchConfig;
import org.perch.webclient.WebClient;
import org.perch.webclient.WebClientSettings;
import org.perch.xmpp.netty.HttpSite;
import org.perch.xmpp.netty.XmppTransport;

/**
 * The web client (perch-webclient) as the HTTP listener's site, at {@code /}, beside XMPP over WebSocket; with
 * {@code webclient.enabled=false} the listener gets {@link HttpSite#NONE} instead and this is never loaded.
 */
final class WebClientSite implements HttpSite {
    private final WebClient client;

    private WebClientSite(WebClient client) {
        this.client = client;
    }

    static WebClientSite of(PerchConfig config) {
        return new WebClientSite(WebClient.load(new WebClientSettings(config.domain(), config.mucDomain(),
                config.registrationEnabled(), XmppTransport.WEBSOCKET_PATH)));
    }

    @Override
    public Optional<File> find(String path) {
        return client.find(path).map(f -> new File(f.contentType(), f.body(), f.etag(), f.cacheControl(),
                f.gzipped().map(g -> new Gzipped(g.body(), g.etag()))));
    }

    @Override
    public Map<String, String> headers() {
        return client.securityHeaders();
    }
}
