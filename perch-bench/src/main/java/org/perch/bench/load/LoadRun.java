package org.perch.bench.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What a profile runs with: the options, the server (and its process, when known), the engine's sessions, and the
 * certificate(s) the engine trusts (empty: any), for a profile that starts an engine of its own.
 */
record LoadRun(LoadOptions options, Target target, ClientEngine engine, Accounts accounts,
               Optional<ServerProcess> server, LoadProbe probe, LoadReport report, Optional<Path> ca) {

    /** Runs logins, joins and queries as the options say: so many at once, each with its timeout. */
    InFlight inFlight() {
        return new InFlight(options.concurrency(), Duration.ofSeconds(options.timeoutSeconds()), probe);
    }
}
