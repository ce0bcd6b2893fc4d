package org.perch.xmpp.stream;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.UncheckedStreamException;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * One XML document read with Aalto's non-blocking reader, restricted as RFC 6120 §11.1 requires: comments,
 * processing instructions, DTDs and entity references other than the five predefined ones end the stream with
 * {@code restricted-xml}; only UTF-8 is accepted (§11.6). Nothing is ever expanded or resolved.
 *
 * <p>Aalto keeps every element and attribute name it has seen in a table whose insertions slow down as it
 * fills; {@link ElementTreeBuilder} caps distinct names so that a client cannot make that table large.
 *
 * <p>Input always reaches Aalto through a scratch array starting at index 0: Aalto 1.3.3 adds the caller's array
 * offset to its byte offsets, and the stream parser needs exact offsets to measure stanzas. The array is the
 * thread's, not the connection's, which saves 4 KiB per connection: Aalto has consumed all of it whenever a feed
 * returns (or the reader is abandoned), so nothing is left in it for the next reader the thread feeds. A feed
 * takes the array out of its thread for its duration, because the handler may parse other XML on the same
 * thread (a stored stanza, say) before the feed is done with it; such a nested feed gets an array of its own.
 */
final class RestrictedXmlReader {

    /** Receives the events that pass the restrictions: elements and character data. */
    @FunctionalInterface
    interface Handler {
        /** Returns false when the owner reset the stream: this reader must not read one more event. */
        boolean onEvent(int type, AsyncXMLStreamReader<AsyncByteArrayFeeder> reader) throws XMLStreamException;
    }

    static final int SCRATCH_SIZE = 4096;
    /** The thread's scratch array, or null while a feed on this thread is using it. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[SCRATCH_SIZE]);

    // Prolog guard states: in the prolog, "<!" can only start a comment or a DOCTYPE, both restricted. Aalto
    // fails on an internal DTD subset with a generic syntax error, so the guard sees it first.
    private static final int PROLOG = 0;
    private static final int PROLOG_AFTER_LT = 1;
    private static final int PAST_PROLOG = 2;

    // A factory per reader: Aalto merges a finished reader's name table into its factory's, which a shared
    // factory would grow with every name any client ever sent.
    private final AsyncXMLStreamReader<AsyncByteArrayFeeder> reader = createFactory().createAsyncForByteArray();
    private final Utf8Check utf8 = new Utf8Check();
    private long fed;
    private int prolog = PROLOG;

    /** Bytes fed so far; Aalto's offsets count from the same origin. */
    long fed() {
        return fed;
    }

    /** True while the bytes fed so far end inside a UTF-8 character, which only this reader holds. */
    boolean midCharacter() {
        return utf8.midCharacter();
    }

    /** Byte offset where the current event began. */
    long startOffset() {
        return reader.getLocationInfo().getStartingByteOffset();
    }

    /** Byte offset just after the current event. */
    long endOffset() {
        try {
            return reader.getLocationInfo().getEndingByteOffset();
        } catch (XMLStreamException e) {
            throw translate(e);
        }
    }

    /**
     * Parses the bytes and hands every complete event to the handler. Returns how many bytes belong to this
     * document: all of them, unless the handler stopped the reader, in which case the count ends with the event
     * that stopped it and the rest belongs to whatever the owner reads next.
     */
    int feed(byte[] bytes, int offset, int length, Handler handler) {
        byte[] scratch = SCRATCH.get();
        SCRATCH.set(null);
        if (scratch == null) {
            scratch = new byte[SCRATCH_SIZE];
        }
        try {
            int done = 0;
            while (done < length) {
                int n = Math.min(scratch.length, length - done);
                System.arraycopy(bytes, offset + done, scratch, 0, n);
                int refused = guardProlog(scratch, n);
                int invalid = utf8.firstInvalid(scratch, refused < 0 ? n : refused);
                // Aalto first reads what comes before a refused "<!" or a byte that is not UTF-8, so that an error
                // there is reported first and the condition does not depend on how the bytes were split into reads.
                int usable = invalid >= 0 ? invalid : refused >= 0 ? refused : n;
                long before = fed;
                try {
                    if (usable > 0) {
                        reader.getInputFeeder().feedInput(scratch, 0, usable);
                        fed += usable;
                        if (!drain(handler)) {
                            return done + (int) (endOffset() - before);
                        }
                    }
                } catch (XMLStreamException e) {
                    throw translate(e);
                }
                if (invalid >= 0) {
                    throw new StreamErrorException(StreamErrorCondition.NOT_WELL_FORMED, "the input is not UTF-8");
                }
                if (refused >= 0) {
                    throw restricted("comments and DOCTYPE declarations are not allowed");
                }
                done += n;
            }
            return length;
        } finally {
            SCRATCH.set(scratch);
        }
    }

