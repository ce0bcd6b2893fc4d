package org.perch.xmpp.stream;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLStreamConstants;
import org.perch.xmpp.xml.XmlElement;

/**
 * Parser of the XMPP WebSocket subprotocol (RFC 7395), where every text frame holds exactly one complete element.
 * {@code <open/>} and {@code <close/>} in {@code urn:ietf:params:xml:ns:xmpp-framing} become
 * {@link StreamListener#onStreamOpen} and {@link StreamListener#onStreamClose}; every other element is delivered
 * as a generic tree, an element without a namespace being taken as {@code jabber:client}.
 *
 * <p>The rules and limits are those of {@link XmlStreamParser}, the frame being the unit measured against
 * {@code maxStanzaBytes}; a frame with more than one element, trailing text or a truncated element is
 * {@code not-well-formed}. A {@code <stream:stream>} frame is {@code invalid-namespace}: on this binding the stream
 * is opened by the framing namespace's {@code <open/>}, so the streams namespace there is the wrong one for a
 * stream header (RFC 6120 §4.9.3.10).
 *
 * <p>Not thread-safe: one parser per connection. After an exception the parser stays failed.
 */
public final class WebSocketFrameParser {
    private final StreamLimits limits;
    private final StreamListener listener;
    private final ElementTreeBuilder tree;
    private final RestrictedXmlReader.Handler handler = this::onEvent;
    /** The frame's element, held back until the whole frame has proved well-formed. */
    private XmlElement completed;
    private StreamErrorException failure;

    public WebSocketFrameParser(StreamLimits limits, StreamListener listener) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.tree = new ElementTreeBuilder(limits, Namespaces.CLIENT);
    }

    /**
     * Parses one text frame and calls the listener for the element in it.
     *
     * @throws StreamErrorException when the frame breaks a rule; the stream must be closed with its condition
     */
    public void feedFrame(String frameText) {
        checkNotFailed();
        // A UTF-8 encoding is never shorter than the string, so this refuses a huge frame before copying it.
        if (frameText.length() > limits.maxStanzaBytes()) {
            throw fail(tooLarge());
        }
        feedFrame(frameText.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses one frame given as its UTF-8 bytes. */
    public void feedFrame(byte[] frame) {
        feedFrame(frame, 0, frame.length);
    }

    /** Parses one frame given as {@code length} UTF-8 bytes of {@code frame} from {@code offset}. */
    public void feedFrame(byte[] frame, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, frame.length);
        checkNotFailed();
        try {
            if (length > limits.maxStanzaBytes()) {
                throw tooLarge();
            }
            tree.clear();
            completed = null;
            RestrictedXmlReader input = new RestrictedXmlReader();
            input.feed(frame, offset, length, handler);
            input.endOfInput(handler);
            if (completed == null) {
                throw new StreamErrorException(StreamErrorCondition.NOT_WELL_FORMED,
                        "a frame must hold one complete element");
            }
            XmlElement element = completed;
            completed = null;
            deliver(element);
        } catch (StreamErrorException e) {
            throw fail(e);
        }
    }

    private boolean onEvent(int type, AsyncXMLStreamReader<AsyncByteArrayFeeder> reader) {
        switch (type) {
            case XMLStreamConstants.START_ELEMENT -> {
                if (tree.depth() == 0 && "stream".equals(reader.getLocalName())
                        && Namespaces.STREAMS.equals(reader.getNamespaceURI())) {
                    throw new StreamErrorException(StreamErrorCondition.INVALID_NAMESPACE,
                            "on WebSocket the stream opens with <open xmlns='" + Namespaces.FRAMING + "'/>");
                }
                tree.start(reader);
            }
            case XMLStreamConstants.END_ELEMENT -> tree.end().ifPresent(e -> completed = e);
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                // Outside the element only whitespace gets this far: Aalto refuses anything else there.
                if (tree.depth() > 0) {
                    tree.text(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                }
            }
            default -> {
                // other events are refused or consumed by RestrictedXmlReader
            }
        }
        return true;
    }

    private void deliver(XmlElement element) {
        if (element.is("open", Namespaces.FRAMING)) {
            Map<String, String> a = element.attributes();
            listener.onStreamOpen(new StreamHeader(a.get("to"), a.get("from"), a.get("id"), a.get("version"),
                    a.get("xml:lang")));
        } else if (element.is("close", Namespaces.FRAMING)) {
            listener.onStreamClose();
        } else {
            listener.onElement(element);
        }
    }

    private void checkNotFailed() {
        if (failure != null) {
            throw failure;
        }
    }

    private StreamErrorException fail(StreamErrorException e) {
        failure = e;
        return e;
    }

    private StreamErrorException tooLarge() {
        return ElementTreeBuilder.policyViolation("a frame is larger than " + limits.maxStanzaBytes() + " bytes");
    }
}
