package org.perch.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;
import org.perch.domain.files.FileTokens;

/**
 * File transfers in the compliance record (ADR 0007, spec §10.1), as an operator sees them: compliance turned on with
 * {@code perch compliance config set}, a file posted in a room and downloaded over HTTPS, the export read back. The
 * post is one FILE_UPLOAD naming the message that posted it; each download is a FILE_DOWNLOAD; a refused download
 * and the owner's own download before posting are not downloads of a posted file and record nothing.
 */
class FileComplianceIT extends FileTestBase {

    @Test
    @DisplayName("a posted file is a FILE_UPLOAD with its message; each download a FILE_DOWNLOAD; verify accepts them")
    void fileTransfersShouldBeInTheComplianceExport() throws Exception {
        Path out = Files.createTempDirectory("perch-compliance-files-");
        PerchCommand on = PerchCommand.run(server, "compliance", "config", "set", "--adapter-type", "jsonl",
                "--adapter-output-directory", out.toString(), "--run-interval", "1.00:00:00");
        assertThat(on.exitCode()).as(on.err()).isZero();

        MultiUserChat aliceRoom = join(alice, "shared");
        MultiUserChat bobRoom = join(bob, "shared");
        byte[] bytes = "the quarterly figures".getBytes(StandardCharsets.UTF_8);
        URL canonical = upload(alice, "figures.csv", bytes);
        String id = idOf(canonical);
        // Before it is posted the owner may fetch it, but that is no download of a room's file.
        String alicesOwn = ownersUrl(canonical);
        assertThat(get(alicesOwn).statusCode()).isEqualTo(200);

        aliceRoom.sendMessage("figures: " + canonical);
        Message received = MucTestBase.next(bobRoom);
        String posting = MucTestBase.stanzaId(received);
        String bobsUrl = urlIn(received);
        assertThat(get(bobsUrl).body()).isEqualTo(bytes);
        assertThat(get(bobsUrl).body()).isEqualTo(bytes);
        assertThat(get(canonical + "?u=eve%40localhost&t=" + tokenIn(bobsUrl)).statusCode()).isEqualTo(404);

        PerchCommand run = PerchCommand.run(server, "compliance", "run-now");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> files = ComplianceExports.read(out).stream()
                .filter(e -> e.path("type").asText().startsWith("FILE_")).toList();

        assertThat(files).extracting(e -> e.path("type").asText() + " " + e.path("actor").asText())
                .containsExactly("FILE_UPLOAD alice@localhost", "FILE_DOWNLOAD bob@localhost",
                        "FILE_DOWNLOAD bob@localhost");
        assertThat(files).allSatisfy(e -> {
            assertThat(e.path("room").path("address").asText()).isEqualTo("shared");
            assertThat(e.path("content").asText()).isEqualTo("file=" + id + "; name=figures.csv; size="
                    + bytes.length + "; type=application/octet-stream");
        });
        assertThat(files.getFirst().path("messageId").asText()).isEqualTo(posting);
        PerchCommand verify = PerchCommand.run(server, "compliance", "verify", out.toString());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        aliceRoom.leave();
        bobRoom.leave();
    }

    /** The owner's URL for a file not posted yet, as a room would make it for them. */
    private static String ownersUrl(URL canonical) {
        FileTokens tokens = new FileTokens(server.server().store().files().signingKey(new byte[32]));
        return canonical + "?u=alice%40localhost&t=" + tokens.download(idOf(canonical), Jid.of("alice@localhost"));
    }
}
