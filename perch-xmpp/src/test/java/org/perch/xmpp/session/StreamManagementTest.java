package org.perch.xmpp.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.perch.xmpp.xml.XmlElement;

class StreamManagementTest {

    @Test
    void unacknowledgedStanzasShouldBeBoundedBySizeAsWellAsByCount() {
        StreamManagement sm = new StreamManagement(10_000, 10_000);
        sm.enable("id");
        XmlElement big = message("z".repeat(3_000));

        assertThat(sm.sent(big)).isTrue();
        assertThat(sm.sent(big)).isTrue();
        assertThat(sm.sent(big)).isTrue();
        assertThat(sm.sent(big)).as("four of about 3 KB pass 10,000 bytes").isFalse();
    }

    @Test
    void anAcknowledgementShouldFreeTheSizeOfWhatItConfirms() {
        StreamManagement sm = new StreamManagement(10_000, 10_000);
        sm.enable("id");
        XmlElement big = message("z".repeat(3_000));
        sm.sent(big);
        sm.sent(big);
        long two = sm.unackedBytes();

        assertThat(sm.acknowledge(1)).isTrue();
        assertThat(sm.unackedBytes()).isEqualTo(two / 2);
        assertThat(sm.sent(big)).isTrue();
        assertThat(sm.sent(big)).isTrue();
        assertThat(sm.drainUnacked()).hasSize(3);
        assertThat(sm.unackedBytes()).isZero();
    }

    @Test
    void theCountShouldStillBoundSmallStanzas() {
        StreamManagement sm = new StreamManagement(3, 1L << 30);
        sm.enable("id");
        for (int i = 0; i < 3; i++) {
            assertThat(sm.sent(message("hi"))).isTrue();
        }
        assertThat(sm.sent(message("hi"))).isFalse();
    }

    @Test
    void theApproximateSizeShouldBeCloseToTheWrittenSize() {
        XmlElement stanza = XmlElement.builder("message", "jabber:client").attribute("to", "bob@localhost/phone")
                .attribute("type", "chat").textChild("body", "jabber:client", "hello there, how are you?").build();
        long written = stanza.toString().length();
        assertThat(StreamManagement.approximateBytes(stanza)).isBetween(written / 2, written * 2);
    }

    private static XmlElement message(String body) {
        return XmlElement.builder("message", "jabber:client").textChild("body", "jabber:client", body).build();
    }
}
