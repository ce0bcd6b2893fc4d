package org.perch.domain.files;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.perch.core.Jid;

/**
 * The tokens in upload and download URLs: HMAC-SHA256 under the server's signing key, so that only the server makes
 * them and any server of the pool checks them. An upload token names the file; a download token names the file and
 * the one reader it was made for, so a URL passed on to someone else does not work for them.
 */
public final class FileTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public FileTokens(byte[] signingKey) {
        if (signingKey.length < 32) {
            throw new IllegalArgumentException("the signing key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(signingKey.clone(), ALGORITHM);
    }

    public String upload(String fileId) {
        return sign("put\n" + fileId);
    }

    public String download(String fileId, Jid reader) {
        return sign("get\n" + fileId + "\n" + reader.toBare());
    }

    public boolean isUpload(String fileId, String token) {
        return same(upload(fileId), token);
    }

    public boolean isDownload(String fileId, Jid reader, String token) {
        return same(download(fileId, reader), token);
    }

    private static boolean same(String expected, String token) {
        return token != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
