package org.perch.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.perch.server.PerchServer;
import org.perch.server.RunningServer;
import org.perch.server.config.ConfigKeys;
import org.perch.server.config.PerchConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code perch serve}: runs the server until SIGTERM or Ctrl-C, then closes it gracefully. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the server until stopped (SIGTERM or Ctrl-C close it gracefully).")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    PerchCli cli;

    @Mixin
    ConfigOptions options;

    @Option(names = "--pool", paramLabel = "NAME",
            description = "The pool this server belongs to in the published topology; overrides pool.name.")
    String pool;

    @Option(names = "--server", paramLabel = "NAME",
            description = "This server's name in the published topology; overrides pool.server.")
    String server;

    @Override
    public Integer call() throws Exception {
        Map<String, String> overrides = new HashMap<>();
        if (pool != null) {
            overrides.put(ConfigKeys.POOL_NAME.name(), pool);
        }
        if (server != null) {
            overrides.put(ConfigKeys.POOL_SERVER.name(), server);
        }
        PerchConfig config = options.load(cli.context().environment(), overrides);
        RunningServer server = PerchServer.start(config);
        Thread hook = new Thread(() -> close(server), "perch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        server.awaitShutdown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is what ended awaitShutdown; it has done its work.
        }
        return 0;
    }

    private static void close(RunningServer server) {
        try {
            server.close();
        } catch (Exception e) {
            // Nothing can be done during JVM shutdown but say so; the server logs the details itself.
            System.err.println("perch: error while stopping: " + e.getMessage());
        }
    }
}
