package org.perch.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.perch.xmpp.stream.StreamErrorCondition;
import org.perch.xmpp.stream.StreamErrorException;
import org.perch.xmpp.stream.StreamHeader;
import org.perch.xmpp.stream.StreamLimits;
import org.perch.xmpp.stream.StreamListener;
import org.perch.xmpp.stream.WebSocketFrameParser;
import org.perch.xmpp.stream.XmlStreamParser;
import org.perch.xmpp.xml.XmlElement;

/**
 * The client-facing parsers, on arbitrary bytes. Input layout (so that seeds stay readable): a flags byte, a byte
 * that seeds how the stream is cut into reads, then the bytes a client sends.
 *
 * <p>What must hold: the parser either delivers events or ends with a {@link StreamErrorException} whose condition
 * is one RFC 6120 names for bad input; no other exception; no element over the limits; a failure is final; and
 * how the bytes are cut into reads (and whether the parser sheds its reader between them) changes nothing.
 */
class XmlStreamFuzzTest {
    static final StreamLimits SMALL = new StreamLimits(1024, 4, 8);
    static final StreamLimits MEDIUM = new StreamLimits(4096, 12, 24);
    static final byte[] HEADER = ("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
            + " to='example.org' version='1.0'>").getBytes(StandardCharsets.UTF_8);
    /**
     * Fed after the input, in both runs: Aalto may hold a text run back until it ends, so a bad byte at the very end
     * would be found in one run and still pending in the other; a tag ends any such run.
     */
    static final byte[] END = "<end/>".getBytes(StandardCharsets.UTF_8);
    /** An element of this name makes the listener reset the parser, as a session does after SASL success. */
    static final String RESTART = "restart";

    @FuzzTest(maxDuration = "5m")
    @DictionaryFile(resourcePath = "xmpp.dict")
    void tcpStreamShouldGiveTheSameEventsOrStreamErrorHoweverItIsCut(byte[] input) {
        if (input.length < 2) {
            return;
        }
        int flags = input[0];
        StreamLimits limits = (flags & 1) == 0 ? SMALL : MEDIUM;
        byte[] stream = (flags & 2) == 0 ? Arrays.copyOfRange(input, 2, input.length)
                : concat(HEADER, Arrays.copyOfRange(input, 2, input.length));
        boolean shed = (flags & 4) != 0;

        StreamEvents whole = parse(limits, stream, new SplittableRandom(0), false, true);
        StreamEvents cut = parse(limits, stream, new SplittableRandom(input[1]), shed, false);

        assertThat(cut.events()).as("the events, cut vs. whole").isEqualTo(whole.events());
        if (!cut.failure().equals(whole.failure()) && !textAndBadBytes(cut, whole)) {
            assertThat(cut.failure()).as("the stream error, cut vs. whole").isEqualTo(whole.failure());
        }
    }

    @FuzzTest(maxDuration = "5m")
    @DictionaryFile(resourcePath = "xmpp.dict")
    void webSocketFramesShouldEachGiveOneEventOrAStreamError(byte[] input) {
        if (input.length < 1) {
            return;
        }
        StreamLimits limits = (input[0] & 1) == 0 ? SMALL : MEDIUM;
        StreamEvents events = new StreamEvents(limits);
        WebSocketFrameParser parser = new WebSocketFrameParser(limits, events);
        // Frames are separated by NUL, which no XML text may hold.
        int start = 1;
        for (int i = 1; i <= input.length; i++) {
            if (i < input.length && input[i] != 0) {
                continue;
            }
            int before = events.events().size();
            try {
                parser.feedFrame(input, start, i - start);
            } catch (StreamErrorException e) {
                events.failed(e);
                assertFinal(() -> parser.feedFrame("<presence/>"), e);
                return;
            }
            assertThat(events.events()).as("events from one frame").hasSize(before + 1);
            start = i + 1;
        }
    }

    /**
     * The one difference allowed: text between stanzas followed by a byte that is not UTF-8. Aalto decodes a text
     * run only when it is read, so when the run arrives whole the bad byte fails it (not-well-formed), and when it
     * arrives cut the text before the byte is seen first (bad-format). Both are RFC 6120 conditions for that stream,
     * and both end it (input crash-text-then-bad-utf8-between-stanzas).
     */
    private static boolean textAndBadBytes(StreamEvents cut, StreamEvents whole) {
        Set<Optional<StreamErrorCondition>> both = Set.of(cut.failure(), whole.failure());
        return both.equals(Set.of(Optional.of(StreamErrorCondition.NOT_WELL_FORMED),
                Optional.of(StreamErrorCondition.BAD_FORMAT)));
    }

    /** Feeds the stream in reads of sizes the random source picks; one read if {@code whole}. */
    private static StreamEvents parse(StreamLimits limits, byte[] stream, SplittableRandom cuts, boolean shed,
                                      boolean whole) {
        StreamEvents events = new StreamEvents(limits);
        XmlStreamParser[] parser = new XmlStreamParser[1];
        parser[0] = new XmlStreamParser(limits, new RestartingListener(events, () -> parser[0].reset()));
        int at = 0;
        try {
            while (at < stream.length) {
                int n = whole ? stream.length : Math.min(stream.length - at, 1 + cuts.nextInt(1 << cuts.nextInt(1, 12)));
                parser[0].feed(stream, at, n);
                at += n;
                if (shed) {
                    parser[0].shed();
                }
            }
            parser[0].feed(END, 0, END.length);
        } catch (StreamErrorException e) {
            events.failed(e);
            assertFinal(() -> parser[0].feed(HEADER, 0, 1), e);
        }
        return events;
    }

    private static void assertFinal(Runnable more, StreamErrorException first) {
        try {
            more.run();
        } catch (StreamErrorException again) {
            assertThat(again).as("a failed parser fails again the same way").isSameAs(first);
            return;
        }
        throw new AssertionError("a failed parser accepted more input", first);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Passes events on, resetting the parser when a {@value #RESTART} element arrives. */
    private record RestartingListener(StreamEvents events, Runnable reset) implements StreamListener {
        @Override
        public void onStreamOpen(StreamHeader header) {
            events.onStreamOpen(header);
        }

        @Override
        public void onElement(XmlElement element) {
            events.onElement(element);
            if (element.name().equals(RESTART)) {
                reset.run();
            }
        }

        @Override
        public void onStreamClose() {
            events.onStreamClose();
        }
    }
}
