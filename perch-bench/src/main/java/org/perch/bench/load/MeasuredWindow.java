package org.perch.bench.load;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;

/**
 * A measured stretch of posting: the posters run through a warm-up, then for {@code --measure} seconds the probe's
 * counts and latencies and the server's readings are taken; the posters are stopped either way.
 */
record MeasuredWindow(double seconds, LoadProbe.Counts counts, Histogram latencies,
                      Optional<ServerProcess.Reading> serverStart, Optional<ServerProcess.Reading> serverEnd) {

    /** Measures the posters, which must have been started; stops them. */
    static MeasuredWindow of(LoadRun run, List<GroupchatPoster> posters, int warmupSeconds)
            throws InterruptedException {
        LoadProbe probe = run.probe();
        try {
            Thread.sleep(warmupSeconds * 1_000L);
            probe.latenciesSinceLastCall();
            long began = System.nanoTime();
            LoadProbe.Counts start = probe.counts();
            Optional<ServerProcess.Reading> serverStart = run.server().map(ServerProcess::read);
            Thread.sleep(run.options().measureSeconds() * 1_000L);
            Histogram latencies = probe.latenciesSinceLastCall();
            long ended = System.nanoTime();
            LoadProbe.Counts end = probe.counts();
            Optional<ServerProcess.Reading> serverEnd = run.server().map(ServerProcess::read);
            return new MeasuredWindow((ended - began) / 1e9, end.minus(start), latencies, serverStart, serverEnd);
        } finally {
            for (GroupchatPoster poster : posters) {
                poster.stop();
            }
        }
    }

    double perSecond(long count) {
        return count / seconds;
    }

    /** The share of one core the server used in the window. */
    OptionalDouble serverCpuShare() {
        return serverEnd.map(e -> OptionalDouble.of(e.cpuShareSince(serverStart.orElseThrow())))
                .orElse(OptionalDouble.empty());
    }

    /** The server's resident memory at the window's end. */
    OptionalLong serverRssKib() {
        return serverEnd.map(e -> OptionalLong.of(e.rssKib())).orElse(OptionalLong.empty());
    }
}
