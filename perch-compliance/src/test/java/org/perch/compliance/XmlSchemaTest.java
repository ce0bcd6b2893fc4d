package org.perch.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perch.compliance.verify.ComplianceVerifier;
import org.perch.compliance.verify.VerificationReport;
import org.perch.core.Jid;
import org.perch.store.compliance.ComplianceEventType;
import org.perch.store.compliance.ComplianceRoom;
import org.xml.sax.SAXException;

/** The adapter's real output against compliance.xsd, with every kind of text a message can hold. */
class XmlSchemaTest {

    private static final ComplianceRoom ODD_ROOM = new ComplianceRoom(TestEvents.FX.id(), "caf\u00e9#1",
            "tab\there\nnew line \u0001\u0000");

    @TempDir
    Path dir;

    @Test
    @DisplayName("the output of every event type, with nasty content, validates against compliance.xsd")
    void outputShouldValidate() throws Exception {
        TestEvents events = nasty();
        for (boolean perRoom : List.of(false, true)) {
            for (boolean details : List.of(false, true)) {
                Path out = Files.createDirectories(dir.resolve(perRoom + "-" + details));
                XmlAdapter adapter = new XmlAdapter();
                adapter.configure(TestEvents.settings(out, perRoom, details, true));
                for (Path file : adapter.translate(events.batch(1))) {
                    if (file.toString().endsWith(".xml")) {
                        schema().newValidator().validate(new StreamSource(file.toFile()));
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("texts XML cannot hold are written readable, with their exact value beside, and read back exactly")
    void forbiddenCharactersShouldSurviveExactly() throws IOException {
        XmlAdapter adapter = new XmlAdapter();
        adapter.configure(TestEvents.settings(dir, false, true, false));
        Path file = adapter.translate(nasty().batch(1)).getFirst();
        String xml = Files.readString(file);
        // The JDK's writer writes an emoji as one character reference (valid), never as two halves (invalid).
        assertThat(xml.toLowerCase(java.util.Locale.ROOT)).contains("&#x1f600;").doesNotContain("&#xd83d")
                .doesNotContain("\u0000");
        assertThat(xml)
                .contains("perch:content-b64=\"", "perch:roomName-b64=\"", "name=\"tab here new line \uFFFD\uFFFD\"");

        VerificationReport report = ComplianceVerifier.verify(dir);
        assertThat(report.firstBreak()).isEmpty();
        assertThat(report.events()).isEqualTo(nasty().events().size());
    }

    @Test
    @DisplayName("the schema refuses what Perch never writes (a sanity check of the test itself)")
    void schemaShouldRefuseAnUnknownType() throws IOException {
        XmlAdapter adapter = new XmlAdapter();
        adapter.configure(TestEvents.settings(dir, false, false, false));
        Path file = adapter.translate(TestEvents.typical().batch(1)).getFirst();
        Files.writeString(file, Files.readString(file).replace("type=\"CHAT\"", "type=\"SHOUT\""));
        assertThatThrownBy(() -> schema().newValidator().validate(new StreamSource(file.toFile())))
                .isInstanceOf(SAXException.class).hasMessageContaining("SHOUT");
    }

    static Schema schema() throws SAXException {
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(XmlSchemaTest.class.getResource("/org/perch/compliance/compliance.xsd"));
    }

    /** Every event type, and texts with quotes, markup, emoji, control characters, a lone surrogate, 1 MB. */
    private static TestEvents nasty() {
        TestEvents events = new TestEvents();
        List<String> texts = List.of("\"quotes\" 'and' <tags> & &amp; ]]> --> <!-- x", "emoji \uD83D\uDE00 \uD83C\uDDEB\uD83C\uDDF7",
                "controls \u0000\u0001\u0008\u000B\u000C\u001F\u007F \uFFFE\uFFFF end", "tab\tline\nreturn\r end",
                "lone \uD800 surrogate", "", " ", "x".repeat(1_000_000));
        for (String text : texts) {
            events.chat(TestEvents.BOND_DESK, TestEvents.ALICE, text);
        }
        for (ComplianceEventType type : ComplianceEventType.values()) {
            boolean category = type.name().startsWith("CATEGORY");
            events.add(type, category ? Optional.empty() : Optional.of(ODD_ROOM), Jid.of("bob@partner.example"),
                    Optional.of("id with\nnewline"), "t\u0002");
        }
        return events;
    }
}
