package org.perch.chatdata;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of line a schema-1 file holds, in the order they come in the file. */
final class DataFormat {

    /** A new kind goes where its references are already known: after the kinds its lines name. */
    static final List<RecordKind<?>> KINDS = List.of(new ConfigurationKind(), new PolicyKind(),
            new PolicyGrantKind(), new CategoryKind(), new AddinKind(), new RoomKind(), new MessageKind());

    private DataFormat() {
    }

    static Optional<RecordKind<?>> kind(String type) {
        return KINDS.stream().filter(k -> k.type().equals(type)).findFirst();
    }

    /** {@code configuration, policy, policy-grant, category, addin, room, message}: for messages that list them. */
    static String types() {
        return KINDS.stream().map(RecordKind::type).collect(Collectors.joining(", "));
    }
}
