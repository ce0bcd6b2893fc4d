package org.perch.server.config;

import java.util.List;
import java.util.Optional;
import org.perch.core.EditDistance;

/**
 * Every configuration key, its default and its description: the one source of truth for the loader, for
 * {@code perch config keys} and for the README table (a test keeps the README equal to {@link #markdownTable()}).
 */
public final class ConfigKeys {

    /** Stands for the configured {@code domain} in the value of {@code muc.domain}. */
    public static final String DOMAIN_PLACEHOLDER = "<domain>";

    public static final ConfigKey DOMAIN = new ConfigKey("domain", "localhost",
            "The XMPP domain: user addresses are `name@domain`.", Checks.domain());
    public static final ConfigKey MUC_DOMAIN = new ConfigKey("muc.domain", "chat." + DOMAIN_PLACEHOLDER,
            "Domain of the group-chat (MUC) service; `<domain>` stands for the value of `domain`.",
            Checks.domainTemplate());
    public static final ConfigKey DATA_DIR = new ConfigKey("data-dir", "./perch-data",
            "Directory for the database, generated TLS files and uploads; relative to the working directory.",
            Checks.path(false));
    public static final ConfigKey XMPP_BIND_ADDRESS = new ConfigKey("xmpp.bind-address", "0.0.0.0",
            "Address the XMPP client listeners bind to.", Checks.address());
    public static final ConfigKey XMPP_C2S_PORT = new ConfigKey("xmpp.c2s-port", "5222",
            "Client port with STARTTLS (RFC 6120); 0 picks a free port, -1 disables it.", Checks.port());
    public static final ConfigKey XMPP_DIRECT_TLS_PORT = new ConfigKey("xmpp.direct-tls-port", "5223",
            "Client port with direct TLS (XEP-0368); 0 picks a free port, -1 disables it.", Checks.port());
    public static final ConfigKey HTTP_BIND_ADDRESS = new ConfigKey("http.bind-address", "0.0.0.0",
            "Address the HTTP listener (WebSocket, web pages) binds to.", Checks.address());
    public static final ConfigKey HTTP_PORT = new ConfigKey("http.port", "5280",
            "HTTP port (XMPP over WebSocket, RFC 7395); 0 picks a free port, -1 disables it.", Checks.port());
    public static final ConfigKey HTTP_TLS = new ConfigKey("http.tls", "true",
            "Whether the HTTP port speaks TLS (https, wss); false only behind a TLS-terminating proxy.",
            Checks.bool());
    public static final ConfigKey WEBCLIENT_ENABLED = new ConfigKey("webclient.enabled", "true",
            "Whether the HTTP port serves the web client (Converse.js) at `/`; when false every page path answers "
                    + "404 and XMPP over WebSocket, host-meta and file transfers are served as before.", Checks.bool());
    public static final ConfigKey FILES_ENABLED = new ConfigKey("files.enabled", "true",
            "Whether users may post files in rooms whose category allows it (XEP-0363 on `upload.<domain>`, "
                    + "transfers on the HTTP port); needs the HTTP port.", Checks.bool());
    public static final ConfigKey FILES_DIR = new ConfigKey("files.dir", "",
            "Directory of posted files (owner-only); empty: `<data-dir>/files`. In a pool, a path every server shares.",
            Checks.path(true));
    public static final ConfigKey FILES_PUBLIC_URL = new ConfigKey("files.public-url", "",
            "The HTTP port's address as clients reach it, for upload and download URLs; empty: "
                    + "`https://<domain>:<http.port>` (`http` when `http.tls` is false).", Checks.text(255));
    public static final ConfigKey ADMIN_BIND_ADDRESS = new ConfigKey("admin.bind-address", "127.0.0.1",
            "Address the admin REST API binds to; loopback unless administrators must reach it from elsewhere.",
            Checks.address());
    public static final ConfigKey ADMIN_PORT = new ConfigKey("admin.port", "5290",
            "Admin REST API port (docs/admin.md); 0 picks a free port, -1 disables it.", Checks.port());
    public static final ConfigKey ADMIN_TLS = new ConfigKey("admin.tls", "true",
            "Whether the admin API speaks TLS (https) with the server's certificate; false only behind a "
                    + "TLS-terminating proxy.",
            Checks.bool());
    public static final ConfigKey WEB_BIND_ADDRESS = new ConfigKey("web.bind-address", "0.0.0.0",
            "Address the room management page binds to; every interface by default, as users reach it from their "
                    + "desks.", Checks.address());
    public static final ConfigKey WEB_PORT = new ConfigKey("web.port", "5291",
            "Room management page port (Lync's RoomManagementUrl, `https://<host>:<port>/rooms/`, docs/admin.md); "
                    + "0 picks a free port, -1 disables it.", Checks.port());
    public static final ConfigKey WEB_TLS = new ConfigKey("web.tls", "true",
            "Whether the room management page speaks TLS (https) with the server's certificate; false only behind "
                    + "a TLS-terminating proxy.", Checks.bool());
    public static final ConfigKey TLS_CERTIFICATE = new ConfigKey("tls.certificate", "",
            "PEM certificate chain, leaf first; empty: a self-signed certificate is generated in `<data-dir>/tls/`.",
            Checks.path(true));
    public static final ConfigKey TLS_PRIVATE_KEY = new ConfigKey("tls.private-key", "",
            "PEM private key (PKCS#8, PKCS#1 or EC) of the certificate; required if and only if "
                    + "`tls.certificate` is set.",
            Checks.path(true));
    public static final ConfigKey REGISTRATION_ENABLED = new ConfigKey("registration.enabled", "false",
            "Whether clients may create accounts themselves (in-band registration, XEP-0077).", Checks.bool());
    public static final ConfigKey AUTH_SCRAM_ITERATIONS = new ConfigKey("auth.scram-iterations", "4096",
            "PBKDF2 iterations for new SCRAM password verifiers (4096-1000000).", Checks.range(4096, 1_000_000));
    public static final ConfigKey AUTH_MAX_FAILURES_PER_ACCOUNT = new ConfigKey("auth.max-failures-per-account",
            "5", "Failed logins to one account before it is locked for `auth.lockout-seconds`.",
            Checks.range(1, 1_000_000));
    public static final ConfigKey AUTH_MAX_FAILURES_PER_ADDRESS = new ConfigKey("auth.max-failures-per-address",
            "20", "Failed logins from one IP address before it is locked out for `auth.lockout-seconds`.",
            Checks.range(1, 1_000_000));
    public static final ConfigKey AUTH_LOCKOUT_SECONDS = new ConfigKey("auth.lockout-seconds", "300",
            "How long a locked account or address must wait, in seconds.", Checks.range(1, 86_400));
    public static final ConfigKey AUTH_CHANNEL_BINDING = new ConfigKey("auth.channel-binding", "true",
            "Offer SCRAM-SHA-256-PLUS and SCRAM-SHA-1-PLUS with `tls-server-end-point` and `tls-exporter` channel "
                    + "binding (XEP-0440). Clients that assume `tls-unique` (slixmpp 1.8) cannot log in while this "
                    + "is on: Java's TLS cannot compute `tls-unique`.", Checks.bool());
    public static final ConfigKey LIMITS_MAX_STANZA_BYTES = new ConfigKey("limits.max-stanza-bytes", "262144",
            "Largest stanza a client may send, in bytes (1024-16777216).", Checks.range(1024, 16_777_216));
    public static final ConfigKey LIMITS_MAX_DEPTH = new ConfigKey("limits.max-depth", "32",
            "Deepest element nesting inside a stanza (4-1024).", Checks.range(4, 1024));
    public static final ConfigKey LIMITS_MAX_ATTRIBUTES = new ConfigKey("limits.max-attributes", "64",
            "Most attributes on one element (8-1024).", Checks.range(8, 1024));
    public static final ConfigKey LIMITS_MAX_CONNECTIONS_PER_ADDRESS = new ConfigKey(
            "limits.max-connections-per-address", "64",
            "Connections one IP address may hold open at once.", Checks.range(1, 1_000_000));
    public static final ConfigKey LIMITS_IDLE_TIMEOUT_SECONDS = new ConfigKey("limits.idle-timeout-seconds", "300",
            "A connection that sends nothing for this many seconds is closed.", Checks.range(1, 86_400));
    public static final ConfigKey LIMITS_NEGOTIATION_TIMEOUT_SECONDS = new ConfigKey(
            "limits.negotiation-timeout-seconds", "30",
            "A connection that has not completed TLS, authentication and resource binding (or a stream resumption) "
                    + "this many seconds after it opened is closed, however it trickles bytes: with "
                    + "`connection-timeout` if a stream is open, otherwise without a word. On the HTTP port the time includes the "
                    + "WebSocket upgrade, so plain HTTP connections (host-meta) last at most this long.",
            Checks.range(1, 3600));
    public static final ConfigKey LIMITS_STANZAS_PER_SECOND = new ConfigKey("limits.stanzas-per-second", "50",
            "Stanzas a second one connection may send for as long as it likes; 0 turns the limit off. Above it the "
                    + "server stops reading the connection until it is under the rate again (a shaper, as ejabberd "
                    + "and Prosody have): a burst is slowed, never dropped, and it covers join storms, a join being a "
                    + "stanza.", Checks.range(0, 1_000_000));
    public static final ConfigKey LIMITS_STANZA_BURST = new ConfigKey("limits.stanza-burst", "100",
            "Stanzas one connection may send at once after a quiet spell, before `limits.stanzas-per-second` slows it "
                    + "(a login and its room joins).", Checks.range(1, 1_000_000));
    public static final ConfigKey LIMITS_FLOOD_SECONDS = new ConfigKey("limits.flood-seconds", "30",
            "A connection kept over `limits.stanzas-per-second` without a break for longer than this (each time "
                    + "reading resumed, more was waiting) is closed with `policy-violation`: at the defaults, a "
                    + "backlog of some 1,500 stanzas beyond the burst.", Checks.range(1, 3600));
    public static final ConfigKey LIMITS_SLOW_READER_SECONDS = new ConfigKey("limits.slow-reader-seconds", "30",
            "A connection whose unsent output stays above 128 KiB (the client does not read, or reads too slowly) "
                    + "for longer than this is closed with `policy-violation`.", Checks.range(1, 3600));
    public static final ConfigKey LIMITS_MAX_OUTBOUND_BYTES = new ConfigKey("limits.max-outbound-bytes", "4194304",
            "Unsent output one connection may have at once, in bytes (65536-1073741824); a stanza that would go "
                    + "beyond it is dropped and the connection closed with `policy-violation` at once. 4 MiB holds the "
                    + "history of a login joining 100 rooms on a slow link.", Checks.range(65_536, 1_073_741_824));
    public static final ConfigKey LIMITS_BAN_AFTER_OFFENCES = new ConfigKey("limits.ban-after-offences", "5",
            "An IP address whose connections are ended this many times within `limits.ban-seconds` with "
                    + "`policy-violation` (oversize stanza, flood, slow reader, failed logins) or `restricted-xml` is "
                    + "refused new connections until `limits.ban-seconds` have passed since the last; 0 turns bans "
                    + "off. Behind a proxy that hides client addresses, turn it off.", Checks.range(0, 1_000_000));
    public static final ConfigKey LIMITS_BAN_SECONDS = new ConfigKey("limits.ban-seconds", "60",
            "How far back `limits.ban-after-offences` counts, and how long a ban lasts after the last offence.",
            Checks.range(1, 86_400));
    public static final ConfigKey LIMITS_MAX_MAM_PAGE = new ConfigKey("limits.max-mam-page", "250",
            "Most messages one archive query (XEP-0313) returns, whatever RSM `max` it asks for; the client pages on "
                    + "from the RSM `last` it is given (1-10000).", Checks.range(1, 10_000));
    public static final ConfigKey PEP_MAX_ITEMS = new ConfigKey("pep.max-items", "4096",
            "Most items one PEP node keeps (XEP-0163), and what `pubsub#max_items = max` means: a node's oldest items "
                    + "are dropped beyond it; enough for thousands of followed rooms (1-65536).",
            Checks.range(1, 65_536));
    public static final ConfigKey PEP_MAX_PAYLOAD_BYTES = new ConfigKey("pep.max-payload-bytes", "65536",
            "Largest PEP item payload, in UTF-8 bytes; a larger one is refused with `payload-too-big`. Also bounds "
                    + "each element of private XML storage (XEP-0049) (1024-524288).", Checks.range(1024, 524_288));
    public static final ConfigKey PEP_MAX_NODES = new ConfigKey("pep.max-nodes", "128",
            "Most PEP nodes one account may have (private XML storage takes one); a publication that would create "
                    + "another is refused with `max-nodes-exceeded` (1-10000).", Checks.range(1, 10_000));
    public static final ConfigKey SM_RESUME_TIMEOUT_SECONDS = new ConfigKey(
            "stream-management.resume-timeout-seconds", "300",
            "How long a dropped session may be resumed (XEP-0198), in seconds; 0 disables resumption.",
            Checks.range(0, 86_400));

