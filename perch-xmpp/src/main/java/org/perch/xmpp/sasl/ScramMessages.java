package org.perch.xmpp.sasl;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Parses the client's SCRAM messages (RFC 5802 §7); every syntax error is a MALFORMED_REQUEST. */
final class ScramMessages {

    /** The GS2 header (RFC 5801 §4): {@code n,,}, {@code y,,} or {@code p=type,,}, optionally with an authzid. */
    record Gs2Header(char flag, String channelBindingType, String authzid, String raw) {
    }

    record ClientFirst(Gs2Header header, String username, String nonce, String bare) {
    }

    record ClientFinal(byte[] channelBinding, String nonce, byte[] proof, String withoutProof) {
    }

    private ScramMessages() {
    }

    static ClientFirst parseClientFirst(String message) {
        int flagEnd = message.indexOf(',');
        int authzEnd = flagEnd < 0 ? -1 : message.indexOf(',', flagEnd + 1);
        if (authzEnd < 0) {
            throw malformed("missing GS2 header");
        }
        String flagPart = message.substring(0, flagEnd);
        String authzPart = message.substring(flagEnd + 1, authzEnd);
        Gs2Header header = new Gs2Header(flag(flagPart), flagPart.startsWith("p=") ? cbName(flagPart) : "",
                authzPart.isEmpty() ? "" : saslName(attribute(authzPart, 'a')), message.substring(0, authzEnd + 1));
        String bare = message.substring(authzEnd + 1);
        String[] attrs = bare.split(",", -1);
        if (attrs[0].startsWith("m=")) {
            // RFC 5802 §5.1: a mandatory extension we do not know must fail the exchange.
            throw malformed("unsupported mandatory extension");
        }
        if (attrs.length < 2) {
            throw malformed("client-first-message needs n= and r=");
        }
        String username = saslName(attribute(attrs[0], 'n'));
        if (username.isEmpty()) {
            throw malformed("empty username");
        }
        return new ClientFirst(header, username, nonce(attribute(attrs[1], 'r')), bare);
    }

    static ClientFinal parseClientFinal(String message) {
        int proofAt = message.lastIndexOf(",p=");
        if (proofAt < 0) {
            throw malformed("client-final-message has no proof");
        }
        String withoutProof = message.substring(0, proofAt);
        String[] attrs = withoutProof.split(",", -1);
        if (attrs.length < 2) {
            throw malformed("client-final-message needs c= and r=");
        }
        byte[] binding = base64(attribute(attrs[0], 'c'));
        String nonce = nonce(attribute(attrs[1], 'r'));
        byte[] proof = base64(message.substring(proofAt + 3));
        return new ClientFinal(binding, nonce, proof, withoutProof);
    }

    /** Decodes UTF-8 strictly: SCRAM messages are UTF-8 and a bad sequence is a malformed request. */
    static String utf8(byte[] data) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("message is not valid UTF-8");
        }
    }

    private static char flag(String part) {
        if (part.equals("n") || part.equals("y")) {
            return part.charAt(0);
        }
        if (part.startsWith("p=")) {
            return 'p';
        }
        throw malformed("unknown channel binding flag");
    }

    private static String cbName(String part) {
        String name = part.substring(2);
        if (name.isEmpty() || !name.chars().allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c)
                || c == '.' || c == '-'))) {
            throw malformed("invalid channel binding type");
        }
        return name;
    }

    private static String attribute(String attr, char name) {
        if (attr.length() < 2 || attr.charAt(0) != name || attr.charAt(1) != '=') {
            throw malformed("expected attribute " + name + "=");
        }
        return attr.substring(2);
    }

    /** RFC 5802 §5.1 saslname: ',' and '=' are sent as =2C and =3D; any other '=' is an error. */
    private static String saslName(String encoded) {
        StringBuilder out = new StringBuilder(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c != '=') {
                out.append(c);
            } else if (encoded.startsWith("2C", i + 1)) {
                out.append(',');
                i += 2;
            } else if (encoded.startsWith("3D", i + 1)) {
                out.append('=');
                i += 2;
            } else {
                throw malformed("invalid escape in username");
            }
        }
        return out.toString();
    }

    private static String nonce(String nonce) {
        if (nonce.isEmpty() || !nonce.chars().allMatch(c -> c >= 0x21 && c <= 0x7E && c != ',')) {
            throw malformed("invalid nonce");
        }
        return nonce;
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw malformed("invalid base64");
        }
    }

    private static SaslException malformed(String why) {
        return new SaslException(SaslFailure.MALFORMED_REQUEST, why);
    }
}
