package org.perch.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Regression cases found by perch-fuzz's StanzaCodecsFuzzTest: a JID must read back equal from its own string. */
class JidTest {

    @Test
    void aDomainThatIsOnlyADotShouldBeRefused() {
        assertThatThrownBy(() -> Jid.of("a@.")).isInstanceOf(InvalidJidException.class);
        assertThatThrownBy(() -> Jid.domainOnly(".")).isInstanceOf(InvalidJidException.class);
    }

    @Test
    void onlyOneFinalDotShouldBeStrippedAndTwoRefused() {
        assertThat(Jid.of("a@example.org.")).isEqualTo(Jid.of("a@example.org"));
        assertThatThrownBy(() -> Jid.of("a@example.org..")).isInstanceOf(InvalidJidException.class);
    }

    @Test
    void aPartLongerThan1023OctetsOnceNormalisedShouldBeRefused() {
        // U+33AF SQUARE RAD OVER S SQUARED is 3 octets, and NFKC turns it into "rad∕s2", 8 octets.
        String local = "\u33af".repeat(341);

        assertThatThrownBy(() -> Jid.of(local + "@example.org")).isInstanceOf(InvalidJidException.class);
        assertThat(Jid.of("\u33af@example.org").local()).isEqualTo("rad\u2215s2");
    }

    @Test
    void aLocalPartThatLowerCasingLeavesUnnormalisedShouldReadBackEqual() {
        // U+0130 lower-cases to "i" and U+0307; with U+073E, another combining mark, after it, the pair needs NFKC
        // again. Found by fuzzing, with the bytes after it not UTF-8 (read as U+FFFD).
        String text = new String(new byte[] {(byte) 0xC4, (byte) 0xB0, (byte) 0xDC, (byte) 0xBE, (byte) 0xB6,
                (byte) 0xB1, (byte) 0xC5, (byte) 0xD0}, java.nio.charset.StandardCharsets.UTF_8);
        Jid jid = Jid.of(text);

        assertThat(Jid.of(jid.toString())).isEqualTo(jid);
    }

    @Test
    void aJidShouldReadBackEqualFromItsString() {
        for (String text : new String[] {"Alice@Example.ORG/Desk", "\u00c4lice@example.org", "example.org.",
                "room@chat.example.org/nick with space", "x@y/z/w@v"}) {
            Jid jid = Jid.of(text);
            assertThat(Jid.of(jid.toString())).as(text).isEqualTo(jid);
        }
    }
}
