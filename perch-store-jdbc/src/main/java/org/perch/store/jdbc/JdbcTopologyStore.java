package org.perch.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.perch.store.cluster.PublishedTopology;
import org.perch.store.cluster.TopologyStore;

/** The published versions in {@code published_topology}; the current one is the highest. */
final class JdbcTopologyStore implements TopologyStore {

    private final Transactor tx;

    JdbcTopologyStore(Transactor tx) {
        this.tx = tx;
    }

    @Override
    public Optional<PublishedTopology> current() {
        return tx.read("read the published topology", JdbcTopologyStore::current);
    }

    @Override
    public PublishedTopology publish(String document, Instant at, long expectedVersion) {
        PublishedTopology next = PublishedTopology.following(expectedVersion, document, at);
        // A concurrent publisher's insert of the same version fails on the key; Transactor retries this work,
        // which then reads that version and refuses.
        return tx.write("publish the topology", c -> {
            long current = current(c).map(PublishedTopology::version).orElse(0L);
            if (current != expectedVersion) {
                throw TopologyStore.refused(current, expectedVersion);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO published_topology (version, document,"
                    + " published_at_seconds, published_at_nanos) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, next.version());
                ps.setString(2, next.document());
                ps.setLong(3, next.publishedAt().getEpochSecond());
                ps.setInt(4, next.publishedAt().getNano());
                ps.executeUpdate();
            }
            return next;
        });
    }

    private static Optional<PublishedTopology> current(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version, document, published_at_seconds,"
                + " published_at_nanos FROM published_topology ORDER BY version DESC FETCH FIRST 1 ROWS ONLY");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new PublishedTopology(rs.getLong(1), rs.getString(2),
                    Instant.ofEpochSecond(rs.getLong(3), rs.getInt(4))));
        }
    }
}
