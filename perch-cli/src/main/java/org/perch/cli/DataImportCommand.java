package org.perch.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Optional;
import org.perch.chatdata.ChatDataImport;
import org.perch.chatdata.DataSummary;
import org.perch.chatdata.FirstStartCategory;
import org.perch.server.Stores;
import org.perch.server.config.HttpConfig;
import org.perch.server.config.PerchConfig;
import org.perch.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code perch data import}: Import-CsPersistentChatData. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Restores a file written by 'perch data export' into an empty store (a new data directory, or"
                + " one with nothing but the category the first start creates). The whole file is checked before"
                + " anything is written. Stop the server first."})
final class DataImportCommand extends StoreDataCommand {

    private static final int PROBE_MILLIS = 1_000;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "The file to read.")
    Path file;

    @Option(names = "--what-if", description = "Check the file and the store, and say what would be imported;"
            + " write nothing.")
    boolean whatIf;

    @Override
    void run(PerchConfig config) {
        ChatDataImport.header(file);
        runningServer(config.admin()).ifPresent(address -> {
            throw new CliException("a server answers on the admin port " + address + ": stop the server first (an"
                    + " import writes into a stopped server's store)");
        });
        String bootstrap = config.chat().bootstrapCategory().strip();
        Optional<FirstStartCategory> firstStart = bootstrap.isEmpty() ? Optional.empty()
                : Optional.of(new FirstStartCategory(bootstrap, config.domain()));
        DataSummary summary;
        try (Store store = Stores.open(config)) {
            summary = whatIf ? ChatDataImport.whatIf(file, store, firstStart)
                    : ChatDataImport.fromFile(file, store, firstStart);
        }
        report(whatIf ? "would import %s from %s (nothing was written)" : "imported %s from %s", file, summary);
    }

    /**
     * Where a server answers on the configured admin port, if one does. With the admin API off or on a port
     * picked at each start, there is nothing to ask, and the operator's word that the server is stopped is taken.
     */
    static Optional<String> runningServer(HttpConfig admin) {
        if (!admin.enabled() || admin.port() == 0) {
            return Optional.empty();
        }
        String host = switch (admin.bindAddress()) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "::1";
            default -> admin.bindAddress().replace("[", "").replace("]", "");
        };
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, admin.port()), PROBE_MILLIS);
            return Optional.of(host + ":" + admin.port());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
