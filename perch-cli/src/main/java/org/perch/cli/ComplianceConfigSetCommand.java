package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code perch compliance config set}: Set-CsPersistentChatComplianceConfiguration. */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Changes the compliance configuration; it applies at once. --adapter-type xml (or jsonl, or a"
                + " ComplianceAdapter class on the class path) with --adapter-output-directory turns compliance on;"
                + " --adapter-type '' turns it off after a last export."})
final class ComplianceConfigSetCommand extends AdminCommand {

    @Option(names = "--adapter-type", paramLabel = "TYPE", description = "xml, jsonl or a class name; '' for none.")
    String adapterType;

    @Option(names = "--adapter-name", paramLabel = "NAME", description = "A label for the adapter.")
    String adapterName;

    @Option(names = "--adapter-output-directory", paramLabel = "DIR",
            description = "Where the adapter writes (made absolute here); one directory per adapter.")
    Path adapterOutputDirectory;

    @Option(names = "--one-chat-room-per-output-file", paramLabel = "BOOL", arity = "1",
            description = "A file per room rather than one per run.")
    Boolean oneChatRoomPerOutputFile;

    @Option(names = "--add-chat-room-details", paramLabel = "BOOL", arity = "1",
            description = "Describe each room beyond its address.")
    Boolean addChatRoomDetails;

    @Option(names = "--add-user-details", paramLabel = "BOOL", arity = "1",
            description = "Describe each user beyond their address.")
    Boolean addUserDetails;

    @Option(names = "--create-file-attachments-manifest", paramLabel = "BOOL", arity = "1",
            description = "Write .ATTACH manifests of file transfers beside the output.")
    Boolean createFileAttachmentsManifest;

    @Option(names = "--run-interval", paramLabel = "D.HH:MM:SS",
            description = "Time between export runs, 00:01:00 to 30.00:00:00 (default 00:15:00).")
    String runInterval;

    @Override
    void run(AdminClient admin) {
        ObjectNode body = AdminClient.JSON.createObjectNode();
        if (adapterType != null) {
            if (adapterType.isBlank()) {
                body.putNull("adapterType");
            } else {
                body.put("adapterType", adapterType);
            }
        }
        if (adapterName != null) {
            body.put("adapterName", adapterName);
        }
        if (adapterOutputDirectory != null) {
            body.put("adapterOutputDirectory", adapterOutputDirectory.toAbsolutePath().normalize().toString());
        }
        putIfGiven(body, "oneChatRoomPerOutputFile", oneChatRoomPerOutputFile);
        putIfGiven(body, "addChatRoomDetails", addChatRoomDetails);
        putIfGiven(body, "addUserDetails", addUserDetails);
        putIfGiven(body, "createFileAttachmentsManifest", createFileAttachmentsManifest);
        if (runInterval != null) {
            body.put("runInterval", runInterval);
        }
        if (body.isEmpty()) {
            throw new CliException("nothing to change: give at least one setting");
        }
        JsonNode changed = admin.patch("/api/v1/compliance/configuration", body);
        if (json()) {
            printJson(changed);
        } else {
            Tables.properties(out(), changed);
        }
    }

    private static void putIfGiven(ObjectNode body, String field, Boolean value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}
