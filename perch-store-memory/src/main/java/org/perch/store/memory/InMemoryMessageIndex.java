package org.perch.store.memory;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.store.chat.ChatMessage;
import org.perch.store.chat.MessageIndex;
import org.perch.store.chat.SearchHits;
import org.perch.store.chat.SearchQuery;

/**
 * The reference {@link MessageIndex}: each message's set of words in a map by id, guarded by this index's
 * monitor, and a search is a scan of that map in id order. Not durable: a new instance is empty.
 *
 * <p>A word is a run of letters, digits and combining marks, lower-cased code point by code point after NFC
 * normalisation (so a composed and a decomposed accent are the same word). A CJK ideograph or a hiragana is a
 * word of its own, since those scripts put no spaces between words; this is what Lucene's standard tokenizer
 * does too, so both backends find the same CJK text. Everything else (spaces, punctuation, symbols, emoji)
 * separates words and is never searched, which is also why query syntax in a text is harmless here.
 */
public final class InMemoryMessageIndex implements MessageIndex {

    private record Entry(RoomId room, String stanzaId, Instant timestamp, Jid sender, Set<String> words) {
    }

    private final NavigableMap<Long, Entry> entries = new TreeMap<>();
    private long lastIndexedId;

    @Override
    public synchronized void add(List<ChatMessage> messages) {
        for (ChatMessage m : messages) {
            // Retracted messages count towards lastIndexedId, so a catch-up does not read them again.
            lastIndexedId = Math.max(lastIndexedId, m.id());
            if (!m.retracted()) {
                entries.put(m.id(), new Entry(m.room(), m.stanzaId(), m.timestamp(), m.sender().toBare(),
                        words(m.body())));
            }
        }
    }

    @Override
    public synchronized void remove(RoomId room, String stanzaId) {
        entries.values().removeIf(e -> e.room().equals(room) && e.stanzaId().equals(stanzaId));
    }

    @Override
    public synchronized void removeRoom(RoomId room) {
        entries.values().removeIf(e -> e.room().equals(room));
    }

    @Override
    public synchronized SearchHits search(SearchQuery query) {
        Set<String> wanted = words(query.text());
        long after = query.afterId().orElse(Long.MIN_VALUE);
        long before = query.beforeId().orElse(Long.MAX_VALUE);
        if (wanted.isEmpty() || query.rooms().isEmpty() || after >= before) {
            return new SearchHits(List.of(), true);
        }
        NavigableMap<Long, Entry> bounded = entries.subMap(after, false, before, false);
        List<SearchHits.Hit> page = new ArrayList<>();
        boolean complete = true;
        for (Map.Entry<Long, Entry> e : (query.fromEnd() ? bounded.descendingMap() : bounded).entrySet()) {
            if (matches(query, wanted, e.getValue())) {
                if (page.size() == query.max()) {
                    complete = false;
                    break;
                }
                page.add(new SearchHits.Hit(e.getValue().room(), e.getKey(), e.getValue().stanzaId()));
            }
        }
        if (query.fromEnd()) {
            page = page.reversed();
        }
        return new SearchHits(page, complete);
    }

    @Override
    public synchronized long lastIndexedId() {
        return lastIndexedId;
    }

    /** Nothing to release; the data goes with the instance. */
    @Override
    public void close() {
    }

    private static boolean matches(SearchQuery query, Set<String> wanted, Entry e) {
        return query.rooms().contains(e.room())
                && query.start().map(s -> !e.timestamp().isBefore(s)).orElse(true)
                && query.end().map(end -> !e.timestamp().isAfter(end)).orElse(true)
                && query.with().map(e.sender()::equals).orElse(true)
                && e.words().containsAll(wanted);
    }

    /** The distinct words of a text, as the class comment defines them. */
    static Set<String> words(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFC);
        Set<String> words = new HashSet<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < normal.length(); ) {
            int cp = normal.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isIdeographic(cp) || UnicodeScript.of(cp) == UnicodeScript.HIRAGANA) {
                flush(word, words);
                words.add(Character.toString(Character.toLowerCase(cp)));
            } else if (isWordPart(cp)) {
                word.appendCodePoint(Character.toLowerCase(cp));
            } else {
                flush(word, words);
            }
        }
        flush(word, words);
        return words;
    }

    private static boolean isWordPart(int cp) {
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static void flush(StringBuilder word, Set<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}
