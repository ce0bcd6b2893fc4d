package org.perch.xmpp.netty;

/** Names of the handlers in every pipeline, so handlers can be found, added before and replaced by name. */
final class PipelineNames {
    static final String CONNECTION_LIMITER = "connection-limiter";
    static final String IDLE = "idle";
    static final String NEGOTIATION_DEADLINE = "negotiation-deadline";
    static final String WRITABILITY_GUARD = "writability-guard";
    static final String TLS = "tls";
    static final String FLUSH_CONSOLIDATION = "flush-consolidation";
    static final String XML_DECODER = "xml-decoder";
    static final String HTTP_CODEC = "http-codec";
    static final String CHUNKED_WRITER = "chunked-writer";
    static final String FILE_TRANSFER = "file-transfer";
    static final String HTTP_AGGREGATOR = "http-aggregator";
    static final String HTTP_ROUTER = "http-router";
    static final String WEBSOCKET_PROTOCOL = "websocket-protocol";
    static final String WEBSOCKET_AGGREGATOR = "websocket-aggregator";
    static final String FRAME_DECODER = "xmpp-frame-decoder";
    static final String STANZA_RATE = "stanza-rate";
    static final String SESSION_BRIDGE = "session-bridge";

    private PipelineNames() {
    }
}
