package org.perch.compliance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns compliance events into files for an archive to collect (Lync's IComplianceAdapter, spec §10.4). Perch
 * ships two ({@code xml}, Lync's format, and {@code jsonl}); a third party writes one by implementing this and
 * naming its class in the configuration.
 *
 * <p>The contract:
 * <ul>
 *   <li>{@link #configure} is called once, before any batch.</li>
 *   <li>{@link #translate} is called with each batch in {@link ExportBatch#id} order, from one thread. When it
 *       returns, its files must be complete and durable (written to a temporary name, forced to disk, renamed):
 *       the events are then marked exported and never given again.</li>
 *   <li>If it throws, or the process dies during it, the same batch is given again later. Its files must then
 *       replace the earlier attempt's (names derived from the batch id and content, not from the clock), so that no
 *       event is in the output twice.</li>
 * </ul>
 */
public interface ComplianceAdapter {

    /** The name the configuration gives it ({@code xml}, {@code jsonl}, or a third party's own). */
    String name();

    /** Called once, before the first batch (Lync's SetConfig). */
    void configure(AdapterSettings settings);

    /** Writes the batch durably and returns the files written (Lync's Translate). */
    List<Path> translate(ExportBatch batch) throws IOException;
}
