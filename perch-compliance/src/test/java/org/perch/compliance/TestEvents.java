package org.perch.compliance;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.store.compliance.ComplianceEvent;
import org.perch.store.compliance.ComplianceEventType;
import org.perch.store.compliance.ComplianceRoom;

/** Events and batches for the tests: two rooms and the category chain, chained as a planner would. */
public final class TestEvents {

    public static final ComplianceRoom BOND_DESK = new ComplianceRoom(
            RoomId.of("9b2f6c1e-0d4a-4c3b-8e7f-6a5b4c3d2e1f"), "bond-desk", "Bond Desk");
    public static final ComplianceRoom FX = new ComplianceRoom(
            RoomId.of("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"), "fx", "FX \"spot\" & <forwards>");
    public static final Jid ALICE = Jid.of("alice@example.org");
    public static final Jid BOB = Jid.of("bob@partner.example");
    public static final Instant T0 = Instant.parse("2026-01-31T12:34:56.123456789Z");

    private final Chains chains = Chains.empty();
    private final List<ChainedEvent> events = new ArrayList<>();
    private long sequence;

    public TestEvents chat(ComplianceRoom room, Jid who, String text) {
        return add(ComplianceEventType.CHAT, Optional.of(room), who, Optional.of("m-" + (sequence + 1)), text);
    }

    public TestEvents add(ComplianceEventType type, Optional<ComplianceRoom> room, Jid who,
                          Optional<String> messageId, String content) {
        sequence++;
        ComplianceEvent e = new ComplianceEvent(UUID.randomUUID(), type, T0.plusSeconds(sequence).plusNanos(sequence),
                who, room, messageId, content);
        events.add(chains.append(sequence, e));
        return this;
    }

    /** Skips sequences, as a planner does when events it numbered were never exported. */
    public TestEvents skip(int count) {
        sequence += count;
        return this;
    }

    /** A typical mix: joins, chats in two rooms, a file upload, a category event. */
    public static TestEvents typical() {
        return new TestEvents()
                .add(ComplianceEventType.JOIN, Optional.of(BOND_DESK), ALICE, Optional.empty(), "")
                .chat(BOND_DESK, ALICE, "hello")
                .add(ComplianceEventType.JOIN, Optional.of(FX), BOB, Optional.empty(), "")
                .chat(FX, BOB, "a \"quoted\" <b>bold</b> & more")
                .add(ComplianceEventType.CATEGORY_CREATED, Optional.empty(), Jid.of("example.org"), Optional.empty(),
                        "Trading")
                .add(ComplianceEventType.FILE_UPLOAD, Optional.of(BOND_DESK), ALICE, Optional.empty(), "report.pdf")
                .chat(BOND_DESK, BOB, "thanks");
    }

    public List<ChainedEvent> events() {
        return List.copyOf(events);
    }

    /** All events so far, as batch {@code id}. */
    public ExportBatch batch(long id) {
        return new ExportBatch(id, T0, T0.plusSeconds(900), events);
    }

    /** The events from index {@code from} (inclusive) to {@code to} (exclusive), as batch {@code id}. */
    public ExportBatch batch(long id, int from, int to) {
        return new ExportBatch(id, T0, T0.plusSeconds(900), events.subList(from, to));
    }

    public static AdapterSettings settings(Path dir, boolean perRoom, boolean details, boolean manifest) {
        return new AdapterSettings(dir, perRoom, details, details, manifest, "example.org", "chat.example.org");
    }
}
