package org.perch.search.lucene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.perch.core.RoomId;
import org.perch.store.StoreException;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.MessageIndex;
import org.perch.store.chat.SearchHits;
import org.perch.store.chat.SearchQuery;

/**
 * The embedded {@link MessageIndex}: a Lucene index in one directory (the server keeps it in
 * {@code <data-dir>/search}). Field layout in {@link MessageDocument}, queries in {@link SearchQueries}.
 *
 * <p>Words are what Lucene's {@link StandardAnalyzer} makes of the NFC-normalised text (Unicode word breaks,
 * one word per CJK ideograph, lower-cased), with no stop words, so "the" and "a" can be searched.
 *
 * <p>A Lucene commit writes and syncs files: once per message it cost several milliseconds of CPU per message (the
 * load generator measured 5.5 ms at 40 messages/s). So additions are committed at most once every
 * {@value #COMMIT_INTERVAL_MILLIS} ms, by the next addition after that, and on close; each commit records the
 * largest id it holds, which {@link #lastIndexedId()} starts from after a restart. What a crash loses is only
 * what the index had not committed: the catch-up on start ({@code SearchIndexer}) adds it again from history.
 * Removals are committed at once, so a retracted or deleted message never comes back. A search sees every change
 * made before it: it refreshes the searcher first when something changed since the last refresh. Changes are
 * serialised by one lock; searches take no lock.
 */
public final class LuceneMessageIndex implements MessageIndex {

    static final long COMMIT_INTERVAL_MILLIS = 1_000;
    private static final Duration COMMIT_INTERVAL = Duration.ofMillis(COMMIT_INTERVAL_MILLIS);
    private static final String LAST_ID = "perch.lastIndexedId";
    private static final Sort BY_ID = new Sort(new SortField(MessageDocument.ID, SortField.Type.LONG));
    private static final Sort BY_ID_DESCENDING = new Sort(new SortField(MessageDocument.ID, SortField.Type.LONG,
            true));
    private static final Set<String> HIT_FIELDS = Set.of(MessageDocument.ROOM, MessageDocument.ID,
            MessageDocument.STANZA_ID);

    private final Path dir;
    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final long commitIntervalNanos;
    private final Object changes = new Object();
    private volatile long lastIndexedId;
    /** Counts changes; a search refreshes first when the searcher was last refreshed before the latest one. */
    private final AtomicLong changed = new AtomicLong();
    private final AtomicLong refreshedThrough = new AtomicLong();
    /** Additions since the last commit; guarded by {@code changes}, as is the time of that commit. */
    private boolean uncommitted;
    private long lastCommitNanos = System.nanoTime();
    private boolean closed;

    private LuceneMessageIndex(Path dir, Directory directory, Analyzer analyzer, IndexWriter writer,
                               SearcherManager searchers, long lastIndexedId, Duration commitInterval) {
        this.dir = dir;
        this.directory = directory;
        this.analyzer = analyzer;
        this.writer = writer;
        this.searchers = searchers;
        this.lastIndexedId = lastIndexedId;
        this.commitIntervalNanos = commitInterval.toNanos();
    }

    /**
     * Opens the index in {@code dir}, creating the directory and an empty index if there is none. Only one
     * process may have it open: a second open fails with a {@link StoreException} while the first is open.
     */
    public static LuceneMessageIndex open(Path dir) {
        return open(dir, COMMIT_INTERVAL);
    }

