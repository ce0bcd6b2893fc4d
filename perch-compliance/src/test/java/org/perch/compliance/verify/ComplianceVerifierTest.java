package org.perch.compliance.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perch.compliance.ChainedEvent;
import org.perch.compliance.ComplianceAdapter;
import org.perch.compliance.JsonLinesAdapter;
import org.perch.compliance.TestEvents;
import org.perch.compliance.XmlAdapter;
import org.perch.compliance.verify.ChainBreak.Problem;

class ComplianceVerifierTest {

    private static final Pattern MESSAGE = Pattern.compile("<Message .*?</Message>", Pattern.DOTALL);

    @TempDir
    Path dir;

    private final TestEvents events = TestEvents.typical().chat(TestEvents.FX, TestEvents.ALICE, "bye");

    @Test
    @DisplayName("adapter output, in both formats and any mix of batches and per-room files, verifies intact")
    void roundTripShouldBeIntact() throws IOException {
        write(new XmlAdapter(), false, 1, 0, 3);
        write(new XmlAdapter(), true, 2, 3, 5);
        write(new JsonLinesAdapter(), false, 3, 5, 6);
        write(new JsonLinesAdapter(), true, 4, 6, 8);

        VerificationReport report = ComplianceVerifier.verify(dir);

        assertThat(report.intact()).as(report.toString()).isTrue();
        assertThat(report.files()).isEqualTo(6);
        assertThat(report.events()).isEqualTo(8);
        assertThat(report.rooms()).isEqualTo(2);
        assertThat(report.firstSequence()).isEqualTo(1);
        assertThat(report.lastSequence()).isEqualTo(8);
        assertThat(report.warnings()).isEmpty();
        assertThat(report.notes()).isEmpty();
    }

    @Test
    @DisplayName("one changed character of content: the first break names the file and the event as altered")
    void changedContentShouldBeReportedAsAltered() throws IOException {
        Path file = write(new XmlAdapter(), false, 1, 0, 8);
        Files.writeString(file, Files.readString(file).replace("content=\"thanks\"", "content=\"thank5\""));

        ChainBreak broken = ComplianceVerifier.verify(dir).firstBreak().orElseThrow();

        assertThat(broken.problem()).isEqualTo(Problem.ALTERED);
        assertThat(broken.file()).isEqualTo("perch-compliance-000000000001.xml");
        assertThat(broken.sequence()).contains(7L);
        assertThat(broken.eventId()).contains(event(7).event().id());
        assertThat(broken.describe()).isEqualTo("event 7 (" + event(7).event().id()
                + ") in perch-compliance-000000000001.xml: altered: its fields do not give its hash: the event was changed");
    }

    @Test
    @DisplayName("a deleted Message: the next event of its room no longer links")
    void deletedMessageShouldBreakTheLink() throws IOException {
        Path file = write(new XmlAdapter(), false, 1, 0, 8);
        List<String> messages = messages(file);
        Files.writeString(file, Files.readString(file).replace(messages.get(1), ""));

        VerificationReport report = ComplianceVerifier.verify(dir);

        ChainBreak broken = report.firstBreak().orElseThrow();
        assertThat(broken.problem()).isEqualTo(Problem.LINK_BROKEN);
        assertThat(broken.sequence()).as("the room's next event after the deleted 2").contains(6L);
        assertThat(broken.detail()).contains("room bond-desk", "removed or the events were reordered");
    }

    @Test
    @DisplayName("two Messages swapped in the file are out of order; swapped with their numbers, the chain breaks")
    void swappedMessagesShouldBeFound() throws IOException {
        Path file = write(new XmlAdapter(), false, 1, 0, 8);
        String original = Files.readString(file);
        List<String> messages = messages(file);
        String first = messages.get(0);
        String second = messages.get(1);
        Files.writeString(file, original.replace(first + second, second + first));

        ChainBreak moved = ComplianceVerifier.verify(dir).firstBreak().orElseThrow();
        assertThat(moved.problem()).isEqualTo(Problem.OUT_OF_ORDER);
        assertThat(moved.sequence()).contains(1L);

        // The same swap, each taking the other's sequence: the moved-up event looks like a chain starting mid-way
        // (accepted, noted), and the first event, now second, no longer links to it.
        String firstRenumbered = first.replace("perch:sequence=\"1\"", "perch:sequence=\"2\"");
        String secondRenumbered = second.replace("perch:sequence=\"2\"", "perch:sequence=\"1\"");
        Files.writeString(file, original.replace(first + second, secondRenumbered + firstRenumbered));
        ChainBreak relinked = ComplianceVerifier.verify(dir).firstBreak().orElseThrow();
        assertThat(relinked.problem()).isEqualTo(Problem.LINK_BROKEN);
        assertThat(relinked.sequence()).contains(2L);
        assertThat(relinked.eventId()).contains(event(1).event().id());
    }

