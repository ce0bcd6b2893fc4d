package org.perch.chatdata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.perch.store.chat.ChatPolicy;
import org.perch.store.chat.PolicyIdentity;

/**
 * A Persistent Chat policy: global (always exported, for it decides whether anyone may chat), a site's, or a
 * per-user one. Per-user policies are granted to accounts by {@link PolicyGrantKind} lines after them.
 */
final class PolicyKind implements RecordKind<ChatPolicy> {

    @Override
    public String type() {
        return "policy";
    }

    @Override
    public String noun(long count) {
        return count + (count == 1 ? " policy" : " policies");
    }

    @Override
    public void export(ExportSource source, Consumer<ChatPolicy> out) {
        source.store().policies().list().forEach(out);
    }

    @Override
    public void write(ChatPolicy policy, ExportSource source, ObjectNode line) {
        line.put("identity", policy.identity().toString());
        line.put("description", policy.description());
        line.put("enablePersistentChat", policy.enablePersistentChat());
    }

    @Override
    public ChatPolicy read(LineFields fields, Catalog catalog) {
        String identity = fields.text("identity");
        PolicyIdentity id = fields.check("identity", () -> PolicyIdentity.parse(identity));
        String description = fields.text("description");
        boolean enabled = fields.bool("enablePersistentChat");
        ChatPolicy policy = fields.check("description", () -> new ChatPolicy(id, description, enabled));
        catalog.policy(policy.identity(), fields);
        return policy;
    }

    @Override
    public void restore(ChatPolicy policy, Restorer restorer) {
        boolean stored = policy.identity() instanceof PolicyIdentity.Global
                ? restorer.store().policies().update(policy)
                : restorer.store().policies().create(policy);
        if (!stored) {
            throw new ChatDataException("the store refused policy '" + policy.identity() + "'");
        }
    }
}
