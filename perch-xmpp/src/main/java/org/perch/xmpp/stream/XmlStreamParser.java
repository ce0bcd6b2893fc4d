package org.perch.xmpp.stream;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import org.perch.xmpp.xml.XmlElement;
import org.perch.xmpp.xml.XmlWriter;

/**
 * Non-blocking parser of a client's TCP stream (RFC 6120 §4): bytes in, in any split, stream events out to the
 * {@link StreamListener}, on the feeding thread. Top-level elements are delivered as generic trees; a stanza
 * without a prefix is in the stream's content namespace {@code jabber:client}. Whitespace between top-level
 * elements (keepalives) is ignored.
 *
 * <p>Every rule broken ends the stream with a {@link StreamErrorException}: malformed XML is
 * {@code not-well-formed}; a comment, processing instruction, DTD or entity reference is {@code restricted-xml};
 * a root other than {@code <stream:stream>} or a content namespace other than {@code jabber:client} is
 * {@code invalid-namespace}; an encoding other than UTF-8 is {@code unsupported-encoding}; character data between
 * top-level elements is {@code bad-format}; a limit crossed is {@code policy-violation}.
 *
 * <p>The size limit counts received bytes from the start tag of a top-level element (before the stream header,
 * from the first byte), and is enforced as the bytes arrive: at most {@code maxStanzaBytes + 1} bytes of one
 * element are ever parsed. Memory is bounded by the limits: a delivered element is not retained.
 *
 * <p>An open stream with nothing pending can {@link #shed()} its Aalto reader, which with its name tables and
 * buffers is about 5 KiB: most connections of a chat server are idle most of the time, so the reader is held only
 * while bytes are arriving.
 *
 * <p>Not thread-safe: one parser per connection, fed by one thread at a time. After an exception the parser
 * stays failed (every later {@link #feed} throws the same exception) until {@link #reset()}.
 */
public final class XmlStreamParser {
    private enum State { PROLOG, OPEN, CLOSED }

    private final StreamLimits limits;
    private final StreamListener listener;
    private final ElementTreeBuilder tree;
    private final RestrictedXmlReader.Handler handler = this::onEvent;
    /** Null while shed: the next bytes start a fresh reader. */
    private RestrictedXmlReader input;
    private State state;
    /** Where the unit being received began: a top-level element's start tag, or the end of the last unit. */
    private long unitStart;
    /** The stream's opening tag with its namespace declarations, to start a fresh reader mid-stream. */
    private byte[] primer;
    private StreamErrorException failure;

