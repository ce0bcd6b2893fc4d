package org.perch.domain.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The display name a client's file name becomes (ADR 0007): what other readers see in the room and in the download's
 * Content-Disposition, so nothing in it may pass for a directory, hide an extension or break a line.
 */
class FileNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "report.pdf|report.pdf",
        "../../etc/passwd|passwd",
        "C:\\Users\\alice\\report.pdf|report.pdf",
        "a/b\\c/d.txt|d.txt",
        "..|file",
        "....|file",
        ".bashrc|bashrc",
        "...hidden|hidden",
        "a....b.txt|a.b.txt",
        "a..b..c|a.b.c",
        ". . .x|x",
        "what?.txt|what.txt",
    })
    void pathsDotsAndReservedCharactersShouldNotSurvive(String raw, String expected) {
        assertThat(FileNames.sanitise(raw)).isEqualTo(expected);
    }

    @Test
    void charactersWindowsReservesShouldNotSurvive() {
        assertThat(FileNames.sanitise("a<b>c|d:e*f\"g?.txt")).isEqualTo("abcdefg.txt");
    }

    @Test
    void aNameShouldNeverContainDotDotWhateverSurroundsIt() {
        for (String raw : new String[] {"a...b", "a.\u0000.b", "..\u202e..x", ". ..", "x\u2028..\u2029.y"}) {
            assertThat(FileNames.sanitise(raw)).as(raw).doesNotContain("..").doesNotStartWith(".");
        }
    }

    @Test
    void controlCharactersShouldBeRemoved() {
        assertThat(FileNames.sanitise("line\nbreak\r\ttab\u0000nul\u007fdel\u0085nel.txt"))
                .isEqualTo("linebreaktabnuldelnel.txt");
    }

    @Test
    void lineAndParagraphSeparatorsShouldBeRemoved() {
        assertThat(FileNames.sanitise("one\u2028two\u2029three.txt")).isEqualTo("onetwothree.txt");
    }

    @Test
    void bidirectionalOverridesShouldNotDisguiseTheExtension() {
        // "invoice\u202Efdp.exe" is shown as "invoiceexe.pdf" by a bidi-aware renderer.
        assertThat(FileNames.sanitise("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(FileNames.sanitise("\u2066a\u2067b\u2068c\u2069\u200e\u200f\u061cd.txt")).isEqualTo("abcd.txt");
    }

    @Test
    void zeroWidthAndPrivateUseCharactersShouldBeRemoved() {
        assertThat(FileNames.sanitise("pay\u200broll\ufeff\ue000.xlsx")).isEqualTo("payroll.xlsx");
    }

    @Test
    void loneSurrogatesShouldBeRemovedAndPairsKept() {
        assertThat(FileNames.sanitise("a\ud800b\udc00c.txt")).isEqualTo("abc.txt");
        assertThat(FileNames.sanitise("smile \ud83d\ude00.png")).isEqualTo("smile \ud83d\ude00.png");
    }

    @Test
    void otherScriptsShouldBeKeptInComposedForm() {
        assertThat(FileNames.sanitise("Übersicht €.txt")).isEqualTo("Übersicht €.txt");
        assertThat(FileNames.sanitise("cafe\u0301.txt")).isEqualTo("caf\u00e9.txt");
        assertThat(FileNames.sanitise("דוח שנתי.pdf")).isEqualTo("דוח שנתי.pdf");
    }

    @Test
    void aVeryLongNameShouldBeCutToTheLimitInCodePoints() {
        assertThat(FileNames.sanitise("a".repeat(5000) + ".txt")).isEqualTo("a".repeat(FileNames.MAX_LENGTH));
        String emoji = "\ud83d\udcc4".repeat(150);
        String cut = FileNames.sanitise(emoji);
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(FileNames.MAX_LENGTH);
        assertThat(cut).isEqualTo("\ud83d\udcc4".repeat(FileNames.MAX_LENGTH));
    }

    @Test
    void aNameCutAtTheLimitShouldNotEndInSpace() {
        assertThat(FileNames.sanitise("a".repeat(FileNames.MAX_LENGTH - 1) + " b")).isEqualTo(
                "a".repeat(FileNames.MAX_LENGTH - 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "/", "dir/", "\\", "\u0000\u0001", "\u202e", ". .", "\u00a0.\u3000"})
    void aNameWithNothingLeftShouldBecomeTheFallback(String raw) {
        assertThat(FileNames.sanitise(raw)).isEqualTo(FileNames.FALLBACK);
    }

    @Test
    void noNameShouldBecomeTheFallback() {
        assertThat(FileNames.sanitise(null)).isEqualTo(FileNames.FALLBACK);
    }

    @Test
    void spaceAroundTheNameShouldGo() {
        assertThat(FileNames.sanitise("  notes 2026.txt \t")).isEqualTo("notes 2026.txt");
    }
}
