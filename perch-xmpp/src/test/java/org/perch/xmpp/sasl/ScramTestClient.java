package org.perch.xmpp.sasl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.perch.domain.account.ScramCredentials;
import org.perch.store.ScramMechanism;

/** The client side of SCRAM (RFC 5802 §3), enough to drive the server through whole exchanges. */
final class ScramTestClient {

    private final ScramMechanism mechanism;
    private final String gs2Header;
    private final String password;
    private final String clientFirstBare;
    private final String clientNonce;
    private String serverFirst;
    private String nonce;
    private byte[] saltedPassword;
    private String authMessage;

    ScramTestClient(ScramMechanism mechanism, String gs2Header, String username, String password,
                    String clientNonce) {
        this.mechanism = mechanism;
        this.gs2Header = gs2Header;
        this.password = password;
        this.clientNonce = clientNonce;
        this.clientFirstBare = "n=" + username.replace("=", "=3D").replace(",", "=2C") + ",r=" + clientNonce;
    }

    /** A client without authzid, with the given GS2 flag ("n", "y" or "p=type"). */
    static ScramTestClient of(ScramMechanism mechanism, String flag, String username, String password) {
        return new ScramTestClient(mechanism, flag + ",,", username, password, "clientNonce0123456789");
    }

    byte[] clientFirst() {
        return utf8(gs2Header + clientFirstBare);
    }

    /** Parses server-first-message r=,s=,i= and remembers what the final message needs. */
    Map<String, String> receiveServerFirst(byte[] challenge) {
        serverFirst = new String(challenge, StandardCharsets.UTF_8);
        Map<String, String> attrs = new HashMap<>();
        for (String attr : serverFirst.split(",")) {
            attrs.put(attr.substring(0, 1), attr.substring(2));
        }
        nonce = attrs.get("r");
        assertThat(nonce).startsWith(clientNonce);
        saltedPassword = ScramCredentials.saltedPassword(mechanism, password,
                Base64.getDecoder().decode(attrs.get("s")), Integer.parseInt(attrs.get("i")));
        return attrs;
    }

    byte[] clientFinal(byte[] channelBindingData) {
        return clientFinal(channelBindingData, nonce);
    }

    /** The final message with any nonce, to tamper with it. */
    byte[] clientFinal(byte[] channelBindingData, String useNonce) {
        byte[] header = utf8(gs2Header);
        byte[] cbind = new byte[header.length + channelBindingData.length];
        System.arraycopy(header, 0, cbind, 0, header.length);
        System.arraycopy(channelBindingData, 0, cbind, header.length, channelBindingData.length);
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(cbind) + ",r=" + useNonce;
        authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] clientKey = ScramCredentials.hmac(mechanism, saltedPassword, utf8("Client Key"));
        byte[] storedKey = ScramCredentials.hash(mechanism, clientKey);
        byte[] signature = ScramCredentials.hmac(mechanism, storedKey, utf8(authMessage));
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        return utf8(withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof));
    }

    /** The server-final-message the server must send if it really knows the password's verifier. */
    String expectedServerFinal() {
        byte[] serverKey = ScramCredentials.hmac(mechanism, saltedPassword, utf8("Server Key"));
        return "v=" + Base64.getEncoder().encodeToString(
                ScramCredentials.hmac(mechanism, serverKey, utf8(authMessage)));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
