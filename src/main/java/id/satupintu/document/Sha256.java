package id.satupintu.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 fingerprints of files, in lower-case hex as people compare them. */
final class Sha256 {

    private Sha256() {
    }

    static byte[] of(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    static String hex(byte[] content) {
        return HexFormat.of().formatHex(of(content));
    }
}
