package org.perch.compliance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.perch.store.compliance.ComplianceEvent;
import org.perch.store.compliance.ComplianceRoom;

/**
 * The hash that chains each exported event to the previous one of its room (tamper evidence, beyond Lync).
 *
 * <p>{@code hash = lower-hex(SHA-256(encoding))}, where the encoding is, in this order: the version tag
 * {@value #VERSION}, the previous hash, the event id, its type name, its instant as epoch seconds and
 * nano-of-second (decimal), the actor's bare JID, the room (or its absence), the message id (or its absence) and
 * the content. Each text is a 4-byte big-endian length followed by that many UTF-8 bytes; an optional part is one
 * byte {@code 0} when absent, or {@code 1} followed by its texts when present, so an absent part never encodes
 * like an empty text. docs/compliance.md gives the same rules for people verifying files with their own tools.
 */
public final class EventChain {

    /** The previous hash of a chain's first event: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    /** The first field of every encoding, so a future encoding cannot collide with this one. */
    public static final String VERSION = "perch-compliance-chain-1";

    private EventChain() {
    }

    /** The hash of {@code event} linked to {@code previousHash}, in lower-case hex. */
    public static String hash(String previousHash, ComplianceEvent event) {
        Encoding encoding = new Encoding();
        encoding.text(VERSION);
        encoding.text(previousHash);
        encoding.text(event.id().toString());
        encoding.text(event.type().name());
        encoding.text(Long.toString(event.at().getEpochSecond()));
        encoding.text(Integer.toString(event.at().getNano()));
        encoding.text(event.actor().toString());
        Optional<ComplianceRoom> room = event.room();
        encoding.presence(room.isPresent());
        room.ifPresent(r -> {
            encoding.text(r.id().toString());
            encoding.text(r.address());
            encoding.text(r.name());
        });
        encoding.presence(event.messageId().isPresent());
        event.messageId().ifPresent(encoding::text);
        encoding.text(event.content());
        return HexFormat.of().formatHex(sha256(encoding.bytes()));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The length-prefixed fields, in order. */
    private static final class Encoding {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void text(String value) {
            // getBytes replaces a lone surrogate by '?': adapters write text through Utf8.wellFormed, which does
            // the same, so a file's text always hashes to the bytes hashed here.
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            int n = utf8.length;
            out.write(n >>> 24);
            out.write(n >>> 16);
            out.write(n >>> 8);
            out.write(n);
            out.writeBytes(utf8);
        }

        void presence(boolean present) {
            out.write(present ? 1 : 0);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