    /** The document is complete: a truncated element is now an error. */
    void endOfInput(Handler handler) {
        try {
            reader.getInputFeeder().endOfInput();
            drain(handler);
        } catch (XMLStreamException e) {
            throw translate(e);
        }
    }

    private boolean drain(Handler handler) throws XMLStreamException {
        int type;
        while ((type = next()) != AsyncXMLStreamReader.EVENT_INCOMPLETE) {
            switch (type) {
                case XMLStreamConstants.START_DOCUMENT -> checkEncoding();
                case XMLStreamConstants.END_DOCUMENT -> {
                    return true;
                }
                case XMLStreamConstants.COMMENT -> throw restricted("comments are not allowed");
                case XMLStreamConstants.PROCESSING_INSTRUCTION ->
                        throw restricted("processing instructions are not allowed");
                case XMLStreamConstants.DTD -> throw restricted("DTDs are not allowed");
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw restricted("entity reference &" + reader.getLocalName() + "; is not allowed");
                default -> {
                    if (!deliver(handler, type)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * Aalto's next event. Aalto 1.3.3 refuses a few malformed inputs with a bare RuntimeException rather than an
     * XMLStreamException (an element named with the reserved prefix {@code xmlns}, from its NsBinding): those are
     * not-well-formed too. The handler is not called here, so nothing else can be caught.
     */
    private int next() throws XMLStreamException {
        try {
            return reader.next();
        } catch (UncheckedStreamException e) {
            throw e.getCause() instanceof XMLStreamException cause ? translate(cause) : notWellFormed(e);
        } catch (RuntimeException e) {
            throw notWellFormed(e);
        }
    }

    private static StreamErrorException notWellFormed(RuntimeException e) {
        return new StreamErrorException(StreamErrorCondition.NOT_WELL_FORMED, String.valueOf(e.getMessage()));
    }

    /**
     * Aalto decodes character data only when it is asked for (getText*), and reports what it finds wrong there (an
     * invalid UTF-8 byte, a character XML forbids) wrapped in an unchecked exception: that is not-well-formed too.
     */
    private boolean deliver(Handler handler, int type) throws XMLStreamException {
        try {
            return handler.onEvent(type, reader);
        } catch (UncheckedStreamException e) {
            if (e.getCause() instanceof XMLStreamException cause) {
                throw translate(cause);
            }
            throw e;
        }
    }

    /** Returns the index of the {@code !} of a {@code <!} in the prolog (a comment or a DOCTYPE), or -1. */
    private int guardProlog(byte[] scratch, int n) {
        for (int i = 0; i < n && prolog != PAST_PROLOG; i++) {
            byte b = scratch[i];
            if (prolog == PROLOG) {
                prolog = b == '<' ? PROLOG_AFTER_LT : PROLOG;
            } else if (b == '!') {
                return i;
            } else {
                prolog = b == '?' ? PROLOG : PAST_PROLOG;
            }
        }
        return -1;
    }

    private void checkEncoding() {
        String declared = reader.getCharacterEncodingScheme();
        if (declared != null && !declared.equalsIgnoreCase("UTF-8")) {
            throw new StreamErrorException(StreamErrorCondition.UNSUPPORTED_ENCODING,
                    "only UTF-8 is supported, not " + declared);
        }
    }

    private static StreamErrorException restricted(String text) {
        return new StreamErrorException(StreamErrorCondition.RESTRICTED_XML, text);
    }

    // Aalto reports these two refusals only through its messages; the tests pin them to this library version.
    private static StreamErrorException translate(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        String firstLine = newline < 0 ? message : message.substring(0, newline);
        if (message.contains("Unsupported encoding")) {
            return new StreamErrorException(StreamErrorCondition.UNSUPPORTED_ENCODING, firstLine);
        }
        if (message.contains("ENTITY_REFERENCE")) {
            return restricted(firstLine);
        }
        return new StreamErrorException(StreamErrorCondition.NOT_WELL_FORMED, firstLine);
    }

    private static InputFactoryImpl createFactory() {
        InputFactoryImpl f = new InputFactoryImpl();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_VALIDATING, false);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // Unexpanded, an entity reference surfaces as an event, which is refused above.
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        // Text arrives in pieces as bytes arrive; the tree builder merges them, so nothing waits for a whole text.
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resources are never resolved: " + systemId);
        });
        return f;
    }
}
