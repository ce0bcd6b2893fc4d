package org.perch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perch.compliance.AdapterSettings;
import org.perch.compliance.Chains;
import org.perch.compliance.ExportBatch;
import org.perch.compliance.JsonLinesAdapter;
import org.perch.compliance.XmlAdapter;
import org.perch.core.Jid;
import org.perch.core.RoomId;
import org.perch.store.compliance.ComplianceEvent;
import org.perch.store.compliance.ComplianceEventType;
import org.perch.store.compliance.ComplianceRoom;

/** {@code perch compliance verify} in-process, on files the real adapters wrote. */
class ComplianceCommandsTest {

    private static final Instant AT = Instant.parse("2026-01-31T12:00:00Z");
    private static final ComplianceRoom ROOM = new ComplianceRoom(RoomId.random(), "bond-desk", "Bond Desk");

    @TempDir
    Path dir;
    private Path xmlFile;

    @BeforeEach
    void export() throws IOException {
        Chains chains = Chains.empty();
        List<String> texts = List.of("hello", "how are you", "fine");
        ExportBatch first = new ExportBatch(1, AT, AT.plusSeconds(900), List.of(
                chains.append(1, chat(texts.get(0))), chains.append(2, chat(texts.get(1)))));
        ExportBatch second = new ExportBatch(2, AT.plusSeconds(900), AT.plusSeconds(1800), List.of(
                chains.append(3, chat(texts.get(2)))));
        AdapterSettings settings = new AdapterSettings(dir, false, false, false, false, "example.org",
                "chat.example.org");
        XmlAdapter xml = new XmlAdapter();
        xml.configure(settings);
        xmlFile = xml.translate(first).getFirst();
        JsonLinesAdapter jsonl = new JsonLinesAdapter();
        jsonl.configure(settings);
        jsonl.translate(second);
    }

    @Test
    @DisplayName("intact files: the counts, exit 0")
    void intactFilesShouldReportCounts() {
        CliRun run = CliRun.run("", "compliance", "verify", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("intact: 3 events in 1 room, 2 files, sequences 1 to 3\n");
        assertThat(run.err()).isEmpty();

        CliRun json = CliRun.run("", "compliance", "verify", dir.toString(), "--output", "json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).contains("\"intact\" : true", "\"events\" : 3", "\"firstBreak\" : null");
    }

    @Test
    @DisplayName("an altered message: the first break on standard output and error, exit 1")
    void alteredFileShouldFail() throws IOException {
        Files.writeString(xmlFile, Files.readString(xmlFile).replace("content=\"how are you\"",
                "content=\"who are you\""));

        CliRun run = CliRun.run("", "compliance", "verify", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("BROKEN: 1 event checked before the break in 1 room, 2 files")
                .contains("first break: event 2 (");
        assertThat(run.err()).startsWith("perch: the compliance files are not intact: event 2 (")
                .contains("in perch-compliance-000000000001.xml: altered:");

        CliRun json = CliRun.run("", "compliance", "verify", dir.toString(), "--output", "json");
        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(json.out()).contains("\"problem\" : \"ALTERED\"", "\"sequence\" : 2",
                "\"file\" : \"perch-compliance-000000000001.xml\"");
    }

    @Test
    @DisplayName("usage errors: no directory, a missing DIR, a bad --output: exit 2")
    void usageErrorsShouldExitTwo() {
        CliRun missing = CliRun.run("", "compliance", "verify", dir.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("perch: no directory " + dir.resolve("nowhere") + "\n");
        assertThat(CliRun.run("", "compliance", "verify").exitCode()).isEqualTo(2);
        CliRun badOutput = CliRun.run("", "compliance", "verify", dir.toString(), "--output", "yaml");
        assertThat(badOutput.exitCode()).isEqualTo(2);
        assertThat(CliRun.run("", "compliance", "verify", "--help").out()).contains("Usage: perch compliance verify");
    }

    private static ComplianceEvent chat(String text) {
        return new ComplianceEvent(UUID.randomUUID(), ComplianceEventType.CHAT, AT, Jid.of("alice@example.org"),
                Optional.of(ROOM), Optional.of(UUID.randomUUID().toString()), text);
    }
}
