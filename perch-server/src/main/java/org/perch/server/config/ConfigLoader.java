package org.perch.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import org.perch.core.Jid;
import org.perch.xmpp.netty.AbuseBan;
import org.perch.xmpp.netty.ConnectionLimits;
import org.perch.xmpp.netty.StanzaRate;
import org.perch.xmpp.pep.PepLimits;
import org.perch.xmpp.stream.StreamLimits;

/**
 * Reads the configuration from, in rising precedence: the defaults in {@link ConfigKeys}, a Java properties file,
 * environment variables {@code PERCH_<KEY>} and overrides (command-line flags).
 *
 * <p>Environment variables that start with {@code PERCH_} but name no key are ignored, because the prefix is
 * also used by the launcher and by operators for other things; unknown keys in the file or the overrides are
 * errors, since there they are almost always typos.
 */
public final class ConfigLoader {

    private static final String DEFAULT_SOURCE = "default";
    private static final String COMMAND_LINE = "command line";

    private final Map<String, String> environment;

    /** @param environment the process environment ({@code System.getenv()}), or a test's own map */
    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * Loads and validates the configuration.
     *
     * @param file a properties file; it must exist if given
     * @param overrides key → value, taking precedence over everything else
     * @throws ConfigException naming the source, the key and the problem
     */
    public PerchConfig load(Optional<Path> file, Map<String, String> overrides) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (ConfigKey key : ConfigKeys.all()) {
            settings.put(key.name(), new Setting(key.defaultValue(), DEFAULT_SOURCE));
        }
        file.ifPresent(f -> readFile(f).forEach((k, v) -> settings.put(k, new Setting(v, f.toString()))));
        for (ConfigKey key : ConfigKeys.all()) {
            String value = environment.get(key.environmentVariable());
            if (value != null) {
                settings.put(key.name(), new Setting(value.strip(),
                        "environment variable " + key.environmentVariable()));
            }
        }
        new TreeSet<>(overrides.keySet()).forEach(k -> {
            requireKnown(COMMAND_LINE, k);
            settings.put(k, new Setting(Objects.requireNonNull(overrides.get(k), k).strip(), COMMAND_LINE));
        });
        for (ConfigKey key : ConfigKeys.all()) {
            Setting setting = settings.get(key.name());
            key.check().problem(setting.value()).ifPresent(problem -> {
                throw new ConfigException(setting.source() + ": " + key.name() + ": '" + setting.value() + "' "
                        + problem);
            });
        }
        return build(new Resolved(settings));
    }

    private static Map<String, String> readFile(Path file) {
        if (!Files.exists(file)) {
            throw new ConfigException(file + ": configuration file not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": configuration file is not a regular file");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(file + ": cannot read configuration file: " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : new TreeSet<>(properties.stringPropertyNames())) {
            requireKnown(file.toString(), name);
            values.put(name, properties.getProperty(name).strip());
        }
        return values;
    }

    private static void requireKnown(String source, String name) {
        if (ConfigKeys.find(name).isEmpty()) {
            String hint = ConfigKeys.closest(name).map(k -> " (did you mean '" + k.name() + "'?)").orElse("");
            throw new ConfigException(source + ": unknown key '" + name + "'" + hint);
        }
    }

    private static PerchConfig build(Resolved r) {
        String domain = Jid.domainOnly(r.text(ConfigKeys.DOMAIN)).domain();
        String mucTemplate = r.text(ConfigKeys.MUC_DOMAIN);
        String mucDomain = Jid.domainOnly(mucTemplate.replace(ConfigKeys.DOMAIN_PLACEHOLDER, domain)).domain();
        if (mucDomain.equals(domain)) {
            throw r.error(ConfigKeys.MUC_DOMAIN, "must differ from domain");
        }
        return new PerchConfig(domain, mucDomain, r.path(ConfigKeys.DATA_DIR),
                new XmppConfig(r.text(ConfigKeys.XMPP_BIND_ADDRESS), r.integer(ConfigKeys.XMPP_C2S_PORT),
                        r.integer(ConfigKeys.XMPP_DIRECT_TLS_PORT)),
                new HttpConfig(r.text(ConfigKeys.HTTP_BIND_ADDRESS), r.integer(ConfigKeys.HTTP_PORT),
                        r.flag(ConfigKeys.HTTP_TLS)),
                r.flag(ConfigKeys.WEBCLIENT_ENABLED),
                new HttpConfig(r.text(ConfigKeys.ADMIN_BIND_ADDRESS), r.integer(ConfigKeys.ADMIN_PORT),
                        r.flag(ConfigKeys.ADMIN_TLS)),
                new HttpConfig(r.text(ConfigKeys.WEB_BIND_ADDRESS), r.integer(ConfigKeys.WEB_PORT),
                        r.flag(ConfigKeys.WEB_TLS)),
                tls(r),
                r.flag(ConfigKeys.REGISTRATION_ENABLED),
                new AuthConfig(r.integer(ConfigKeys.AUTH_SCRAM_ITERATIONS),
                        r.integer(ConfigKeys.AUTH_MAX_FAILURES_PER_ACCOUNT),
                        r.integer(ConfigKeys.AUTH_MAX_FAILURES_PER_ADDRESS),
                        r.seconds(ConfigKeys.AUTH_LOCKOUT_SECONDS), r.flag(ConfigKeys.AUTH_CHANNEL_BINDING)),
                limits(r),
                new StreamManagementConfig(r.seconds(ConfigKeys.SM_RESUME_TIMEOUT_SECONDS)),
                new ChatConfig(r.integer(ConfigKeys.CHAT_DEFAULT_HISTORY),
                        r.integer(ConfigKeys.CHAT_PARTICIPANT_UPDATE_LIMIT), r.text(ConfigKeys.CHAT_BOOTSTRAP_CATEGORY),
                        r.text(ConfigKeys.CHAT_SITE).strip(), r.flag(ConfigKeys.CHAT_TOPIC_FEEDS)),
                files(r), store(r), poolMember(r), pep(r));
    }

    private static FilesConfig files(Resolved r) {
        String dir = r.text(ConfigKeys.FILES_DIR).strip();
        String url = r.text(ConfigKeys.FILES_PUBLIC_URL).strip();
        if (!url.isEmpty() && !url.startsWith("https://") && !url.startsWith("http://")) {
            throw r.error(ConfigKeys.FILES_PUBLIC_URL, "must be an http or https URL");
        }
        return new FilesConfig(r.flag(ConfigKeys.FILES_ENABLED) && r.integer(ConfigKeys.HTTP_PORT) >= 0,
                dir.isEmpty() ? r.path(ConfigKeys.DATA_DIR).resolve("files") : Path.of(dir).toAbsolutePath().normalize(),
                url);
    }

    private static LimitsConfig limits(Resolved r) {
        StreamLimits stream = new StreamLimits(r.integer(ConfigKeys.LIMITS_MAX_STANZA_BYTES),
                r.integer(ConfigKeys.LIMITS_MAX_DEPTH), r.integer(ConfigKeys.LIMITS_MAX_ATTRIBUTES));
        StanzaRate rate = new StanzaRate(r.integer(ConfigKeys.LIMITS_STANZAS_PER_SECOND),
                r.integer(ConfigKeys.LIMITS_STANZA_BURST), r.seconds(ConfigKeys.LIMITS_FLOOD_SECONDS));
        ConnectionLimits connections = new ConnectionLimits(
                r.integer(ConfigKeys.LIMITS_MAX_CONNECTIONS_PER_ADDRESS),
                r.seconds(ConfigKeys.LIMITS_IDLE_TIMEOUT_SECONDS),
                r.seconds(ConfigKeys.LIMITS_NEGOTIATION_TIMEOUT_SECONDS), rate,
                r.seconds(ConfigKeys.LIMITS_SLOW_READER_SECONDS), r.integer(ConfigKeys.LIMITS_MAX_OUTBOUND_BYTES),
                new AbuseBan(r.integer(ConfigKeys.LIMITS_BAN_AFTER_OFFENCES), r.seconds(ConfigKeys.LIMITS_BAN_SECONDS)));
        return new LimitsConfig(stream, connections, r.integer(ConfigKeys.LIMITS_MAX_MAM_PAGE));
    }

    private static PepLimits pep(Resolved r) {
        return new PepLimits(r.integer(ConfigKeys.PEP_MAX_ITEMS), r.integer(ConfigKeys.PEP_MAX_PAYLOAD_BYTES),
                r.integer(ConfigKeys.PEP_MAX_NODES));
    }

    private static StoreConfig store(Resolved r) {
        if (r.text(ConfigKeys.STORE_KIND).equals("embedded")) {
            return new StoreConfig.Embedded();
        }
        if (r.text(ConfigKeys.STORE_URL).isEmpty()) {
            throw r.error(ConfigKeys.STORE_URL, "is empty, but store.kind is postgresql: name the database");
        }
        if (r.text(ConfigKeys.STORE_PASSWORD_FILE).isEmpty()) {
            throw r.error(ConfigKeys.STORE_PASSWORD_FILE, "is empty, but store.kind is postgresql: name the file that"
                    + " holds the password");
        }
        return new StoreConfig.Postgres(r.text(ConfigKeys.STORE_URL), r.text(ConfigKeys.STORE_USER),
                r.path(ConfigKeys.STORE_PASSWORD_FILE), r.integer(ConfigKeys.STORE_POOL_SIZE));
    }

    private static Optional<PoolMember> poolMember(Resolved r) {
        String pool = r.text(ConfigKeys.POOL_NAME);
        String server = r.text(ConfigKeys.POOL_SERVER);
        if (pool.isEmpty() && server.isEmpty()) {
            return Optional.empty();
        }
        if (pool.isEmpty()) {
            throw r.error(ConfigKeys.POOL_NAME, "is empty, but pool.server is set: name the pool too");
        }
        if (server.isEmpty()) {
            throw r.error(ConfigKeys.POOL_SERVER, "is empty, but pool.name is set: name this server too");
        }
        return Optional.of(new PoolMember(pool, server));
    }

    private static TlsConfig tls(Resolved r) {
        String certificate = r.text(ConfigKeys.TLS_CERTIFICATE);
        String key = r.text(ConfigKeys.TLS_PRIVATE_KEY);
        if (certificate.isEmpty() && key.isEmpty()) {
            return new TlsConfig.SelfSigned();
        }
        if (key.isEmpty()) {
            throw r.error(ConfigKeys.TLS_CERTIFICATE, "is set, so tls.private-key must be set too");
        }
        if (certificate.isEmpty()) {
            throw r.error(ConfigKeys.TLS_PRIVATE_KEY, "is set, so tls.certificate must be set too");
        }
        return new TlsConfig.Files(r.path(ConfigKeys.TLS_CERTIFICATE), r.path(ConfigKeys.TLS_PRIVATE_KEY));
    }

    private record Setting(String value, String source) {
    }

    /** The validated values, with typed accessors; values have passed their key's check. */
    private record Resolved(Map<String, Setting> settings) {
        String text(ConfigKey key) {
            return settings.get(key.name()).value();
        }

        int integer(ConfigKey key) {
            return Integer.parseInt(text(key));
        }

        boolean flag(ConfigKey key) {
            return Checks.parseBoolean(text(key)).orElseThrow();
        }

        Duration seconds(ConfigKey key) {
            return Duration.ofSeconds(integer(key));
        }

        Path path(ConfigKey key) {
            return Path.of(text(key)).toAbsolutePath().normalize();
        }

        ConfigException error(ConfigKey key, String problem) {
            Setting setting = settings.get(key.name());
            return new ConfigException(setting.source() + ": " + key.name() + ": '" + setting.value() + "' "
                    + problem);
        }
    }
}
