package org.perch.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.perch.core.InvalidJidException;
import org.perch.core.Jid;
import org.perch.core.Principal;
import org.perch.core.RoomId;
import org.perch.xmpp.forms.DataForm;
import org.perch.xmpp.mam.MamQuery;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;
import org.perch.xmpp.stanza.Stanzas;
import org.perch.xmpp.stream.Namespaces;
import org.perch.xmpp.xml.XmlElement;
import org.perch.xmpp.xml.XmlWriter;

/**
 * What turns client text into Perch's values: JIDs and principals, the XML writer that sends elements back out,
 * stanza error and result replies, data forms, and MAM queries with their RSM page. Each either gives a value
 * or refuses with its documented error; a value must survive being written and read back.
 */
class StanzaCodecsFuzzTest {
    private static final RoomId ROOM = new RoomId(new UUID(1, 2));
    /** The conditions a MAM query is refused with when the client asked for something wrong or unsupported. */
    private static final Set<StanzaErrorCondition> MAM_REFUSALS = EnumSet.of(StanzaErrorCondition.BAD_REQUEST,
            StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED);

    /** Input: the text of an address, as in a stanza's {@code to}, a form's {@code jid-single} or a principal. */
    @FuzzTest(maxDuration = "5m")
    void jidsAndPrincipalsShouldParseToValuesThatReadBackEqual(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Optional<Jid> parsed = Jid.parse(text);
        Jid jid;
        try {
            jid = Jid.of(text);
        } catch (InvalidJidException e) {
            assertThat(parsed).as("Jid.parse agrees with Jid.of").isEmpty();
            assertJidMalformedInAStanza(text);
            principal(text);
            return;
        }
        assertThat(parsed).contains(jid);
        assertThat(jid.domain()).as("a JID has a domain").isNotEmpty();
        for (String part : List.of(jid.local(), jid.domain(), jid.resource())) {
            assertThat(part.getBytes(StandardCharsets.UTF_8).length).as("RFC 7622 §3.1 part length")
                    .isLessThanOrEqualTo(Jid.MAX_PART_OCTETS);
        }
        assertThat(Jid.of(jid.toString())).as("the JID written out reads back equal").isEqualTo(jid);
        assertThat(Jid.of(jid.toBare().toString())).isEqualTo(jid.toBare());
        XmlElement message = XmlElement.builder("message", Namespaces.CLIENT).attribute("to", text).build();
        assertThat(Stanzas.to(message)).contains(jid);
        principal(text);
    }

    /**
     * Input: one element as a client could send it. The writer must give back XML that reads as the same element;
     * error and result replies must be such elements too; a data form and a MAM query give values or refusals.
     */
    @FuzzTest(maxDuration = "5m")
    @DictionaryFile(resourcePath = "xmpp.dict")
    void elementsShouldWriteAndReadBackAndParseAsFormsAndQueries(byte[] input) {
        Optional<XmlElement> parsed = Elements.parse(input);
        if (parsed.isEmpty()) {
            return;
        }
        XmlElement element = parsed.get();
        assertReadsBack(element);
        assertReadsBack(Stanzas.error(element, StanzaErrorCondition.BAD_REQUEST, "no"));
        assertReadsBack(Stanzas.result(element, element.elements()));
        forms(element);
        mamQuery(element);
        element.elements().forEach(StanzaCodecsFuzzTest::mamQuery);
    }

    static void assertReadsBack(XmlElement element) {
        String xml = XmlWriter.toXml(element);
        Optional<XmlElement> again = Elements.parse(xml);
        assertThat(again).as("%s written by XmlWriter reads back", element.name()).isPresent();
        assertThat(again.get()).as("what XmlWriter wrote, read back").isEqualTo(element);
    }

    private static void forms(XmlElement element) {
        if (element.is("x", DataForm.NS)) {
            DataForm form = DataForm.parse(element);
            assertThat(DataForm.parse(form.toXml())).as("a data form written and read back").isEqualTo(form);
            assertReadsBack(form.toXml());
        }
        element.elements().forEach(StanzaCodecsFuzzTest::forms);
    }

    private static void mamQuery(XmlElement query) {
        try {
            MamQuery q = MamQuery.parse(query, ROOM, ChatHarness.MAX_ARCHIVE_PAGE);
            assertThat(q.history().max()).isBetween(0, ChatHarness.MAX_ARCHIVE_PAGE);
            assertThat(q.history().room()).isEqualTo(ROOM);
            q.fulltext().ifPresent(words -> assertThat(q.search(OptionalLong.empty(), OptionalLong.empty()).text())
                    .isEqualTo(words));
        } catch (StanzaException e) {
            assertThat(e.condition()).as("why a MAM query was refused: %s", e.text()).isIn(MAM_REFUSALS);
        }
    }

    private static void assertJidMalformedInAStanza(String text) {
        XmlElement message = XmlElement.builder("message", Namespaces.CLIENT).attribute("to", text).build();
        try {
            Stanzas.to(message);
        } catch (StanzaException e) {
            assertThat(e.condition()).isEqualTo(StanzaErrorCondition.JID_MALFORMED);
            return;
        }
        throw new AssertionError("an invalid 'to' was taken");
    }

    private static void principal(String text) {
        Principal p;
        try {
            p = Principal.of(text);
        } catch (IllegalArgumentException e) {
            return; // documented: IllegalArgumentException or InvalidJidException naming what is wrong
        }
        assertThat(Principal.of(p.uri())).as("a principal's uri reads back equal").isEqualTo(p);
    }
}
