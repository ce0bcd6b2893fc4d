package org.perch.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one complete element, as {@link StanzaFramer} cuts it out of the stream, into an {@link Element}. The
 * input is what an XMPP server may send (RFC 6120 §11.1): no comments, processing instructions, DTDs or entities
 * besides the predefined and numeric ones. Names and markup are ASCII, so the bytes can be scanned without decoding
 * them; text and attribute values are decoded as UTF-8.
 */
final class ElementParser {

    private final byte[] in;
    private final int end;
    private int at;

    private ElementParser(byte[] in, int length) {
        this.in = in;
        this.end = length;
    }

    /** The element in {@code in[0, length)}. */
    static Element parse(byte[] in, int length) {
        try {
            return new ElementParser(in, length).element();
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("malformed XML from the server: an element does not end", e);
        }
    }

    private Element element() {
        expect('<');
        String name = localName(name());
        Map<String, String> attributes = new HashMap<>(4);
        while (true) {
            skipSpace();
            if (peek() == '/') {
                at++;
                expect('>');
                return new Element(name, attributes, List.of(), "");
            }
            if (peek() == '>') {
                at++;
                break;
            }
            String key = name();
            skipSpace();
            expect('=');
            skipSpace();
            byte quote = in[at++];
            int from = at;
            while (in[at] != quote) {
                at++;
            }
            attributes.put(key, decode(from, at++));
        }
        List<Element> children = new ArrayList<>(2);
        String text = "";
        while (true) {
            int from = at;
            while (in[at] != '<') {
                at++;
            }
            if (at > from && !isBlank(from, at)) {
                text = text.isEmpty() ? decode(from, at) : text + decode(from, at);
            }
            if (in[at + 1] == '/') {
                at += 2;
                name();
                skipSpace();
                expect('>');
                return new Element(name, attributes, children.isEmpty() ? List.of() : children, text);
            }
            children.add(element());
        }
    }

    private String name() {
        int from = at;
        while (at < end && !isSpace(in[at]) && in[at] != '>' && in[at] != '/' && in[at] != '=') {
            at++;
        }
        return new String(in, from, at - from, StandardCharsets.US_ASCII);
    }

    private static String localName(String qualified) {
        return qualified.substring(qualified.indexOf(':') + 1);
    }

    /** Text from {@code in[from, to)}, with {@code &lt;}-style and numeric references replaced. */
    private String decode(int from, int to) {
        int amp = from;
        while (amp < to && in[amp] != '&') {
            amp++;
        }
        if (amp == to) {
            return new String(in, from, to - from, StandardCharsets.UTF_8);
        }
        StringBuilder out = new StringBuilder(to - from);
        out.append(new String(in, from, amp - from, StandardCharsets.UTF_8));
        int i = amp;
        while (i < to) {
            int next = i;
            while (next < to && in[next] != '&') {
                next++;
            }
            out.append(new String(in, i, next - i, StandardCharsets.UTF_8));
            if (next == to) {
                break;
            }
            int semicolon = next;
            while (in[semicolon] != ';') {
                semicolon++;
            }
            out.appendCodePoint(reference(new String(in, next + 1, semicolon - next - 1, StandardCharsets.US_ASCII)));
            i = semicolon + 1;
        }
        return out.toString();
    }

    private static int reference(String name) {
        return switch (name) {
            case "lt" -> '<';
            case "gt" -> '>';
            case "amp" -> '&';
            case "quot" -> '"';
            case "apos" -> '\'';
            default -> name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16)
                    : name.startsWith("#") ? Integer.parseInt(name.substring(1))
                    : failOn("unknown entity &" + name + ";");
        };
    }

    private boolean isBlank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isSpace(in[i])) {
                return false;
            }
        }
        return true;
    }

    private byte peek() {
        if (at >= end) {
            failOn("element ends early");
        }
        return in[at];
    }

    private void expect(char c) {
        if (peek() != c) {
            failOn("expected '" + c + "' at byte " + at);
        }
        at++;
    }

    private void skipSpace() {
        while (at < end && isSpace(in[at])) {
            at++;
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private static int failOn(String why) {
        throw new IllegalArgumentException("malformed XML from the server: " + why);
    }
}
