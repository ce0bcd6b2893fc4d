package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code perch compliance …} as an operator runs it: turned on, events captured, exported, verified. */
class ComplianceCommandsIT extends MucTestBase {

    @Test
    @DisplayName("config set turns compliance on; run-now exports joins, messages and parts once; verify accepts them")
    void complianceShouldRecordAndExportWhatHappens() throws Exception {
        Path out = Files.createTempDirectory("perch-compliance-");
        PerchCommand off = PerchCommand.run(server, "compliance", "status");
        assertThat(off.out()).containsPattern("enabled:\\s+false");
        PerchCommand on = PerchCommand.run(server, "compliance", "config", "set", "--adapter-type", "jsonl",
                "--adapter-output-directory", out.toString(), "--run-interval", "1.00:00:00");
        assertThat(on.exitCode()).as(on.err()).isZero();
        assertThat(on.out()).containsPattern("enabled:\\s+true");

        MultiUserChat room = newRoom(alice);
        configure(room, "perch#members", List.of("bob@localhost"));
        MultiUserChat asBob = join(bob, room, "bob");
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            room.sendMessage("audited " + i);
            Message echo = next(room);
            posted.add(stanzaId(echo));
        }
        asBob.leave();

        PerchCommand run = PerchCommand.run(server, "compliance", "run-now");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("exportBacklog:\\s+0").containsPattern("outboxBacklog:\\s+0");

        List<JsonNode> events = ComplianceExports.read(out);
        assertThat(ComplianceExports.chatMessageIds(events)).containsExactlyElementsOf(posted);
        String address = storedRoom(room).address();
        assertThat(events).filteredOn(e -> e.path("room").path("address").asText().equals(address))
                .extracting(e -> e.path("type").asText() + " " + e.path("actor").asText())
                .contains("ROOM_CREATED alice@localhost", "JOIN alice@localhost", "ROLES_CHANGED alice@localhost",
                        "JOIN bob@localhost", "CHAT alice@localhost", "PART bob@localhost");
        PerchCommand verify = PerchCommand.run(server, "compliance", "verify", out.toString());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();

        PerchCommand removed = PerchCommand.run(server, "compliance", "config", "remove");
        assertThat(removed.out()).containsPattern("enabled:\\s+false");
        PerchCommand notNow = PerchCommand.run(server, "compliance", "run-now");
        assertThat(notNow.exitCode()).isEqualTo(1);
        assertThat(notNow.err()).contains("compliance is off");
    }
}
