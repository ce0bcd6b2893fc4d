package org.perch.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.store.compliance.ComplianceEvent;
import org.perch.store.compliance.ComplianceEventType;

class EventChainTest {

    private static final Instant AT = Instant.parse("2026-01-31T12:34:56.123456789Z");
    private static final ComplianceEvent CHAT = new ComplianceEvent(
            UUID.fromString("3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b"), ComplianceEventType.CHAT, AT,
            Jid.of("alice@example.org"), Optional.of(TestEvents.BOND_DESK), Optional.of("m-1"), "h\u00e9llo \uD83D\uDC4B");
    private static final ComplianceEvent CATEGORY = new ComplianceEvent(
            UUID.fromString("00000000-0000-0000-0000-000000000002"), ComplianceEventType.CATEGORY_CREATED,
            Instant.ofEpochSecond(AT.getEpochSecond()), Jid.of("example.org"), Optional.empty(), Optional.empty(), "");

    // The expected hashes come from src/test/scripts/chain-vector.py, which builds the encoding documented in
    // docs/compliance.md with Python's struct and hashlib, independently of this code.
    @Test
    @DisplayName("a fixed event gives the hash computed independently from the documented encoding")
    void hashShouldMatchTheDocumentedEncoding() {
        String chat = EventChain.hash(EventChain.GENESIS, CHAT);
        assertThat(chat).isEqualTo("b1e4ef559024a1bd46fd7e75bd3bb3cef7d9b07055da794d2e146e5926900eb5");
        assertThat(EventChain.hash(chat, CATEGORY))
                .isEqualTo("a90b3433cf7df2a8414d784c7fa306d366395b2ecc12d7d2f80fb72acb821195");
    }

    @Test
    @DisplayName("an absent message id is not an empty one")
    void absentShouldNotEncodeLikeEmpty() {
        ComplianceEvent emptyId = new ComplianceEvent(CATEGORY.id(), CATEGORY.type(), CATEGORY.at(), CATEGORY.actor(),
                Optional.empty(), Optional.of(""), "");
        assertThat(EventChain.hash(EventChain.GENESIS, emptyId))
                .isEqualTo("632dd1a1db99f2d9626f2a445620be85ab65b007e5e6b8cb62b624fdb4481379");
    }

    @Test
    @DisplayName("every field, the previous hash and a single nanosecond change the hash")
    void everyFieldShouldCount() {
        String original = EventChain.hash(EventChain.GENESIS, CHAT);
        assertThat(EventChain.GENESIS).hasSize(64).matches("0+");
        assertThat(EventChain.hash("1".repeat(64), CHAT)).isNotEqualTo(original);
        assertThat(EventChain.hash(EventChain.GENESIS, with(CHAT.at().plusNanos(1), CHAT.content())))
                .isNotEqualTo(original);
        assertThat(EventChain.hash(EventChain.GENESIS, with(CHAT.at(), CHAT.content() + " ")))
                .isNotEqualTo(original);
        // Length prefixes: moving a character from one field to the next is a different encoding.
        ComplianceEvent shifted = new ComplianceEvent(CHAT.id(), CHAT.type(), CHAT.at(), CHAT.actor(), CHAT.room(),
                Optional.of("m-1h"), "\u00e9llo \uD83D\uDC4B");
        assertThat(EventChain.hash(EventChain.GENESIS, shifted)).isNotEqualTo(original);
    }

    private static ComplianceEvent with(Instant at, String content) {
        return new ComplianceEvent(CHAT.id(), CHAT.type(), at, CHAT.actor(), CHAT.room(), CHAT.messageId(), content);
    }
}
