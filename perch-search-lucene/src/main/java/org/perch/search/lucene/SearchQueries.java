package org.perch.search.lucene;

import static org.perch.search.lucene.MessageDocument.BODY;
import static org.perch.search.lucene.MessageDocument.ID;
import static org.perch.search.lucene.MessageDocument.ROOM;
import static org.perch.search.lucene.MessageDocument.SENDER;
import static org.perch.search.lucene.MessageDocument.TIME;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.perch.store.chat.SearchQuery;

/**
 * Turns a {@link SearchQuery} into a Lucene query, built term by term and never parsed: the user's text goes
 * through the same analyzer as the bodies and each resulting word becomes a required term, so quotes, stars,
 * colons or {@code AND} are at most words, never operators. Every clause is a filter: hits are sorted by id, so
 * scores would be wasted work.
 */
final class SearchQueries {

    /** Room, id, time and sender clauses leave this many of Lucene's clause budget for words. */
    static final int MAX_WORDS = IndexSearcher.getMaxClauseCount() - 8;

    private SearchQueries() {
    }

    /** The query, or empty when nothing can match (no words, no rooms, or empty id or time bounds). */
    static Optional<Query> of(SearchQuery search, Analyzer analyzer) {
        Set<String> words = words(search.text(), analyzer);
        if (words.isEmpty() || search.rooms().isEmpty()) {
            return Optional.empty();
        }
        if (words.size() > MAX_WORDS) {
            throw new IllegalArgumentException("a search text may have at most " + MAX_WORDS + " distinct words");
        }
        // Exclusive id bounds become inclusive ones; an after of MAX_VALUE or a before of MIN_VALUE leaves none.
        long lowestId = search.afterId().isPresent() ? search.afterId().getAsLong() + 1 : Long.MIN_VALUE;
        long highestId = search.beforeId().isPresent() ? search.beforeId().getAsLong() - 1 : Long.MAX_VALUE;
        if (search.afterId().orElse(0) == Long.MAX_VALUE || search.beforeId().orElse(0) == Long.MIN_VALUE
                || lowestId > highestId) {
            return Optional.empty();
        }
        long earliest = search.start().map(MessageDocument::ceilMicros).orElse(Long.MIN_VALUE);
        long latest = search.end().map(MessageDocument::floorMicros).orElse(Long.MAX_VALUE);
        if (earliest > latest) {
            return Optional.empty();
        }

        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String word : words) {
            query.add(new TermQuery(new Term(BODY, word)), Occur.FILTER);
        }
        List<BytesRef> rooms = search.rooms().stream().map(r -> new BytesRef(r.toString())).toList();
        query.add(new TermInSetQuery(ROOM, rooms), Occur.FILTER);
        if (lowestId != Long.MIN_VALUE || highestId != Long.MAX_VALUE) {
            query.add(LongPoint.newRangeQuery(ID, lowestId, highestId), Occur.FILTER);
        }
        if (earliest != Long.MIN_VALUE || latest != Long.MAX_VALUE) {
            query.add(LongPoint.newRangeQuery(TIME, earliest, latest), Occur.FILTER);
        }
        search.with().ifPresent(jid -> query.add(new TermQuery(new Term(SENDER, jid.toString())), Occur.FILTER));
        return Optional.of(query.build());
    }

    /** The distinct words of a text, exactly as the body's words were made. */
    static Set<String> words(String text, Analyzer analyzer) {
        Set<String> words = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(BODY, MessageDocument.normalized(text))) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            // The text is a string in memory: reading it cannot fail.
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
