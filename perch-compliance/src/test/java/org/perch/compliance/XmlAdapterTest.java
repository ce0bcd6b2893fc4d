package org.perch.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlAdapterTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("one file per batch, named by the batch id: a Conversation per room and one for the category events")
    void oneFilePerBatch() throws IOException {
        List<Path> written = adapter(false, false, false).translate(TestEvents.typical().batch(42));

        assertThat(written).containsExactly(dir.resolve("perch-compliance-000000000042.xml"));
        String xml = Files.readString(written.getFirst());
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><Conversations");
        assertThat(xml.split("<Conversation>", -1)).hasSize(4);
        assertThat(xml).contains("<Channel uri=\"xmpp:bond-desk@chat.example.org\" name=\"xmpp:bond-desk@chat.example.org\">",
                "<Channel uri=\"xmpp:fx@chat.example.org\"", "<Channel uri=\"xmpp:chat.example.org\"",
                "<Message type=\"CATEGORYCREATED\" content=\"Trading\" id=\"5\"",
                "<Message type=\"FILEUPLOAD\" content=\"report.pdf\" id=\"6\"",
                "content=\"a &quot;quoted&quot; &lt;b&gt;bold&lt;/b&gt; &amp; more\"");
        // Without AddUserDetails: no UserName nor email; internal says whose domain is the server's.
        assertThat(xml).contains("<Sender id=\"1\" internal=\"true\" uri=\"alice@example.org\"></Sender>",
                "<Sender id=\"2\" internal=\"false\" uri=\"bob@partner.example\"></Sender>");
        assertThat(xml).doesNotContain("UserName", "email=", ".partial");
        assertThat(filesIn()).containsExactly("perch-compliance-000000000042.xml");
    }

    @Test
    @DisplayName("AddUserDetails and AddChatRoomDetails add the user's name and address, the room's name and id")
    void detailsShouldBeAdded() throws IOException {
        String xml = Files.readString(adapter(false, true, false).translate(TestEvents.typical().batch(1)).getFirst());
        assertThat(xml).contains("<Sender UserName=\"alice\" id=\"1\" email=\"alice@example.org\" internal=\"true\"",
                "<Channel uri=\"xmpp:bond-desk@chat.example.org\" name=\"Bond Desk\" perch:roomId=\""
                        + TestEvents.BOND_DESK.id() + "\"",
                "name=\"FX &quot;spot&quot; &amp; &lt;forwards&gt;\"");
    }

    @Test
    @DisplayName("OneChatRoomPerOutputFile: a file per room named by its address; the category events keep the batch's name")
    void oneFilePerRoom() throws IOException {
        List<Path> written = adapter(true, false, false).translate(TestEvents.typical().batch(7));
        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly(
                "perch-compliance-000000000007-bond-desk.xml", "perch-compliance-000000000007-fx.xml",
                "perch-compliance-000000000007.xml");
        assertThat(Files.readString(dir.resolve("perch-compliance-000000000007-fx.xml")))
                .contains("xmpp:fx@chat.example.org").doesNotContain("bond-desk");
    }

    @Test
    @DisplayName("a retried batch replaces its files: same names, nothing twice")
    void retriedBatchShouldReplaceItsFiles() throws IOException {
        ExportBatch batch = TestEvents.typical().batch(3);
        XmlAdapter adapter = adapter(true, false, true);
        List<Path> first = adapter.translate(batch);
        String before = Files.readString(first.getFirst());
        Files.writeString(dir.resolve(".perch-compliance-000000000003-fx.xml.partial"), "left by a crash");

        List<Path> second = adapter.translate(batch);

        assertThat(second).isEqualTo(first);
        assertThat(Files.readString(second.getFirst())).isEqualTo(before);
        assertThat(filesIn()).containsExactlyInAnyOrder("perch-compliance-000000000003-bond-desk.xml",
                "perch-compliance-000000000003-bond-desk.ATTACH", "perch-compliance-000000000003-fx.xml",
                "perch-compliance-000000000003.xml");
    }

    @Test
    @DisplayName("CreateFileAttachmentsManifest: a .ATTACH beside each file with file transfers, listing them")
    void manifestShouldListFileTransfers() throws IOException {
        List<Path> written = adapter(false, false, true).translate(TestEvents.typical().batch(9));
        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("perch-compliance-000000000009.xml", "perch-compliance-000000000009.ATTACH");
        String manifest = Files.readString(dir.resolve("perch-compliance-000000000009.ATTACH"));
        assertThat(manifest).contains("<FileAttachments output=\"perch-compliance-000000000009.xml\">",
                "<File type=\"FILEUPLOAD\" name=\"report.pdf\" channel=\"xmpp:bond-desk@chat.example.org\""
                        + " sender=\"alice@example.org\"");
        assertThat(manifest.split("<File ", -1)).hasSize(2);

        // Without transfers, no manifest.
        List<Path> none = adapter(false, false, true).translate(TestEvents.typical().batch(10, 0, 2));
        assertThat(none).hasSize(1);
    }

    private XmlAdapter adapter(boolean perRoom, boolean details, boolean manifest) {
        XmlAdapter adapter = new XmlAdapter();
        adapter.configure(TestEvents.settings(dir, perRoom, details, manifest));
        assertThat(adapter.name()).isEqualTo("xml");
        return adapter;
    }

    private List<String> filesIn() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
