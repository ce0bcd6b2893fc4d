package org.perch.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The room settings New- and Set-CsPersistentChatRoom share. */
final class RoomOptions {

    @Option(names = "--description", paramLabel = "TEXT", description = "At most 256 characters.")
    String description;

    @Option(names = "--privacy", paramLabel = "PRIVACY", description = "open, closed (the default) or secret.")
    String privacy;

    @Option(names = "--type", paramLabel = "TYPE", description = "normal (the default) or auditorium.")
    String type;

    @Option(names = "--invitations", paramLabel = "SETTING",
            description = "inherit (the category's setting, the default) or false (off for this room).")
    String invitations;

    @Option(names = "--disabled", paramLabel = "BOOL", arity = "1",
            description = "true empties the room and refuses joins; its history is kept.")
    Boolean disabled;

    @Option(names = "--addin", paramLabel = "NAME",
            description = "A registered add-in the room shows ('perch addin new'); '' removes it.")
    String addin;

    void addTo(ObjectNode body) {
        if (description != null) {
            body.put("description", description);
        }
        if (privacy != null) {
            body.put("privacy", privacy);
        }
        if (type != null) {
            body.put("type", type);
        }
        if (invitations != null) {
            // The cmdlet's value is False; the API's, off.
            body.put("invitations", invitations.toLowerCase(Locale.ROOT).equals("false") ? "off" : invitations);
        }
        if (disabled != null) {
            body.put("disabled", disabled);
        }
        if (addin != null) {
            if (addin.isBlank()) {
                body.putNull("addin");
            } else {
                body.put("addin", addin);
            }
        }
    }
}
