package org.perch.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.perch.xmpp.stream.StreamHeader;
import org.perch.xmpp.stream.StreamLimits;
import org.perch.xmpp.stream.StreamListener;
import org.perch.xmpp.stream.XmlStreamParser;
import org.perch.xmpp.xml.XmlElement;

/**
 * What an idle connection's memory saving costs a busy one: a client's groupchat message (the stanza a chat server
 * reads most) parsed on an open stream whose parser keeps its reader, against one that sheds the reader after every
 * read, which is the worst case: a connection whose every message arrives alone, after the socket ran dry.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class StreamParserBenchmark {

    private static final byte[] HEADER = utf8("<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams' to='example.com' version='1.0' xml:lang='en'>");
    private static final byte[] MESSAGE = utf8("<message to='lounge@chat.example.com' type='groupchat'"
            + " id='5c1f0a9e-2b7d-4f61-9d0e-8a4b3c2d1e0f'><body>t=1733188800000 Has anyone looked at the quarterly"
            + " budget review yet? The deploy window moved to Thursday.</body>"
            + "<origin-id xmlns='urn:xmpp:sid:0' id='5c1f0a9e-2b7d-4f61-9d0e-8a4b3c2d1e0f'/></message>");

    @Param({"kept", "shed"})
    public String reader;

    private XmlStreamParser parser;
    private boolean shed;
    private XmlElement last;

    @Setup
    public void open() {
        parser = new XmlStreamParser(StreamLimits.DEFAULT, new StreamListener() {
            @Override
            public void onStreamOpen(StreamHeader header) {
            }

            @Override
            public void onElement(XmlElement element) {
                last = element;
            }

            @Override
            public void onStreamClose() {
            }
        });
        parser.feed(HEADER, 0, HEADER.length);
        shed = reader.equals("shed");
    }

    @Benchmark
    public XmlElement oneMessage() {
        parser.feed(MESSAGE, 0, MESSAGE.length);
        if (shed && !parser.shed()) {
            throw new IllegalStateException("the parser did not shed its reader between stanzas");
        }
        return last;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
