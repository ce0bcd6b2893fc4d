package org.perch.compliance;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.perch.store.compliance.ComplianceEventType;

/** The names of Perch's XML format (docs/compliance.md): Lync's elements, Perch's namespace and message types. */
public final class XmlNames {

    /** Perch's additions to Lync's format live in this namespace, prefix {@code perch}. */
    public static final String PERCH_NAMESPACE = "urn:perch:compliance:1";
    public static final String PERCH_PREFIX = "perch";
    /** The suffix of the attribute that holds a text exactly, in base64 of its UTF-8, when XML could not. */
    public static final String EXACT_SUFFIX = "-b64";

    /** Lync's message types (spec §10.5) for its six; Perch's own, in Lync's spelling, for the rest. */
    private static final Map<ComplianceEventType, String> MESSAGE_TYPES = Map.ofEntries(
            Map.entry(ComplianceEventType.JOIN, "JOIN"),
            Map.entry(ComplianceEventType.PART, "PART"),
            Map.entry(ComplianceEventType.CHAT, "CHAT"),
            Map.entry(ComplianceEventType.BACKCHAT, "BACKCHAT"),
            Map.entry(ComplianceEventType.FILE_UPLOAD, "FILEUPLOAD"),
            Map.entry(ComplianceEventType.FILE_DOWNLOAD, "FILEDOWNLOAD"),
            Map.entry(ComplianceEventType.CHAT_REMOVED, "CHATREMOVED"),
            Map.entry(ComplianceEventType.CHAT_PURGED, "CHATPURGED"),
            Map.entry(ComplianceEventType.ROOM_CREATED, "ROOMCREATED"),
            Map.entry(ComplianceEventType.ROOM_CHANGED, "ROOMCHANGED"),
            Map.entry(ComplianceEventType.ROLES_CHANGED, "ROLESCHANGED"),
            Map.entry(ComplianceEventType.ROOM_DELETED, "ROOMDELETED"),
            Map.entry(ComplianceEventType.CATEGORY_CREATED, "CATEGORYCREATED"),
            Map.entry(ComplianceEventType.CATEGORY_CHANGED, "CATEGORYCHANGED"),
            Map.entry(ComplianceEventType.CATEGORY_DELETED, "CATEGORYDELETED"));

    private XmlNames() {
    }

    /** The {@code type} attribute of a Message. */
    public static String messageType(ComplianceEventType type) {
        return MESSAGE_TYPES.get(type);
    }

    /** The event type a Message's {@code type} attribute names; throws IllegalArgumentException if none. */
    public static ComplianceEventType eventType(String messageType) {
        return MESSAGE_TYPES.entrySet().stream().filter(e -> e.getValue().equals(messageType))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown message type '" + messageType + "'"));
    }

    /** A room's or the MUC service's address as an {@code xmpp:} URI, each byte outside a-z, 0-9, -._~ as %XX. */
    public static String channelUri(String roomAddress, String chatDomain) {
        return "xmpp:" + (roomAddress.isEmpty() ? "" : percentEncoded(roomAddress) + "@") + chatDomain;
    }

    private static String percentEncoded(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
