package org.perch.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SequencedSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.perch.core.RoomId;
import org.perch.store.StoreException;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.MessageIndex;
import org.perch.store.chat.SearchHits;
import org.perch.store.chat.SearchQuery;
import org.perch.store.jdbc.CommitBarrier;
import org.perch.store.jdbc.Transactor;

/**
 * The pool's {@link MessageIndex}: PostgreSQL text search over a table in the chat store's database (schema
 * {@value #SCHEMA}, migrations in {@code db/postgres-search}), so every node of a pool searches the same index.
 *
 * <p>Words are made in Java ({@link SearchWords}) and stored as a {@code tsvector}; a search is a {@code tsquery}
 * requiring every word of the text, restricted to the query's rooms and bounds, by id, one more row than asked
 * for telling whether the page is complete. Each change is one transaction ({@link Transactor}, which retries
 * conflicts), durable when it returns; an add raises {@code last_indexed_id} in the same transaction, so it survives
 * restarts and is shared by the nodes.
 */
final class PostgresMessageIndex implements MessageIndex {

    static final String SCHEMA = "perch_search";
    static final String MIGRATIONS = "classpath:db/postgres-search";
    static final String HISTORY_TABLE = "flyway_search_history";

    private static final String UPSERT = "INSERT INTO perch_search.search_message"
            + " (room, id, stanza_id, sender, posted_us, words) VALUES (?, ?, ?, ?, ?, array_to_tsvector(?))"
            + " ON CONFLICT (room, id) DO UPDATE SET stanza_id = excluded.stanza_id, sender = excluded.sender,"
            + " posted_us = excluded.posted_us, words = excluded.words";
    private static final BigDecimal MIN_MICROS = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal MAX_MICROS = BigDecimal.valueOf(Long.MAX_VALUE);

    private final Transactor tx;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PostgresMessageIndex(DataSource dataSource, Runnable onClose) {
        this.tx = new Transactor(dataSource, CommitBarrier.NONE);
        this.onClose = onClose;
    }

    /** Migrates the index's schema in the database behind {@code pool}; closing the index closes the pool. */
    static PostgresMessageIndex open(HikariDataSource pool) {
        try {
            Flyway.configure(PostgresMessageIndex.class.getClassLoader()).dataSource(pool).schemas(SCHEMA)
                    .table(HISTORY_TABLE).locations(MIGRATIONS).failOnMissingLocations(true).load().migrate();
        } catch (FlywayException e) {
            throw new StoreException("could not migrate the search index's schema", e);
        }
        return new PostgresMessageIndex(pool, pool::close);
    }

    @Override
    public void add(List<ChatMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        long last = messages.stream().mapToLong(ChatMessage::id).max().orElseThrow();
        // In id order, so that two adds that overlap (a catch-up and a live add) lock their rows in the same order.
        List<ChatMessage> kept = messages.stream().filter(m -> !m.retracted())
                .sorted(Comparator.comparingLong(ChatMessage::id)).toList();
        tx.write("add " + messages.size() + " messages to the search index", c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                for (ChatMessage m : kept) {
                    ps.setObject(1, m.room().value());
                    ps.setLong(2, m.id());
                    ps.setString(3, m.stanzaId());
                    ps.setString(4, m.sender().toBare().toString());
                    ps.setLong(5, micros(m.timestamp(), RoundingMode.FLOOR));
                    ps.setArray(6, c.createArrayOf("text", SearchWords.ofBody(m.body()).toArray()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE perch_search.search_progress"
                    + " SET last_indexed_id = GREATEST(last_indexed_id, ?)")) {
                ps.setLong(1, last);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void remove(RoomId room, String stanzaId) {
        tx.write("remove message " + stanzaId + " of room " + room + " from the search index", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM perch_search.search_message WHERE room = ? AND stanza_id = ?")) {
                ps.setObject(1, room.value());
                ps.setString(2, stanzaId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void removeRoom(RoomId room) {
        tx.write("remove room " + room + " from the search index", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM perch_search.search_message WHERE room = ?")) {
                ps.setObject(1, room.value());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public SearchHits search(SearchQuery query) {
        SequencedSet<String> words = SearchWords.of(query.text());
        if (words.isEmpty() || query.rooms().isEmpty()) {
            return new SearchHits(List.of(), true);
        }
        List<Object> values = new ArrayList<>();
        String sql = select(words, query, values);
        List<SearchHits.Hit> hits = tx.read("search the index", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < values.size(); i++) {
                    ps.setObject(i + 1, values.get(i));
                }
                List<SearchHits.Hit> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(new SearchHits.Hit(new RoomId(rs.getObject(1, UUID.class)), rs.getLong(2),
                                rs.getString(3)));
                    }
                }
                return found;
            }
        });
        List<SearchHits.Hit> page = hits.subList(0, Math.min(hits.size(), query.max()));
        return new SearchHits(query.fromEnd() ? page.reversed() : page, hits.size() <= query.max());
    }

    @Override
    public long lastIndexedId() {
        return tx.read("read the search index's last id", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT last_indexed_id FROM perch_search.search_progress"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            onClose.run();
        }
    }

    /**
     * The SQL of the query's matches in id order (newest first when from the end), one more than its max; the values
     * of its parameters go into {@code values}.
     */
    private static String select(SequencedSet<String> words, SearchQuery query, List<Object> values) {
        StringBuilder sql = new StringBuilder("SELECT room, id, stanza_id FROM perch_search.search_message"
                + " WHERE words @@ ?::tsquery AND room = ANY (?)");
        values.add(SearchWords.allOf(words));
        values.add(query.rooms().stream().map(RoomId::value).toArray(UUID[]::new));
        query.afterId().ifPresent(id -> condition(sql, values, " AND id > ?", id));
        query.beforeId().ifPresent(id -> condition(sql, values, " AND id < ?", id));
        query.start().ifPresent(t -> condition(sql, values, " AND posted_us >= ?", micros(t, RoundingMode.CEILING)));
        query.end().ifPresent(t -> condition(sql, values, " AND posted_us <= ?", micros(t, RoundingMode.FLOOR)));
        query.with().ifPresent(jid -> condition(sql, values, " AND sender = ?", jid.toString()));
        values.add(query.max() + 1L);
        return sql.append(query.fromEnd() ? " ORDER BY id DESC" : " ORDER BY id").append(" LIMIT ?").toString();
    }

    private static void condition(StringBuilder sql, List<Object> values, String condition, Object value) {
        sql.append(condition);
        values.add(value);
    }

    /** Microseconds since the epoch, rounded as asked; saturates far outside any real message's time. */
    private static long micros(Instant t, RoundingMode rounding) {
        BigDecimal micros = BigDecimal.valueOf(t.getEpochSecond()).movePointRight(6)
                .add(BigDecimal.valueOf(t.getNano(), 3)).setScale(0, rounding);
        return micros.max(MIN_MICROS).min(MAX_MICROS).longValueExact();
    }
}