    /** Like {@link #open(Path)}, committing additions at most once per {@code commitInterval} (tests). */
    static LuceneMessageIndex open(Path dir, Duration commitInterval) {
        Directory directory = null;
        IndexWriter writer = null;
        try {
            Files.createDirectories(dir);
            directory = FSDirectory.open(dir);
            Analyzer analyzer = new StandardAnalyzer(CharArraySet.EMPTY_SET);
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            SearcherManager searchers = new SearcherManager(writer, null);
            return new LuceneMessageIndex(dir, directory, analyzer, writer, searchers, lastCommittedId(writer),
                    commitInterval);
        } catch (LockObtainFailedException e) {
            closeQuietly(directory);
            throw new StoreException("the search index in " + dir + " is already open (another process?)", e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(writer);
            closeQuietly(directory);
            throw new StoreException("could not open the search index in " + dir, e);
        }
    }

    @Override
    public void add(List<ChatMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        synchronized (changes) {
            long last = lastIndexedId;
            try {
                for (ChatMessage m : messages) {
                    // Retracted messages count towards lastIndexedId, so a catch-up does not read them again.
                    last = Math.max(last, m.id());
                    if (!m.retracted()) {
                        writer.updateDocument(MessageDocument.key(m.id()), MessageDocument.of(m));
                    }
                }
                lastIndexedId = last;
                uncommitted = true;
                changed.incrementAndGet();
                if (System.nanoTime() - lastCommitNanos >= commitIntervalNanos) {
                    commit();
                }
            } catch (IOException e) {
                throw new StoreException("could not add " + messages.size() + " messages to the search index in "
                        + dir, e);
            }
        }
    }

    @Override
    public void remove(RoomId room, String stanzaId) {
        Query message = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(MessageDocument.ROOM, room.toString())), Occur.FILTER)
                .add(new TermQuery(new Term(MessageDocument.STANZA_ID, stanzaId)), Occur.FILTER)
                .build();
        delete(message, "message " + stanzaId + " of room " + room);
    }

    @Override
    public void removeRoom(RoomId room) {
        delete(new TermQuery(new Term(MessageDocument.ROOM, room.toString())), "room " + room);
    }

    @Override
    public SearchHits search(SearchQuery query) {
        Optional<Query> lucene = SearchQueries.of(query, analyzer);
        if (lucene.isEmpty()) {
            return new SearchHits(List.of(), true);
        }
        try {
            long latest = changed.get();
            if (refreshedThrough.get() < latest) {
                searchers.maybeRefreshBlocking();
                refreshedThrough.accumulateAndGet(latest, Math::max);
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                return hits(searcher, lucene.get(), query);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new StoreException("could not search the index in " + dir, e);
        }
    }

    @Override
    public long lastIndexedId() {
        return lastIndexedId;
    }

    @Override
    public void close() {
        synchronized (changes) {
            if (closed) {
                return;
            }
            closed = true;
            try (Directory d = directory; IndexWriter w = writer; SearcherManager s = searchers) {
                if (uncommitted) {
                    commit();
                }
                analyzer.close();
            } catch (IOException e) {
                throw new StoreException("could not close the search index in " + dir, e);
            }
        }
    }

    /** The earliest (or latest) {@code max} matches, oldest first; one more is fetched to tell {@code complete}. */
    private static SearchHits hits(IndexSearcher searcher, Query query, SearchQuery search) throws IOException {
        // Never ask for more than the index holds: Lucene sizes its queue by the number asked for.
        int wanted = (int) Math.min(search.max() + 1L, Math.max(1, searcher.getIndexReader().maxDoc()));
        ScoreDoc[] docs = searcher.search(query, wanted, search.fromEnd() ? BY_ID_DESCENDING : BY_ID).scoreDocs;
        StoredFields stored = searcher.storedFields();
        List<SearchHits.Hit> hits = new ArrayList<>();
        for (int i = 0; i < Math.min(docs.length, search.max()); i++) {
            Document d = stored.document(docs[i].doc, HIT_FIELDS);
            hits.add(new SearchHits.Hit(RoomId.of(d.get(MessageDocument.ROOM)),
                    d.getField(MessageDocument.ID).numericValue().longValue(), d.get(MessageDocument.STANZA_ID)));
        }
        return new SearchHits(search.fromEnd() ? hits.reversed() : hits, docs.length <= search.max());
    }

    private void delete(Query query, String what) {
        synchronized (changes) {
            try {
                writer.deleteDocuments(query);
                changed.incrementAndGet();
                commit();
            } catch (IOException e) {
                throw new StoreException("could not remove " + what + " from the search index in " + dir, e);
            }
        }
    }

    /** Makes every change so far durable, recording the largest id added; called holding {@code changes}. */
    private void commit() throws IOException {
        writer.setLiveCommitData(Map.of(LAST_ID, Long.toString(lastIndexedId)).entrySet());
        writer.commit();
        uncommitted = false;
        lastCommitNanos = System.nanoTime();
    }

    private static long lastCommittedId(IndexWriter writer) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (e.getKey().equals(LAST_ID)) {
                    return Long.parseLong(e.getValue());
                }
            }
        }
        return 0;
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource != null) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // Already failing to open; the first error is the one worth reporting.
            }
        }
    }
}
