package org.perch.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.perch.core.Jid;
import org.perch.store.Account;
import org.perch.store.AccountStore;
import org.perch.store.ScramCredential;
import org.perch.store.ScramMechanism;

/** Accounts in the {@code account} and {@code account_credential} tables. */
final class JdbcAccountStore implements AccountStore {

    private final Transactor tx;

    JdbcAccountStore(Transactor tx) {
        this.tx = tx;
    }

    @Override
    public boolean create(Account account) {
        String jid = account.jid().toString();
        // A concurrent create of the same JID fails the INSERT with a unique violation; the transactor retries,
        // and the retry finds the winner's row.
        return tx.writeRedacted("create account " + jid, c -> {
            if (exists(c, jid, false)) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO account (jid, admin, created) VALUES (?, ?, ?)")) {
                ps.setString(1, jid);
                ps.setBoolean(2, account.admin());
                ps.setObject(3, OffsetDateTime.ofInstant(account.created(), ZoneOffset.UTC));
                ps.executeUpdate();
            }
            insertCredentials(c, jid, account.credentials());
            return true;
        });
    }

    @Override
    public Optional<Account> find(Jid jid) {
        return tx.readRedacted("find account " + jid, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT a.admin, a.created, k.mechanism, k.salt,"
                    + " k.iterations, k.stored_key, k.server_key FROM account a"
                    + " LEFT JOIN account_credential k ON k.jid = a.jid WHERE a.jid = ?")) {
                ps.setString(1, jid.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return readAccount(jid, rs);
                }
            }
        });
    }

    @Override
    public boolean updateCredentials(Jid jid, Map<ScramMechanism, ScramCredential> credentials) {
        // Validates the map exactly as an Account does (not empty, keys match mechanisms).
        new Account(jid, credentials, false, Instant.EPOCH);
        return tx.writeRedacted("update credentials of " + jid, c -> {
            if (!exists(c, jid.toString(), true)) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM account_credential WHERE jid = ?")) {
                ps.setString(1, jid.toString());
                ps.executeUpdate();
            }
            insertCredentials(c, jid.toString(), credentials);
            return true;
        });
    }

    @Override
    public boolean setAdmin(Jid jid, boolean admin) {
        return tx.write("set administrator role of " + jid, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE account SET admin = ? WHERE jid = ?")) {
                ps.setBoolean(1, admin);
                ps.setString(2, jid.toString());
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean delete(Jid jid) {
        // roster_version first: put() locks it before roster_item, and the same order here avoids deadlocks.
        return tx.write("delete account " + jid, c -> {
            for (String sql : List.of("DELETE FROM roster_version WHERE owner = ?",
                    "DELETE FROM roster_item WHERE owner = ?", "DELETE FROM pep_node WHERE owner = ?",
                    "DELETE FROM topic_filter WHERE owner = ?", "DELETE FROM feed_entry WHERE owner = ?",
                    "DELETE FROM account_credential WHERE jid = ?")) {
                update(c, sql, jid.toString());
            }
            return update(c, "DELETE FROM account WHERE jid = ?", jid.toString()) > 0;
        });
    }

    @Override
    public List<Jid> list() {
        List<Jid> jids = tx.read("list accounts", c -> {
            List<Jid> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT jid FROM account");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(Jid.of(rs.getString(1)));
                }
            }
            return result;
        });
        // Sorted here, not by ORDER BY: database collations differ, the contract wants Java string order.
        jids.sort(Comparator.comparing(Jid::toString));
        return jids;
    }

    private static boolean exists(Connection c, String jid, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT jid FROM account WHERE jid = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, jid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static int update(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            return ps.executeUpdate();
        }
    }

    private static void insertCredentials(Connection c, String jid, Map<ScramMechanism, ScramCredential> credentials)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO account_credential"
                + " (jid, mechanism, salt, iterations, stored_key, server_key) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (ScramCredential credential : credentials.values()) {
                ps.setString(1, jid);
                ps.setString(2, credential.mechanism().saslName());
                ps.setBytes(3, credential.salt());
                ps.setInt(4, credential.iterations());
                ps.setBytes(5, credential.storedKey());
                ps.setBytes(6, credential.serverKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Optional<Account> readAccount(Jid jid, ResultSet rs) throws SQLException {
        if (!rs.next()) {
            return Optional.empty();
        }
        boolean admin = rs.getBoolean(1);
        Instant created = rs.getObject(2, OffsetDateTime.class).toInstant();
        Map<ScramMechanism, ScramCredential> credentials = new EnumMap<>(ScramMechanism.class);
        do {
            String mechanismName = rs.getString(3);
            if (mechanismName != null) {
                ScramMechanism mechanism = mechanism(mechanismName);
                credentials.put(mechanism, new ScramCredential(mechanism, rs.getBytes(4), rs.getInt(5),
                        rs.getBytes(6), rs.getBytes(7)));
            }
        } while (rs.next());
        return Optional.of(new Account(jid, credentials, admin, created));
    }

    private static ScramMechanism mechanism(String saslName) throws SQLException {
        for (ScramMechanism m : ScramMechanism.values()) {
            if (m.saslName().equals(saslName)) {
                return m;
            }
        }
        throw new SQLException("unknown SCRAM mechanism in account_credential: " + saslName);
    }
}
