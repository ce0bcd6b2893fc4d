package org.perch.fuzz;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.perch.xmpp.stream.StreamErrorCondition;
import org.perch.xmpp.stream.StreamErrorException;
import org.perch.xmpp.stream.StreamHeader;
import org.perch.xmpp.stream.StreamLimits;
import org.perch.xmpp.stream.StreamListener;
import org.perch.xmpp.xml.XmlElement;
import org.perch.xmpp.xml.XmlNode;
import org.perch.xmpp.xml.XmlText;

/**
 * Records what a stream parser delivers and checks, as each element arrives, that it is within the limits the
 * parser was given. Two runs over the same bytes compare by {@link #events()} and {@link #failure()}.
 */
final class StreamEvents implements StreamListener {

    /** The only conditions a parser may end a stream with: each names a rule of RFC 6120 the input broke. */
    static final Set<StreamErrorCondition> PARSER_CONDITIONS = EnumSet.of(StreamErrorCondition.NOT_WELL_FORMED,
            StreamErrorCondition.RESTRICTED_XML, StreamErrorCondition.INVALID_NAMESPACE,
            StreamErrorCondition.UNSUPPORTED_ENCODING, StreamErrorCondition.BAD_FORMAT,
            StreamErrorCondition.POLICY_VIOLATION);

    sealed interface Event permits Opened, Element, Closed {
    }

    record Opened(StreamHeader header) implements Event {
    }

    record Element(XmlElement element) implements Event {
    }

    record Closed() implements Event {
    }

    private final StreamLimits limits;
    private final List<Event> events = new ArrayList<>();
    private Optional<StreamErrorCondition> failure = Optional.empty();

    StreamEvents(StreamLimits limits) {
        this.limits = limits;
    }

    @Override
    public void onStreamOpen(StreamHeader header) {
        events.add(new Opened(header));
    }

    @Override
    public void onElement(XmlElement element) {
        checkWithinLimits(element, 1);
        long bytes = leastBytes(element);
        if (bytes > limits.maxStanzaBytes()) {
            throw new AssertionError("delivered an element of at least " + bytes + " bytes, over the limit of "
                    + limits.maxStanzaBytes());
        }
        events.add(new Element(element));
    }

    @Override
    public void onStreamClose() {
        events.add(new Closed());
    }

    /** The stream ended with this error; checks it is one a parser may send. */
    void failed(StreamErrorException e) {
        if (!PARSER_CONDITIONS.contains(e.condition())) {
            throw new AssertionError("a parser ended the stream with " + e.condition().elementName(), e);
        }
        failure = Optional.of(e.condition());
    }

    List<Event> events() {
        return events;
    }

    Optional<StreamErrorCondition> failure() {
        return failure;
    }

    private void checkWithinLimits(XmlElement e, int depth) {
        if (depth > limits.maxDepth()) {
            throw new AssertionError("delivered an element nested " + depth + " deep, over the limit of "
                    + limits.maxDepth());
        }
        // The declarations of attribute prefixes ride along as xmlns:* entries; each kind has its own limit.
        long declarations = e.attributes().keySet().stream().filter(k -> k.startsWith("xmlns:")).count();
        long attributes = e.attributes().size() - declarations;
        if (attributes > limits.maxAttributes() || declarations > limits.maxAttributes()) {
            throw new AssertionError("delivered <" + e.name() + "> with " + attributes + " attributes and "
                    + declarations + " declarations, over the limit of " + limits.maxAttributes());
        }
        for (XmlElement child : e.elements()) {
            checkWithinLimits(child, depth + 1);
        }
    }

    /**
     * The fewest bytes the element can have taken on the wire: {@code <name/>} for each element, {@code name=""}
     * and a space for each attribute, and each character of text or value in at least its UTF-8 length (a character
     * reference or a predefined entity is never shorter than the character it stands for).
     */
    static long leastBytes(XmlElement e) {
        long n = e.name().length() + 3L;
        for (Map.Entry<String, String> a : e.attributes().entrySet()) {
            n += a.getKey().length() + 4L + utf8Length(a.getValue());
        }
        for (XmlNode child : e.children()) {
            n += switch (child) {
                case XmlElement c -> leastBytes(c);
                case XmlText t -> utf8Length(t.text());
            };
        }
        return n;
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
