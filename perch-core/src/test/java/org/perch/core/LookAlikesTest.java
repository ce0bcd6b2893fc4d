package org.perch.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which names pass for one another (TR39 skeletons, as ICU's data has them), and which stay apart. */
class LookAlikesTest {

    @ParameterizedTest(name = "''{0}'' passes for ''{1}''")
    @CsvSource({
        "alice, \u0430lice", // Cyrillic small a
        "ALICE, \u0391LICE", // Greek capital Alpha
        "alice, \u0391LICE", // ... and so for every case of the name
        "Hanna, \u041danna", // Cyrillic capital En, whose small letter н looks like no h
        "KATE, \u041a\u0410\u0422\u0415", // all Cyrillic capitals
        "bob, b\u03c3b", // Greek small sigma, whose capital looks like no O
        "Finance, F\u0456nance", // Cyrillic dotted i
        "alice, a1ice", // digit one for small l
        "john, j0hn", // digit zero for o
        "mike, rnike", // r and n for m
        "PayPal, PayPaI", // capital I for small l, as written
        "Ian, lan",
        "Chlo\u00e9, ChIo\u00e9",
        "Stra\u00dfe, Strasse", // in capitals both are STRASSE
        "Chlo\u00e9, CHLO\u00c9", // case alone
        "Chlo\u00e9, \uff23\uff48\uff4c\uff4f\u00e9", // width: the visible form maps it first
        "Vault, Vault\u200b", // an invisible character
    })
    void lookAlikesShouldBeFound(String name, String lookAlike) {
        assertThat(LookAlikes.of(lookAlike).alike(LookAlikes.of(name))).isTrue();
        assertThat(LookAlikes.of(name).alike(LookAlikes.of(lookAlike))).isTrue();
    }

    @ParameterizedTest(name = "''{0}'' and ''{1}'' stay apart")
    @CsvSource({
        "anna, hanna",
        "Chlo\u00e9, Chloe", // accents make different names, as TR39 has it
        "Chlo\u00e9, Chlo\u00e8",
        "M\u00fcller, Muller",
        "ian, lan", // in one case, a small i and a small l are told apart
        "IAN, lan",
        "Chlo\u00e9, chio\u00e9",
        "Anne Marie, AnneMarie",
        "alice, alicia",
    })
    void differentNamesShouldStayApart(String name, String other) {
        assertThat(LookAlikes.of(other).alike(LookAlikes.of(name))).isFalse();
    }
}
