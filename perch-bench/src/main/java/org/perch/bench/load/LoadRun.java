package org.perch.bench.load;

import java.time.Duration;
import java.util.Optional;

/** What a profile runs with: the options, the server (and its process, when known) and the engine's sessions. */
record LoadRun(LoadOptions options, Target target, ClientEngine engine, Accounts accounts,
               Optional<ServerProcess> server, LoadProbe probe, LoadReport report) {

    /** Runs logins, joins and queries as the options say: so many at once, each with its timeout. */
    InFlight inFlight() {
        return new InFlight(options.concurrency(), Duration.ofSeconds(options.timeoutSeconds()), probe);
    }
}
