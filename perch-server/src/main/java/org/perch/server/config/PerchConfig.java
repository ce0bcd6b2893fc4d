package org.perch.server.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.perch.xmpp.pep.PepLimits;

/**
 * The whole server configuration, parsed and validated by {@link ConfigLoader}; one record per section.
 *
 * @param domain the XMPP domain (normalised: lower case, no trailing dot)
 * @param mucDomain the group-chat service's domain, {@code chat.<domain>} unless configured
 * @param dataDir the data directory, absolute
 * @param xmpp the XMPP client listeners
 * @param http the HTTP listener
 * @param webClientEnabled whether the HTTP listener serves the web client at {@code /}
 * @param admin the admin REST API listener
 * @param web the room management page's listener
 * @param tls where the TLS certificate comes from
 * @param registrationEnabled whether in-band registration (XEP-0077) is offered
 * @param auth password verifiers and lockout
 * @param limits per-connection limits
 * @param streamManagement XEP-0198 settings
 * @param chat persistent chat settings
 * @param files file posting (XEP-0363)
 * @param store where the chat store is
 * @param poolMember this server's pool and name in the published topology, if it belongs to one
 * @param pep what one account may keep in PEP (and private XML storage)
 */
public record PerchConfig(String domain, String mucDomain, Path dataDir, XmppConfig xmpp, HttpConfig http,
                          boolean webClientEnabled, HttpConfig admin, HttpConfig web, TlsConfig tls,
                          boolean registrationEnabled, AuthConfig auth, LimitsConfig limits, StreamManagementConfig streamManagement,
                          ChatConfig chat, FilesConfig files, StoreConfig store,
                          Optional<PoolMember> poolMember, PepLimits pep) {
    public PerchConfig {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(mucDomain, "mucDomain");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(xmpp, "xmpp");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(web, "web");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(streamManagement, "streamManagement");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(poolMember, "poolMember");
        Objects.requireNonNull(pep, "pep");
    }

    /** Every key at its default, ignoring files and the environment. */
    public static PerchConfig defaults() {
        return new ConfigLoader(Map.of()).load(Optional.empty(), Map.of());
    }
}
