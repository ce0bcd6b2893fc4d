package org.perch.xmpp.stream;

import java.util.Locale;

/** The defined stream error conditions of RFC 6120 §4.9.3 that Perch sends. */
public enum StreamErrorCondition {
    BAD_FORMAT, BAD_NAMESPACE_PREFIX, CONFLICT, CONNECTION_TIMEOUT, HOST_UNKNOWN, IMPROPER_ADDRESSING,
    INTERNAL_SERVER_ERROR, INVALID_FROM, INVALID_NAMESPACE, INVALID_XML, NOT_AUTHORIZED, NOT_WELL_FORMED,
    POLICY_VIOLATION, RESOURCE_CONSTRAINT, RESET, RESTRICTED_XML, SEE_OTHER_HOST, SYSTEM_SHUTDOWN, UNDEFINED_CONDITION,
    UNSUPPORTED_ENCODING, UNSUPPORTED_FEATURE, UNSUPPORTED_STANZA_TYPE, UNSUPPORTED_VERSION;

    /** The element name on the wire, e.g. {@code policy-violation}. */
    public String elementName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