    public XmlStreamParser(StreamLimits limits, StreamListener listener) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.tree = new ElementTreeBuilder(limits, "");
        reset();
    }

    /**
     * Parses the bytes, calling the listener for every event they complete. May be called with any split of
     * the input. The listener may call {@link #reset()}: the bytes after the element it was handling then start
     * the new stream.
     *
     * @throws StreamErrorException when the input breaks a rule; the stream must be closed with its condition
     */
    public void feed(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (failure != null) {
            throw failure;
        }
        try {
            if (input == null) {
                freshReader();
            }
            int position = offset;
            int end = offset + length;
            while (position < end) {
                RestrictedXmlReader reading = input;
                // Feeding this much crosses the limit by one byte if the unit is still not complete.
                long room = limits.maxStanzaBytes() + 1L - (reading.fed() - unitStart);
                int slice = (int) Math.min(end - position, room);
                position += reading.feed(bytes, position, slice, handler);
                if (reading == input && reading.fed() - unitStart > limits.maxStanzaBytes()) {
                    throw tooLarge();
                }
            }
        } catch (StreamErrorException e) {
            failure = e;
            throw e;
        }
    }

    /**
     * Lets go of the reader if the stream is open and every byte fed so far belongs to a complete top-level element
     * (or to whitespace between them); otherwise does nothing. The next {@link #feed} starts a fresh reader primed
     * with the stream's opening tag, so the stream reads on as if nothing happened. Returns whether it was shed.
     */
    public boolean shed() {
        if (input == null) {
            return true;
        }
        // Aalto may count the first byte of a character as part of the whitespace before it; that byte is in no
        // unit yet, and shedding the reader would drop it (and let the bytes after it pass unchecked).
        if (failure != null || state != State.OPEN || tree.depth() > 0 || input.fed() != unitStart
                || input.midCharacter()) {
            return false;
        }
        input = null;
        return true;
    }

    /** Forgets everything: the next bytes start a new stream (after STARTTLS and after SASL success). */
    public void reset() {
        input = new RestrictedXmlReader();
        tree.clear();
        state = State.PROLOG;
        unitStart = 0;
        primer = null;
        failure = null;
    }

    private boolean onEvent(int type, AsyncXMLStreamReader<AsyncByteArrayFeeder> reader) {
        RestrictedXmlReader source = input;
        switch (type) {
            case XMLStreamConstants.START_ELEMENT -> startElement(reader);
            case XMLStreamConstants.END_ELEMENT -> endElement();
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    text(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
            default -> {
                // other events are refused or consumed by RestrictedXmlReader
            }
        }
        return input == source;
    }

    private void startElement(AsyncXMLStreamReader<AsyncByteArrayFeeder> reader) {
        if (state == State.PROLOG) {
            openStream(reader);
            return;
        }
        if (tree.depth() == 0) {
            unitStart = input.startOffset();
        }
        tree.start(reader);
    }

    private void openStream(AsyncXMLStreamReader<AsyncByteArrayFeeder> reader) {
        if (!"stream".equals(reader.getLocalName()) || !Namespaces.STREAMS.equals(reader.getNamespaceURI())) {
            throw new StreamErrorException(StreamErrorCondition.INVALID_NAMESPACE,
                    "the stream must open with <stream:stream> in " + Namespaces.STREAMS);
        }
        String content = reader.getNamespaceURI("");
        if (!Namespaces.CLIENT.equals(content)) {
            throw new StreamErrorException(StreamErrorCondition.INVALID_NAMESPACE,
                    "the content namespace must be " + Namespaces.CLIENT);
        }
        Map<String, String> a = ElementTreeBuilder.attributes(reader, limits);
        primer = primer(reader);
        completeUnit();
        state = State.OPEN;
        listener.onStreamOpen(new StreamHeader(a.get("to"), a.get("from"), a.get("id"), a.get("version"),
                a.get("xml:lang")));
    }

    private void endElement() {
        if (tree.depth() == 0) {
            completeUnit();
            state = State.CLOSED;
            listener.onStreamClose();
            return;
        }
        Optional<XmlElement> done = tree.end();
        if (done.isPresent()) {
            completeUnit();
            RestrictedXmlReader source = input;
            listener.onElement(done.get());
            if (input == source && tree.wantsFreshReader()) {
                freshReader();
            }
        }
    }

    /**
     * Continues the stream in a new Aalto reader, primed with the stream's opening tag so prefixes resolve as
     * before; the caller's loop feeds the rest of the bytes to it. See {@link ElementTreeBuilder} for why.
     */
    private void freshReader() {
        RestrictedXmlReader fresh = new RestrictedXmlReader();
        fresh.feed(primer, 0, primer.length, (type, reader) -> true);
        input = fresh;
        unitStart = fresh.fed();
        tree.freshReaderStarted();
    }

    private static byte[] primer(AsyncXMLStreamReader<AsyncByteArrayFeeder> reader) {
        StringBuilder sb = new StringBuilder(160).append('<');
        String prefix = reader.getPrefix();
        if (prefix != null && !prefix.isEmpty()) {
            sb.append(prefix).append(':');
        }
        sb.append(reader.getLocalName());
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String declared = reader.getNamespacePrefix(i);
            sb.append(declared == null || declared.isEmpty() ? " xmlns" : " xmlns:" + declared).append("='");
            XmlWriter.escape(reader.getNamespaceURI(i), sb, true);
            sb.append('\'');
        }
        return sb.append('>').toString().getBytes(StandardCharsets.UTF_8);
    }

    private void text(char[] chars, int start, int length) {
        if (tree.depth() > 0) {
            tree.text(chars, start, length);
            return;
        }
        if (!ElementTreeBuilder.isWhitespace(chars, start, length)) {
            throw new StreamErrorException(StreamErrorCondition.BAD_FORMAT,
                    "character data between top-level elements");
        }
        completeUnit();
    }

    // A unit that completes inside one slice was never measured by feed(); measure it here.
    private void completeUnit() {
        long end = input.endOffset();
        if (end - unitStart > limits.maxStanzaBytes()) {
            throw tooLarge();
        }
        unitStart = end;
    }

    private StreamErrorException tooLarge() {
        return ElementTreeBuilder.policyViolation("a top-level element is larger than " + limits.maxStanzaBytes()
                + " bytes");
    }
}