    @Test
    @DisplayName("a file copied under another name: its first event is reported as a duplicate")
    void duplicatedFileShouldBeReported() throws IOException {
        Path file = write(new JsonLinesAdapter(), false, 1, 0, 8);
        Files.copy(file, dir.resolve("copy.jsonl"));

        ChainBreak broken = ComplianceVerifier.verify(dir).firstBreak().orElseThrow();

        assertThat(broken.problem()).isEqualTo(Problem.DUPLICATE_EVENT);
        assertThat(broken.sequence()).contains(1L);
        assertThat(broken.detail()).contains("copy.jsonl");
    }

    @Test
    @DisplayName("an event renumbered to another's sequence is a duplicate sequence")
    void duplicateSequenceShouldBeReported() throws IOException {
        Path file = write(new JsonLinesAdapter(), false, 1, 0, 8);
        List<String> lines = Files.readAllLines(file);
        lines.set(2, lines.get(2).replace("\"sequence\":3", "\"sequence\":2"));
        Files.write(file, lines);
        assertThat(ComplianceVerifier.verify(dir).firstBreak().orElseThrow().problem())
                .isEqualTo(Problem.DUPLICATE_SEQUENCE);
    }

    @Test
    @DisplayName("older files archived away: chains starting mid-way are accepted and noted; gaps are warnings")
    void archivedStartAndGapsShouldNotBreak() throws IOException {
        TestEvents gappy = TestEvents.typical().skip(3).chat(TestEvents.BOND_DESK, TestEvents.ALICE, "later");
        XmlAdapter adapter = new XmlAdapter();
        adapter.configure(TestEvents.settings(dir, false, false, false));
        adapter.translate(gappy.batch(2, 3, 8));

        VerificationReport report = ComplianceVerifier.verify(dir);

        assertThat(report.intact()).as(report.toString()).isTrue();
        assertThat(report.firstSequence()).isEqualTo(4);
        assertThat(report.lastSequence()).isEqualTo(11);
        assertThat(report.notes()).hasSize(2).anySatisfy(n -> assertThat(n).contains("room bond-desk", "starts mid-way at event 6"));
        assertThat(report.warnings()).containsExactly(
                "no events with sequences 8 to 10 (harmless if an older file was archived away)");
    }

    @Test
    @DisplayName("a file that is not Perch's output is unreadable; an empty directory is intact but warned about")
    void unreadableAndEmpty() throws IOException {
        VerificationReport empty = ComplianceVerifier.verify(dir);
        assertThat(empty.intact()).isTrue();
        assertThat(empty.warnings()).containsExactly("no exported files (.xml, .jsonl) in the directory");

        Files.writeString(dir.resolve("notes.xml"), "<Conversations><Message type=\"CHAT\"/></Conversations>");
        ChainBreak broken = ComplianceVerifier.verify(dir).firstBreak().orElseThrow();
        assertThat(broken.problem()).isEqualTo(Problem.UNREADABLE);
        assertThat(broken.describe()).startsWith("notes.xml: unreadable: the Message at line 1: attribute ");
    }

    private Path write(ComplianceAdapter adapter, boolean perRoom, long batch, int from, int to) throws IOException {
        adapter.configure(TestEvents.settings(dir, perRoom, false, true));
        return adapter.translate(events.batch(batch, from, to)).getFirst();
    }

    private ChainedEvent event(long sequence) {
        return events.events().get((int) sequence - 1);
    }

    private static List<String> messages(Path file) throws IOException {
        Matcher m = MESSAGE.matcher(Files.readString(file));
        return m.results().map(r -> r.group()).toList();
    }
}
