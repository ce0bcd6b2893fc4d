package org.perch.xmpp.muc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 8266 §2.4 comparison of room nicknames, and the look-alikes from other scripts it leaves apart. */
class NicknamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Chlo\u00e9", "chlo\u00e9", "CHLO\u00c9", "Chloe\u0301", "\uff23\uff48\uff4c\uff4f\u00e9",
            " Chlo\u00e9", "Chlo\u00e9\u3000", "Chlo\u200b\u00e9", "\u00adChlo\u00e9"})
    void lookAlikesShouldCompareEqual(String nick) {
        assertThat(Nicknames.key(nick)).isEqualTo(Nicknames.key("Chlo\u00e9")).isEqualTo("chlo\u00e9");
    }

    @Test
    void spacesInsideShouldCountOnceAndDifferentNamesStayDifferent() {
        assertThat(Nicknames.key("Anne\u00a0 Marie")).isEqualTo("anne marie");
        assertThat(Nicknames.key("Anne Marie")).isNotEqualTo(Nicknames.key("AnneMarie"));
        assertThat(Nicknames.key("Chloe")).isNotEqualTo(Nicknames.key("Chlo\u00e9"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u200b", "\u00a0\u3000", "\u2060\u00ad"})
    void nothingVisibleShouldLeaveAnEmptyKey(String nick) {
        assertThat(Nicknames.key(nick)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0421hlo\u00e9", "chl\u043e\u00e9", "\u0421\u041dL\u041e\u00c9", "Ch1o\u00e9",
            "CHLO\u00c9"})
    void lookAlikesFromOtherScriptsAndDigitsShouldPassForTheNickname(String nick) {
        // Cyrillic С, о, Н and О, a digit one for the l; and a case variant, which is one nickname anyway
        assertThat(Nicknames.lookAlike(nick).alike(Nicknames.lookAlike("Chlo\u00e9"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Chloe", "Chlo\u00e8", "Chlo\u00eb", "Zo\u00e9", "Chlo\u00e9 B"})
    void otherNamesShouldNotPassForTheNickname(String nick) {
        assertThat(Nicknames.lookAlike(nick).alike(Nicknames.lookAlike("Chlo\u00e9"))).isFalse();
    }
}
