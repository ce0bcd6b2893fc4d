package org.perch.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.perch.core.Jid;
import org.perch.store.chat.ChatPolicy;
import org.perch.store.chat.PolicyAssignment;
import org.perch.store.chat.PolicyIdentity;
import org.perch.store.chat.PolicyStore;

/** Policies in {@code chat_policy}, grants in {@code chat_policy_grant}. */
final class JdbcPolicyStore implements PolicyStore {

    private static final String SELECT = "SELECT identity, description, enable_persistent_chat FROM chat_policy";

    private final Transactor tx;

    JdbcPolicyStore(Transactor tx) {
        this.tx = tx;
    }

    @Override
    public boolean create(ChatPolicy policy) {
        return tx.write("create policy " + policy.identity(), c -> {
            if (!select(c, " WHERE policy_key = ?", policy.identity().key()).isEmpty()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO chat_policy"
                    + " (identity, description, enable_persistent_chat, policy_key) VALUES (?, ?, ?, ?)")) {
                bind(ps, policy).executeUpdate();
            }
            return true;
        });
    }

    @Override
    public Optional<ChatPolicy> find(PolicyIdentity identity) {
        return tx.read("find policy " + identity, c -> select(c, " WHERE policy_key = ?", identity.key()))
                .stream().findFirst();
    }

    @Override
    public List<ChatPolicy> list() {
        List<ChatPolicy> policies = new ArrayList<>(tx.read("list policies", c -> select(c, "")));
        policies.sort(Comparator.comparing(ChatPolicy::identity, PolicyIdentity.ORDER));
        return policies;
    }

    @Override
    public boolean update(ChatPolicy policy) {
        return tx.write("update policy " + policy.identity(), c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE chat_policy"
                    + " SET identity = ?, description = ?, enable_persistent_chat = ? WHERE policy_key = ?")) {
                return bind(ps, policy).executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean delete(PolicyIdentity identity) {
        if (identity instanceof PolicyIdentity.Global) {
            return false;
        }
        return tx.write("delete policy " + identity, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM chat_policy WHERE policy_key = ?")) {
                ps.setString(1, identity.key());
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean grant(Jid user, PolicyIdentity.Tag policy) {
        String jid = user.toBare().toString();
        return tx.write("grant policy " + policy + " to " + jid, c -> {
            if (select(c, " WHERE policy_key = ?", policy.key()).isEmpty() || !accountExists(c, jid)) {
                return false;
            }
            // Delete and insert rather than MERGE or ON CONFLICT, which H2 and PostgreSQL spell differently.
            deleteGrant(c, jid);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO chat_policy_grant (jid, policy_key) VALUES (?, ?)")) {
                ps.setString(1, jid);
                ps.setString(2, policy.key());
                ps.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public boolean revoke(Jid user) {
        String jid = user.toBare().toString();
        return tx.write("revoke the policy of " + jid, c -> deleteGrant(c, jid));
    }

    @Override
    public Optional<PolicyIdentity.Tag> grantOf(Jid user) {
        String jid = user.toBare().toString();
        return tx.read("find the policy of " + jid, c -> grants(c, " WHERE g.jid = ?", jid)).stream()
                .findFirst().map(PolicyAssignment::policy);
    }

    @Override
    public List<PolicyAssignment> grants() {
        List<PolicyAssignment> all = new ArrayList<>(tx.read("list policy grants", c -> grants(c, "")));
        all.sort(Comparator.comparing(a -> a.user().toString()));
        return all;
    }

    private static boolean accountExists(Connection c, String jid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT jid FROM account WHERE jid = ?")) {
            ps.setString(1, jid);
            return Jdbc.exists(ps);
        }
    }

    private static boolean deleteGrant(Connection c, String jid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM chat_policy_grant WHERE jid = ?")) {
            ps.setString(1, jid);
            return ps.executeUpdate() > 0;
        }
    }

    private static PreparedStatement bind(PreparedStatement ps, ChatPolicy policy) throws SQLException {
        ps.setString(1, policy.identity().toString());
        ps.setString(2, policy.description());
        ps.setBoolean(3, policy.enablePersistentChat());
        ps.setString(4, policy.identity().key());
        return ps;
    }

    private static List<ChatPolicy> select(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<ChatPolicy> policies = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    policies.add(new ChatPolicy(PolicyIdentity.parse(rs.getString(1)), rs.getString(2),
                            rs.getBoolean(3)));
                }
            }
            return policies;
        }
    }

    private static List<PolicyAssignment> grants(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT g.jid, p.identity FROM chat_policy_grant g"
                + " JOIN chat_policy p ON p.policy_key = g.policy_key" + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<PolicyAssignment> grants = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    grants.add(new PolicyAssignment(Jid.of(rs.getString(1)),
                            (PolicyIdentity.Tag) PolicyIdentity.parse(rs.getString(2))));
                }
            }
            return grants;
        }
    }
}
