package org.perch.chatdata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What an export wrote or an import restored: the file's header and how many records of each type, keyed by
 * type in the file's order of kinds.
 */
public record DataSummary(DataHeader header, Map<String, Long> records) {

    public DataSummary {
        Objects.requireNonNull(header, "header");
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (RecordKind<?> kind : DataFormat.KINDS) {
            ordered.put(kind.type(), records.getOrDefault(kind.type(), 0L));
        }
        records = Collections.unmodifiableMap(ordered);
    }

    /** {@code 1 configuration, 3 categories, 0 add-ins, 2 rooms, 57 messages}. */
    public String describe() {
        return DataFormat.KINDS.stream().map(kind -> kind.noun(records.get(kind.type())))
                .collect(Collectors.joining(", "));
    }
}
