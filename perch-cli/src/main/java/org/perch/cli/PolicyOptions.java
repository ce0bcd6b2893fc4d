package org.perch.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Option;

/** The settings a policy has, shared by {@code perch policy new} and {@code set}. */
final class PolicyOptions {

    @Option(names = "--description", paramLabel = "TEXT", description = "Free text; at most 1024 characters.")
    String description;

    @Option(names = "--enable-persistent-chat", paramLabel = "BOOL", arity = "1",
            description = "Whether its users may join and search rooms (false when a policy is created).")
    Boolean enablePersistentChat;

    /** The settings given, as the API's fields. */
    ObjectNode into(ObjectNode body) {
        if (description != null) {
            body.put("description", description);
        }
        if (enablePersistentChat != null) {
            body.put("enablePersistentChat", enablePersistentChat);
        }
        return body;
    }
}
