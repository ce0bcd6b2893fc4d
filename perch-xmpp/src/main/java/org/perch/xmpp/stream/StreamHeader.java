package org.perch.xmpp.stream;

/**
 * The attributes of a stream header ({@code <stream:stream>} on TCP, {@code <open/>} on WebSocket).
 * Absent attributes are empty strings.
 */
public record StreamHeader(String to, String from, String id, String version, String lang) {
    public StreamHeader {
        to = to == null ? "" : to;
        from = from == null ? "" : from;
        id = id == null ? "" : id;
        version = version == null ? "" : version;
        lang = lang == null ? "" : lang;
    }
}
