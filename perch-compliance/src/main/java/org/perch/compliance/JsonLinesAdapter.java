package org.perch.compliance;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code jsonl} adapter: one JSON object per event per line (UTF-8, {@code \n}), every field of the event and
 * its chain link ({@link EventJson}), in sequence order, one file per batch or per room per batch, written durably
 * and named like the {@code xml} adapter's files with {@code .jsonl}. Every line holds everything, so the user
 * and room details settings change nothing; there is no attachments manifest.
 */
public final class JsonLinesAdapter implements ComplianceAdapter {

    public static final String NAME = "jsonl";

    private AdapterSettings settings;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void configure(AdapterSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public List<Path> translate(ExportBatch batch) throws IOException {
        if (settings == null) {
            throw new IllegalStateException("configure the adapter before the first batch");
        }
        List<Path> written = new ArrayList<>();
        for (OutputFile file : BatchFiles.plan(batch, settings.oneChatRoomPerOutputFile(), ".jsonl")) {
            Path target = settings.outputDirectory().resolve(file.name());
            DurableFiles.write(target, out -> {
                Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                for (ChainedEvent e : file.events()) {
                    text.write(EventJson.JSON.writeValueAsString(EventJson.toJson(e)));
                    text.write('\n');
                }
                text.flush();
            });
            written.add(target);
        }
        return written;
    }
}
