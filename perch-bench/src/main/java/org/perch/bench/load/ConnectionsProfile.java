package org.perch.bench.load;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Connection scale (issue 7, workload a): sessions log in, join rooms and stay idle. What a session costs is the
 * difference between a reading before the logins and one after the idle hold, divided by the sessions still held:
 * the server's RSS, its heap after a full GC when it is a JVM, and this process's heap after a full GC.
 */
final class ConnectionsProfile {

    /** The server's side: readings before the logins and after the hold, and its CPU over the run and the hold. */
    record ServerCost(long pid, long rssBeforeKib, long rssAfterKib, OptionalLong heapBeforeKib,
                      OptionalLong heapAfterKib, double cpuSeconds, double idleCpuShare) {
    }

    /**
     * @param generatorHeapBytes this process's heap after a full GC, after the hold minus before the logins
     */
    record Result(int sessions, int rooms, int joined, int held, Population.Phase logins, Population.Phase joins,
                  int holdSeconds, Optional<ServerCost> server, long generatorHeapBytes, long errors,
                  Map<String, Long> errorKinds) implements ProfileResult {
    }

    private ConnectionsProfile() {
    }

    static Result run(LoadRun run) throws InterruptedException {
        LoadOptions o = run.options();
        Optional<ServerProcess> server = run.server();
        OptionalLong heapBefore = server.map(ServerProcess::heapAfterGcKib).orElse(OptionalLong.empty());
        Optional<ServerProcess.Reading> before = server.map(ServerProcess::read);
        long ownBefore = ownHeapAfterGc();

        Population population = Population.join(run, o.sessions(), o.rooms());
        run.report().joined(population);
        Optional<ServerProcess.Reading> idle = server.map(ServerProcess::read);
        Thread.sleep(o.holdSeconds() * 1_000L);
        Optional<ServerProcess.Reading> after = server.map(ServerProcess::read);
        int held = run.engine().held();

        OptionalLong heapAfter = server.map(ServerProcess::heapAfterGcKib).orElse(OptionalLong.empty());
        long ownAfter = ownHeapAfterGc();
        Optional<ServerCost> cost = server.map(s -> new ServerCost(s.pid(), before.orElseThrow().rssKib(),
                after.orElseThrow().rssKib(), heapBefore, heapAfter,
                (after.orElseThrow().cpuMicros() - before.orElseThrow().cpuMicros()) / 1e6,
                after.orElseThrow().cpuShareSince(idle.orElseThrow())));
        LoadProbe.Counts counts = run.probe().counts();
        return new Result(o.sessions(), o.rooms(), population.joined(), held, population.logins(),
                population.joins(), o.holdSeconds(), cost, ownAfter - ownBefore, counts.errors(),
                run.probe().errorKinds());
    }

    private static long ownHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
