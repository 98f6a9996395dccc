package id.satupintu.document;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** The private key that signs output documents, with its certificate first in the chain. */
record SigningKey(PrivateKey privateKey, List<X509Certificate> chain) {

    SigningKey {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("A signing key needs its certificate");
        }
        chain = List.copyOf(chain);
    }

    X509Certificate certificate() {
        return chain.getFirst();
    }

    String signatureAlgorithm() {
        return switch (privateKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new IllegalStateException("Unsupported signing key type " + privateKey.getAlgorithm());
        };
    }
}
