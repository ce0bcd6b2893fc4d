package org.perch.search.lucene;

import java.text.Normalizer;
import java.time.Instant;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.perch.store.chat.ChatMessage;

/** How one message is laid out as a Lucene document: the field names and what each is for. */
final class MessageDocument {

    /** The message id as a term, so adding a message again replaces it ({@code updateDocument}). */
    static final String KEY = "key";
    /** The message id as a point (range for afterId/beforeId), doc value (sort) and stored value (hit). */
    static final String ID = "id";
    static final String ROOM = "room";
    static final String STANZA_ID = "stanza-id";
    /** The poster's bare JID. */
    static final String SENDER = "sender";
    /** Microseconds since the epoch: history keeps microseconds, so inclusive bounds must compare at least that. */
    static final String TIME = "time";
    /** The analysed words of the body; the body itself is in the history, so it is not stored here. */
    static final String BODY = "body";

    private MessageDocument() {
    }

    static Document of(ChatMessage m) {
        Document d = new Document();
        d.add(new StringField(KEY, Long.toString(m.id()), Field.Store.NO));
        d.add(new LongPoint(ID, m.id()));
        d.add(new NumericDocValuesField(ID, m.id()));
        d.add(new StoredField(ID, m.id()));
        d.add(new StringField(ROOM, m.room().toString(), Field.Store.YES));
        d.add(new StringField(STANZA_ID, m.stanzaId(), Field.Store.YES));
        d.add(new StringField(SENDER, m.sender().toBare().toString(), Field.Store.NO));
        d.add(new LongPoint(TIME, floorMicros(m.timestamp())));
        d.add(new TextField(BODY, normalized(m.body()), Field.Store.NO));
        return d;
    }

    static Term key(long id) {
        return new Term(KEY, Long.toString(id));
    }

    /**
     * NFC, so that an accent typed as one code point and as a letter plus a combining mark give the same word
     * (Lucene's standard tokenizer does not normalise). Applied to bodies and to search texts alike.
     */
    static String normalized(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Microseconds since the epoch, rounded down; saturates far outside any real message's time. */
    static long floorMicros(Instant t) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
        } catch (ArithmeticException e) {
            return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** Microseconds since the epoch, rounded up: the smallest stored time that is not before {@code t}. */
    static long ceilMicros(Instant t) {
        long floor = floorMicros(t);
        return t.getNano() % 1_000 != 0 && floor != Long.MAX_VALUE ? floor + 1 : floor;
    }
}
