package org.perch.server;

import java.security.SecureRandom;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.perch.admin.PasswordCheck;
import org.perch.domain.account.LoginThrottle;
import org.perch.domain.chat.ChatRooms;
import org.perch.server.config.HttpConfig;
import org.perch.server.config.PerchConfig;
import org.perch.store.AccountStore;
import org.perch.web.RoomManagementSite;
import org.perch.web.SignInGate;
import org.perch.web.WebFeeds;
import org.perch.web.WebServices;
import org.perch.xmpp.muc.ChatServices;
import org.perch.xmpp.netty.TlsIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the room management page (Lync's RoomManagementUrl) on its own listener, with the server's certificate,
 * the same rooms, topic feeds, accounts and login lockout as everything else.
 */
final class WebListener {

    private static final Logger LOG = LoggerFactory.getLogger(WebListener.class);

    private WebListener() {
    }

    static Optional<RoomManagementSite> start(PerchConfig config, ChatServices services, AccountStore accounts,
                                              LoginThrottle throttle, TlsIdentity identity, SecureRandom random) {
        ChatRooms chat = services.rooms();
        HttpConfig web = config.web();
        if (!web.enabled()) {
            return Optional.empty();
        }
        Optional<SSLContext> tls = web.tls() ? Optional.of(AdminListener.sslContext(identity, random))
                : Optional.empty();
        if (!web.tls() && !AdminListener.loopback(web.bindAddress())) {
            LOG.warn("The room management page listens on {} without TLS: users' passwords cross the network in"
                    + " clear, and browsers drop its Secure session cookie, unless a TLS-terminating proxy stands in"
                    + " front of it", web.bindAddress());
        }
        SignInGate gate = SignInGate.byPolicy(chat);
        // Feed entries show messages as the archive does, with the reader's own file links (ADR 0007).
        Optional<WebFeeds> feeds = services.topicFeeds().map(t -> new WebFeeds(t, services.files()));
        return Optional.of(RoomManagementSite.start(web.bindAddress(), web.port(), tls, new WebServices(chat,
                new PasswordCheck(accounts, throttle), gate, config.mucDomain(), chat.clock(), feeds)));
    }
}