    public static final ConfigKey CHAT_DEFAULT_HISTORY = new ConfigKey("chat.default-history", "30",
            "Messages a client joining a room receives when it does not ask for a number (Lync's "
                    + "DefaultChatHistory, 1-500), until `perch configuration set` changes it.", Checks.range(1, 500));
    public static final ConfigKey CHAT_PARTICIPANT_UPDATE_LIMIT = new ConfigKey("chat.participant-update-limit",
            "75", "Occupants above which a room stops broadcasting their presence (Lync's ParticipantUpdateLimit), "
                    + "until `perch configuration set` changes it.",
            Checks.range(1, 1_000_000));
    public static final ConfigKey CHAT_BOOTSTRAP_CATEGORY = new ConfigKey("chat.bootstrap-category", "General",
            "Category created on first start, when there is none: every user of `domain` may join its rooms and "
                    + "create rooms in it. Empty: none is created, and rooms wait for an administrator's category.",
            Checks.text(256));
    public static final ConfigKey CHAT_SITE = new ConfigKey("chat.site", "",
            "The Lync site this server belongs to: the policy `site:<name>` applies to users granted no per-user "
                    + "policy. Empty: no site, so such users fall back to the global policy.", Checks.text(256));
    public static final ConfigKey CHAT_TOPIC_FEEDS = new ConfigKey("chat.topic-feeds", "true",
            "Whether users may keep topic feeds: filters matched against every stored message, with alerts "
                    + "(docs/client-features.md).", Checks.bool());
    public static final ConfigKey STORE_KIND = new ConfigKey("store.kind", "embedded",
            "Where rooms, history and accounts are kept: `embedded` (H2 and Lucene in `<data-dir>`, one server) or "
                    + "`postgresql` (a database the servers of a pool share; docs/pools.md).",
            Checks.oneOf("embedded", "postgresql"));
    public static final ConfigKey STORE_URL = new ConfigKey("store.url", "",
            "With `store.kind=postgresql`: the database, `jdbc:postgresql://host[:port]/database`.",
            Checks.postgresUrl());
    public static final ConfigKey STORE_USER = new ConfigKey("store.user", "perch",
            "With `store.kind=postgresql`: the database role.", Checks.text(63));
    public static final ConfigKey STORE_PASSWORD_FILE = new ConfigKey("store.password-file", "",
            "With `store.kind=postgresql`: a file holding the role's password (its first line); required then.",
            Checks.path(true));
    public static final ConfigKey STORE_POOL_SIZE = new ConfigKey("store.pool-size", "16",
            "With `store.kind=postgresql`: database connections this server holds open at most (2-1000).",
            Checks.range(2, 1000));
    public static final ConfigKey POOL_NAME = new ConfigKey("pool.name", "",
            "The pool this server belongs to, as named in the published topology (`perch serve --pool`); empty: "
                    + "a server on its own, without a topology.", Checks.text(63));
    public static final ConfigKey POOL_SERVER = new ConfigKey("pool.server", "",
            "This server's name in the published topology (`perch serve --server`); required with `pool.name`.",
            Checks.text(63));
    private static final List<ConfigKey> ALL = List.of(DOMAIN, MUC_DOMAIN, DATA_DIR, XMPP_BIND_ADDRESS,
            XMPP_C2S_PORT, XMPP_DIRECT_TLS_PORT, HTTP_BIND_ADDRESS, HTTP_PORT, HTTP_TLS, WEBCLIENT_ENABLED,
            FILES_ENABLED, FILES_DIR, FILES_PUBLIC_URL, ADMIN_BIND_ADDRESS,
            ADMIN_PORT, ADMIN_TLS, WEB_BIND_ADDRESS, WEB_PORT, WEB_TLS, TLS_CERTIFICATE,
            TLS_PRIVATE_KEY, REGISTRATION_ENABLED, AUTH_SCRAM_ITERATIONS, AUTH_MAX_FAILURES_PER_ACCOUNT,
            AUTH_MAX_FAILURES_PER_ADDRESS, AUTH_LOCKOUT_SECONDS, AUTH_CHANNEL_BINDING, LIMITS_MAX_STANZA_BYTES, LIMITS_MAX_DEPTH,
            LIMITS_MAX_ATTRIBUTES, LIMITS_MAX_CONNECTIONS_PER_ADDRESS, LIMITS_IDLE_TIMEOUT_SECONDS,
            LIMITS_NEGOTIATION_TIMEOUT_SECONDS, LIMITS_STANZAS_PER_SECOND, LIMITS_STANZA_BURST, LIMITS_FLOOD_SECONDS,
            LIMITS_SLOW_READER_SECONDS, LIMITS_MAX_OUTBOUND_BYTES, LIMITS_BAN_AFTER_OFFENCES, LIMITS_BAN_SECONDS,
            LIMITS_MAX_MAM_PAGE, PEP_MAX_ITEMS, PEP_MAX_PAYLOAD_BYTES, PEP_MAX_NODES,
            SM_RESUME_TIMEOUT_SECONDS, CHAT_DEFAULT_HISTORY, CHAT_PARTICIPANT_UPDATE_LIMIT, CHAT_BOOTSTRAP_CATEGORY,
            CHAT_SITE, CHAT_TOPIC_FEEDS, STORE_KIND, STORE_URL, STORE_USER, STORE_PASSWORD_FILE, STORE_POOL_SIZE, POOL_NAME, POOL_SERVER);

    private ConfigKeys() {
    }

    /** Every key, in documentation order. */
    public static List<ConfigKey> all() {
        return ALL;
    }

    public static Optional<ConfigKey> find(String name) {
        return ALL.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /** The known key closest to a misspelt one, if one is close enough to be a likely typo. */
    public static Optional<ConfigKey> closest(String name) {
        ConfigKey best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ConfigKey key : ALL) {
            int d = EditDistance.between(name, key.name());
            if (d < bestDistance) {
                best = key;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, name.length() / 3) ? Optional.ofNullable(best) : Optional.empty();
    }

    /** The key table in Markdown: key, default, description; the README embeds exactly this text. */
    public static String markdownTable() {
        StringBuilder sb = new StringBuilder("| Key | Default | Description |\n| --- | --- | --- |\n");
        for (ConfigKey key : ALL) {
            String shownDefault = key.defaultValue().isEmpty() ? "(empty)" : "`" + key.defaultValue() + "`";
            sb.append("| `").append(key.name()).append("` | ").append(shownDefault).append(" | ")
                    .append(key.description()).append(" |\n");
        }
        return sb.toString();
    }
}
