package org.perch.bench.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How an attacker's connections ended, counted by a short description: the stream error the server sent (its
 * condition and text), a close without one, a connection refused, or still open when the attack was stopped. Any
 * thread may count.
 */
final class ConnectionEnds {

    static final String STILL_OPEN = "still open";
    static final String CLOSED_WITHOUT_ERROR = "closed by the server, no stream error";
    private static final int MAX_TEXT = 120;

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void add(String how) {
        counts.computeIfAbsent(how, h -> new LongAdder()).increment();
    }

    /** The ends so far, the most frequent first. */
    Map<String, Long> snapshot() {
        Map<String, Long> plain = new LinkedHashMap<>();
        counts.forEach((how, n) -> plain.put(how, n.sum()));
        return sorted(plain);
    }

    /**
     * How a session ended: by the stream error the server sent if it sent one, else by the kind of failure that ended
     * it ({@link SessionException#kindOf}); a connection closed without a stream error says so.
     */
    static String describe(Throwable why, Element streamError) {
        if (streamError != null) {
            return streamError(streamError);
        }
        String kind = SessionException.kindOf(why);
        return switch (kind) {
            case "connection closed" -> CLOSED_WITHOUT_ERROR;
            case "stream closed" -> "stream ended by the server, no stream error";
            default -> kind;
        };
    }

    /** {@code stream error <condition> "<text>"}, the text (if any) cut short. */
    static String streamError(Element error) {
        String text = error.child("text").map(Element::text).map(String::strip).orElse("");
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT) + "…";
        }
        return "stream error " + SessionException.condition(error) + (text.isEmpty() ? "" : " \"" + text + "\"");
    }

    /** One line for a table: {@code 12 stream error … ; 3 still open}, the most frequent first. */
    static String summary(Map<String, Long> ends) {
        if (ends.isEmpty()) {
            return "no connection";
        }
        List<String> parts = new ArrayList<>();
        sorted(ends).forEach((how, n) -> parts.add(String.format(Locale.ROOT, "%,d %s", n, how)));
        return String.join("; ", parts);
    }

    private static Map<String, Long> sorted(Map<String, Long> ends) {
        Map<String, Long> out = new LinkedHashMap<>();
        ends.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
