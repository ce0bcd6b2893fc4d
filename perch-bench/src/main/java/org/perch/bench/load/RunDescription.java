package org.perch.bench.load;

import java.util.OptionalLong;
import org.perch.bench.pool.Machine;

/** What a result was measured with: when, the command line, the machine, the server and how the sessions log in. */
record RunDescription(String startedAt, String commandLine, Machine machine, Target target, String tls, String sasl,
                      String sources, String accounts, OptionalLong serverPid, String loadAverage) {
}
