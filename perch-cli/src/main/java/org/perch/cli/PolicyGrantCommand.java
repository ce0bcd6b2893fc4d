package org.perch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code perch policy grant}: Grant-CsPersistentChatPolicy. */
@Command(name = "grant", mixinStandardHelpOptions = true,
        description = "Grants a per-user policy to an account; --policy-name '' takes the grant away, so the"
                + " account falls back to its site's policy, else the global one. Applies at once.")
final class PolicyGrantCommand extends AdminCommand {

    @Option(names = "--identity", required = true, paramLabel = "JID", description = "The account.")
    String identity;

    @Option(names = "--policy-name", required = true, paramLabel = "NAME",
            description = "A per-user policy's name; '' for none.")
    String policyName;

    @Override
    void run(AdminClient admin) {
        ObjectNode body = AdminClient.JSON.createObjectNode();
        if (policyName.isBlank()) {
            body.putNull("policy");
        } else {
            body.put("policy", policyName);
        }
        JsonNode answer = admin.put("/api/v1/users/" + AdminClient.segment(identity) + "/policy", body);
        if (json()) {
            printJson(answer);
        } else {
            PolicyGetCommand.userTable(out(), answer);
        }
    }
}
