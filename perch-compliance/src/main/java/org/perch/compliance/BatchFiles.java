package org.perch.compliance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which files a batch becomes, and their names: {@code perch-compliance-<batch id, 12 digits>.<ext>} for a whole
 * batch, {@code perch-compliance-<batch id>-<room address>.<ext>} per room (OneChatRoomPerOutputFile), where the
 * events without a room keep the batch's name. The names depend on the batch alone, so a retried batch replaces
 * its earlier files.
 */
public final class BatchFiles {

    /** What every exported file's name starts with. */
    public static final String PREFIX = "perch-compliance-";

    private BatchFiles() {
    }

    /** The files of {@code batch}, each with its events in sequence order. */
    public static List<OutputFile> plan(ExportBatch batch, boolean onePerRoom, String extension) {
        String base = PREFIX + String.format("%012d", batch.id());
        if (!onePerRoom) {
            return List.of(new OutputFile(base + extension, batch.events()));
        }
        List<OutputFile> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (List<ChainedEvent> chain : byChain(batch.events()).values()) {
            String name = chain.getFirst().event().room()
                    .map(room -> base + "-" + fileSafe(room.address()))
                    .orElse(base);
            if (!names.add(name)) {
                // A room deleted and another created with its address in the same batch: tell them apart by id.
                name = name + "-" + Chains.key(chain.getFirst().event());
                names.add(name);
            }
            files.add(new OutputFile(name + extension, chain));
        }
        return files;
    }

    /** The events grouped by chain (room), in order of each chain's first event. */
    public static Map<String, List<ChainedEvent>> byChain(List<ChainedEvent> events) {
        Map<String, List<ChainedEvent>> chains = new LinkedHashMap<>();
        for (ChainedEvent e : events) {
            chains.computeIfAbsent(Chains.key(e.event()), k -> new ArrayList<>()).add(e);
        }
        return chains;
    }

    /** A room address as a portable file name part: a-z, 0-9, '.', '_' and '-' kept, any other byte as %XX. */
    static String fileSafe(String address) {
        StringBuilder safe = new StringBuilder();
        for (byte b : address.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-') {
                safe.append(c);
            } else {
                safe.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return safe.toString();
    }
}
