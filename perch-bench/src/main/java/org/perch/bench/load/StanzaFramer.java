package org.perch.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;
import java.util.Arrays;

/**
 * Cuts the server's side of an XMPP stream into its top-level elements as bytes arrive, however they are split.
 * Between stanzas a session holds only a few fields here: bytes are kept only while a stanza is incomplete, in a
 * buffer let go as soon as the stanza is parsed, because memory per idle session is what limits the generator.
 *
 * <p>It follows the markup just enough to count depth: start tags (with quoted attribute values, which may hold
 * {@code >}), end tags, empty-element tags, and the XML declaration, which it skips. Depth 0 → 1 is the stream
 * header, an element that ends back at depth 1 is a stanza, depth 1 → 0 is the stream's end.
 */
final class StanzaFramer implements ByteProcessor {

    /** What the framer found. Called on the thread that feeds it. */
    interface Listener {
        void streamOpened();

        void element(Element element);

        void streamClosed();
    }

    private static final int INITIAL_BUFFER = 512;
    private static final int MAX_STANZA = 1024 * 1024;

    private enum State { TEXT, MARKUP, START_TAG, QUOTED, END_TAG, DECLARATION }

    private final Listener listener;
    private State state = State.TEXT;
    private int depth;
    private byte quote;
    private boolean slashBefore;
    private byte[] stanza;
    private int length;

    StanzaFramer(Listener listener) {
        this.listener = listener;
    }

    /** Reads all of {@code in} (without releasing it). */
    void feed(ByteBuf in) {
        in.forEachByte(this);
    }

    /** A new stream begins (after STARTTLS and after SASL success, RFC 6120 §5.4.3.3 and §6.4.6). */
    void reset() {
        state = State.TEXT;
        depth = 0;
        length = 0;
    }

    @Override
    public boolean process(byte b) {
        if (depth > 1 || (depth == 1 && (state != State.TEXT || b == '<'))) {
            keep(b);
        }
        switch (state) {
            case TEXT -> {
                if (b == '<') {
                    state = State.MARKUP;
                }
            }
            case MARKUP -> state = switch (b) {
                case '/' -> State.END_TAG;
                case '?', '!' -> State.DECLARATION;
                default -> {
                    slashBefore = false;
                    yield State.START_TAG;
                }
            };
            case START_TAG -> {
                if (b == '"' || b == '\'') {
                    quote = b;
                    state = State.QUOTED;
                } else if (b == '>') {
                    state = State.TEXT;
                    startTagEnded();
                } else {
                    slashBefore = b == '/';
                }
            }
            case QUOTED -> {
                if (b == quote) {
                    state = State.START_TAG;
                }
            }
            case END_TAG -> {
                if (b == '>') {
                    state = State.TEXT;
                    endTagEnded();
                }
            }
            case DECLARATION -> {
                if (b == '>') {
                    state = State.TEXT;
                }
            }
        }
        return true;
    }

    private void startTagEnded() {
        if (slashBefore) {
            if (depth == 1) {
                stanzaEnded();
            }
            return;
        }
        depth++;
        if (depth == 1) {
            listener.streamOpened();
        }
    }

    private void endTagEnded() {
        depth--;
        if (depth == 1) {
            stanzaEnded();
        } else if (depth == 0) {
            length = 0;
            listener.streamClosed();
        }
    }

    private void stanzaEnded() {
        Element element = ElementParser.parse(stanza, length);
        length = 0;
        stanza = null;
        listener.element(element);
    }

    private void keep(byte b) {
        if (stanza == null) {
            stanza = new byte[INITIAL_BUFFER];
        } else if (length == stanza.length) {
            if (length >= MAX_STANZA) {
                throw new IllegalStateException("a stanza from the server is larger than " + MAX_STANZA + " bytes");
            }
            stanza = Arrays.copyOf(stanza, length * 2);
        }
        stanza[length++] = b;
    }
}
