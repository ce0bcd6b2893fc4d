package org.perch.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ScramSha1ClientTest {

    private static final String SERVER_FIRST = "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096";

    @Test
    @DisplayName("RFC 5802 §5: the example exchange, message for message")
    void exchangeShouldMatchTheRfcExample() {
        ScramSha1Client client = new ScramSha1Client("user", "pencil", "fyko+d2lbbFgONRv9qkxdawL");

        assertThat(text(client.initialResponse())).isEqualTo("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL");
        assertThat(text(client.respond(bytes(SERVER_FIRST)))).isEqualTo(
                "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=");
        client.verifySuccess(bytes("v=rmF9pqV8S7suAoZWja4dJRkFsKQ="));
    }

    @Test
    void successShouldBeRefusedWhenTheServerSignatureIsWrong() {
        ScramSha1Client client = new ScramSha1Client("user", "pencil", "fyko+d2lbbFgONRv9qkxdawL");
        client.respond(bytes(SERVER_FIRST));

        assertThatThrownBy(() -> client.verifySuccess(bytes("v=AAAAAAAAAAAAAAAAAAAAAAAAAAA=")))
                .hasMessageContaining("signature");
    }

    @Test
    void challengeShouldBeRefusedWhenTheNonceIsNotTheClients() {
        ScramSha1Client client = new ScramSha1Client("user", "pencil", "mine");

        assertThatThrownBy(() -> client.respond(bytes("r=theirs,s=QSXCR+Q6sek8bf92,i=4096")))
                .hasMessageContaining("server-first-message");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
