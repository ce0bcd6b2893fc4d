package org.perch.xmpp.mam;

/** The namespaces of an archive query and its results. */
public final class MamNamespaces {
    public static final String MAM = "urn:xmpp:mam:2";
    public static final String EXTENDED = MAM + "#extended";
    /** XEP-0431 full-text search in archives. */
    public static final String FULLTEXT = "urn:xmpp:fulltext:0";
    static final String RSM = "http://jabber.org/protocol/rsm";
    static final String FORWARD = "urn:xmpp:forward:0";
    static final String DELAY = "urn:xmpp:delay";

    private MamNamespaces() {
    }
}
