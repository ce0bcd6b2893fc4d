package org.perch.domain.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.perch.core.Jid;

/**
 * The tokens of upload and download URLs (ADR 0007): a URL works for the file and the reader it was made for, under
 * this server's key, and for nothing else.
 */
class FileTokensTest {

    private static final String FILE = "c2xvdC1pZC1mb3ItdGVzdGluZy0xMjM0";
    private static final String OTHER_FILE = "YW5vdGhlci1maWxlLWlkLWZvci10ZXN0";
    private static final Jid BOB = Jid.of("bob@example.org");
    private static final Jid CAROL = Jid.of("carol@example.org");

    private final FileTokens tokens = new FileTokens(key(1));

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void aTokenShouldWorkForItsFileAndReader() {
        assertThat(tokens.isDownload(FILE, BOB, tokens.download(FILE, BOB))).isTrue();
        assertThat(tokens.isUpload(FILE, tokens.upload(FILE))).isTrue();
    }

    @Test
    void aTokenShouldNameTheBareJidSoEveryOneOfTheReadersClientsMayUseIt() {
        assertThat(tokens.download(FILE, Jid.of("bob@example.org/phone"))).isEqualTo(tokens.download(FILE, BOB));
        assertThat(tokens.isDownload(FILE, Jid.of("bob@example.org/desk"), tokens.download(FILE, BOB))).isTrue();
    }

    @Test
    void anotherReadersTokenShouldNotWork() {
        assertThat(tokens.isDownload(FILE, CAROL, tokens.download(FILE, BOB))).isFalse();
        assertThat(tokens.download(FILE, CAROL)).isNotEqualTo(tokens.download(FILE, BOB));
    }

    @Test
    void anotherFilesTokenShouldNotWork() {
        assertThat(tokens.isDownload(FILE, BOB, tokens.download(OTHER_FILE, BOB))).isFalse();
        assertThat(tokens.isUpload(FILE, tokens.upload(OTHER_FILE))).isFalse();
    }

    @Test
    void anUploadTokenShouldNotDownloadNorADownloadTokenUpload() {
        assertThat(tokens.isUpload(FILE, tokens.download(FILE, BOB))).isFalse();
        assertThat(tokens.isDownload(FILE, BOB, tokens.upload(FILE))).isFalse();
    }

    @Test
    void aTokenFromAnotherKeyShouldNotWork() {
        FileTokens forger = new FileTokens(key(2));
        assertThat(tokens.isDownload(FILE, BOB, forger.download(FILE, BOB))).isFalse();
        assertThat(tokens.isUpload(FILE, forger.upload(FILE))).isFalse();
    }

    @Test
    void aTamperedTokenShouldNotWork() {
        String token = tokens.download(FILE, BOB);
        for (int i = 0; i < token.length(); i++) {
            char[] chars = token.toCharArray();
            chars[i] = chars[i] == 'A' ? 'B' : 'A';
            assertThat(tokens.isDownload(FILE, BOB, new String(chars))).as("changed at %d", i).isFalse();
        }
    }

    @Test
    void aTokenOfTheWrongLengthShouldNotWork() {
        String token = tokens.download(FILE, BOB);
        assertThat(token).hasSize(43); // 32 bytes of HMAC-SHA256, base64url without padding
        assertThat(tokens.isDownload(FILE, BOB, token.substring(0, 42))).isFalse();
        assertThat(tokens.isDownload(FILE, BOB, token + "A")).isFalse();
        assertThat(tokens.isDownload(FILE, BOB, token + "=")).isFalse();
        assertThat(tokens.isDownload(FILE, BOB, "")).isFalse();
        assertThat(tokens.isDownload(FILE, BOB, null)).isFalse();
        assertThat(tokens.isUpload(FILE, tokens.upload(FILE).substring(1))).isFalse();
    }

    @Test
    void aTokenWithCharactersOutsideBase64ShouldNotWork() {
        String token = tokens.download(FILE, BOB);
        assertThat(tokens.isDownload(FILE, BOB, token.substring(0, 42) + "\u00e9")).isFalse();
        assertThat(tokens.isDownload(FILE, BOB, token.substring(0, 42) + "?")).isFalse();
    }

    @Test
    void theSameKeyShouldMakeTheSameTokensOnEveryServerOfAPool() {
        assertThat(new FileTokens(key(1)).download(FILE, BOB)).isEqualTo(tokens.download(FILE, BOB));
    }

    @Test
    void aShortKeyShouldBeRefused() {
        assertThatThrownBy(() -> new FileTokens(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
