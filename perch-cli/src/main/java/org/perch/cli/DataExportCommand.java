package org.perch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.perch.chatdata.ChatDataExport;
import org.perch.chatdata.DataHeader;
import org.perch.chatdata.DataLevel;
import org.perch.chatdata.DataSummary;
import org.perch.server.Stores;
import org.perch.server.config.PerchConfig;
import org.perch.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** {@code perch data export}: Export-CsPersistentChatData. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the configuration, categories, add-ins, rooms and (level full) their history to a"
                + " file (JSON Lines, docs/data-format.md), readable by its owner only. Works while the server"
                + " runs; messages posted meanwhile may or may not be in the file."})
final class DataExportCommand extends StoreDataCommand {

    enum Level { full, configuration }

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "The file to write.")
    Path file;

    @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "full",
            description = "full (the default: everything, history included) or configuration (all but history).")
    Level level;

    @Option(names = "--since", paramLabel = "DATE", converter = SinceConverter.class,
            description = "Only messages posted on or after it: YYYY-MM-DD (from the start of that day, UTC) or an"
                    + " instant such as 2026-01-31T12:00:00Z.")
    Instant since;

    @Option(names = "--force", description = "Overwrite the file if it exists.")
    boolean force;

    @Override
    void run(PerchConfig config) {
        if (level == Level.configuration && since != null) {
            throw new ParameterException(spec.commandLine(),
                    "--since needs --level full: a configuration-level export holds no history");
        }
        if (!Files.isDirectory(config.dataDir())) {
            throw new CliException("no data directory " + config.dataDir() + ": nothing to export");
        }
        DataHeader header = DataHeader.of(level == Level.full ? DataLevel.FULL : DataLevel.CONFIGURATION,
                Optional.ofNullable(since));
        DataSummary summary;
        try (Store store = Stores.open(config)) {
            summary = ChatDataExport.toFile(store, file, header, force);
        }
        report("exported %s to %s", file, summary);
    }

    /** A day means from its start (UTC), as the start of a range; an instant is taken as it is. */
    static final class SinceConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String text) {
            try {
                return DateArgument.startOf("--since", text);
            } catch (CliException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
