package org.perch.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.perch.server.config.ConfigKeys;
import org.perch.server.config.ConfigLoader;
import org.perch.server.config.PerchConfig;
import picocli.CommandLine.Option;

/** The options every command that reads the configuration accepts; flags override file and environment. */
final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (Java properties); without it, defaults and PERCH_* variables.")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Overrides data-dir.")
    Path dataDir;

    @Option(names = "--domain", paramLabel = "DOMAIN", description = "Overrides domain.")
    String domain;

    PerchConfig load(Map<String, String> environment) {
        return load(environment, Map.of());
    }

    /** Loads with these flags' overrides and a command's own ({@code extra}, key → value). */
    PerchConfig load(Map<String, String> environment, Map<String, String> extra) {
        Map<String, String> overrides = new HashMap<>(extra);
        if (dataDir != null) {
            overrides.put(ConfigKeys.DATA_DIR.name(), dataDir.toString());
        }
        if (domain != null) {
            overrides.put(ConfigKeys.DOMAIN.name(), domain);
        }
        return new ConfigLoader(environment).load(Optional.ofNullable(config), overrides);
    }
}
