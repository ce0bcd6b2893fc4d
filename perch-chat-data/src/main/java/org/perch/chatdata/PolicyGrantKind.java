package org.perch.chatdata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.perch.core.Jid;
import org.perch.store.chat.PolicyAssignment;
import org.perch.store.chat.PolicyIdentity;

/**
 * A per-user policy granted to an account, by the account's JID. Accounts are not in the file: an import needs
 * every granted account in the store beforehand ({@code perch user add}), and refuses the file otherwise.
 */
final class PolicyGrantKind implements RecordKind<PolicyAssignment> {

    @Override
    public String type() {
        return "policy-grant";
    }

    @Override
    public String noun(long count) {
        return count + (count == 1 ? " policy grant" : " policy grants");
    }

    @Override
    public void export(ExportSource source, Consumer<PolicyAssignment> out) {
        source.store().policies().grants().forEach(out);
    }

    @Override
    public void write(PolicyAssignment grant, ExportSource source, ObjectNode line) {
        line.put("user", grant.user().toString());
        line.put("policy", grant.policy().toString());
    }

    @Override
    public PolicyAssignment read(LineFields fields, Catalog catalog) {
        Jid user = fields.jid("user");
        String text = fields.text("policy");
        PolicyIdentity policy = fields.check("policy", () -> PolicyIdentity.parse(text));
        if (!(policy instanceof PolicyIdentity.Tag tag) || !catalog.hasPolicy(policy)) {
            throw fields.error("policy", "'" + text + "' is no per-user policy of an earlier line");
        }
        catalog.grant(user.toBare(), fields);
        return new PolicyAssignment(user, tag);
    }

    @Override
    public void restore(PolicyAssignment grant, Restorer restorer) {
        if (!restorer.store().policies().grant(grant.user(), grant.policy())) {
            throw new ChatDataException("the store refused to grant policy '" + grant.policy() + "' to "
                    + grant.user() + ": the account is missing");
        }
    }
}
