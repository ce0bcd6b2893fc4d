package org.perch.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.perch.cluster.failover.ProcedureStopped;
import org.perch.cluster.failover.StepReport;
import org.perch.cluster.topology.Topology;
import org.perch.cluster.topology.TopologyReport;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Runs a failover or a failback from the command line: each step printed as it ends, then what to do next. */
final class PoolProcedures {

    /** How often a waiting step looks again: about a heartbeat's interval would be slower than needed. */
    static final Duration POLL = Duration.ofMillis(250);

    private PoolProcedures() {
    }

    static int run(CommandSpec spec, PoolProcedureOptions options,
                   BiFunction<Topology, Consumer<StepReport>, List<String>> procedure) {
        if (options.waitSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--wait must be 1 second or more, got "
                    + options.waitSeconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        TopologyReport report = TopologyFile.check(spec, options.topology);
        if (!report.publishable()) {
            TopologyFile.print(out, report);
            out.flush();
            throw new CliException(options.topology + " has errors; nothing was done");
        }
        try {
            List<String> next = procedure.apply(report.topology().orElseThrow(), step -> {
                out.println(step);
                out.flush();
            });
            next.forEach(line -> out.println("next: " + line));
            out.flush();
            return 0;
        } catch (ProcedureStopped e) {
            throw new CliException("stopped at step " + e.step().number() + " of " + e.step().of() + "; the steps"
                    + " before it stay done. Fix the cause above and run the command again");
        }
    }
}
