package id.satupintu.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where the signing key comes from: the PKCS#12 keystore configured in {@code satupintu.signing.keystore}, or else a
 * development key that the first instance to need one generates and keeps in the database, so that every instance
 * signs with the same key. Nobody outside trusts the development key; a deployment configures a real one.
 */
@Component
class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    static final String DEVELOPMENT_SUBJECT = "CN=SatuPintu Development Signing Key, O=SatuPintu";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile SigningKey key;

    SigningKeys(JdbcClient jdbc, Clock clock, @Value("${satupintu.signing.keystore:}") String keystore,
            @Value("${satupintu.signing.keystore-password:}") String password,
            @Value("${satupintu.signing.key-alias:}") String alias) {
        this.jdbc = jdbc;
        this.clock = clock;
        if (keystore.isBlank()) {
            log.warn("No signing keystore is configured (SATUPINTU_SIGNING_KEYSTORE): output documents are signed "
                    + "with a development key kept in the database, which no PDF reader trusts");
        } else {
            // A configured keystore that cannot be read stops the start, rather than documents failing later.
            this.key = fromKeystore(Path.of(keystore), password.toCharArray(), alias);
            log.info("Output documents are signed as {}", key.certificate().getSubjectX500Principal().getName());
        }
    }

    SigningKey get() {
        SigningKey current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = storedDevelopmentKey();
                }
                current = key;
            }
        }
        return current;
    }

    /** The key under {@code alias} in a PKCS#12 file, or its only key when no alias is given. */
    static SigningKey fromKeystore(Path file, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String name = alias == null || alias.isBlank() ? onlyKeyAlias(store) : alias;
            if (!store.isKeyEntry(name)) {
                throw new IllegalStateException("The signing keystore " + file + " has no key named " + name);
            }
            Certificate[] chain = store.getCertificateChain(name);
            return new SigningKey((PrivateKey) store.getKey(name, password),
                    Arrays.stream(chain).map(X509Certificate.class::cast).toList());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the signing keystore " + file + ": " + e.getMessage(), e);
        }
    }

    private static String onlyKeyAlias(KeyStore store) throws GeneralSecurityException {
        List<String> keys = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).toList();
        if (keys.size() != 1) {
            throw new IllegalStateException("The signing keystore holds " + keys.size()
                    + " keys; choose one with SATUPINTU_SIGNING_KEY_ALIAS");
        }
        return keys.getFirst();
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * A new RSA 3072 key with a self-signed certificate valid for five years from {@code now}, and from a year
     * before it: a demo runs on a clock set ahead (SATUPINTU_CLOCK), while PDF readers check with the real time.
     */
    static SigningKey developmentKey(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072, RANDOM);
            KeyPair pair = generator.generateKeyPair();
            X500Principal subject = new X500Principal(DEVELOPMENT_SUBJECT);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(127, RANDOM).add(BigInteger.ONE), Date.from(now.minus(Duration.ofDays(365))),
                    Date.from(now.atZone(ZoneOffset.UTC).plusYears(5).toInstant()), subject, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new SigningKey(pair.getPrivate(), List.of(certificate));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot make a development signing key", e);
        }
    }

    private SigningKey storedDevelopmentKey() {
        return stored().orElseGet(() -> {
            SigningKey fresh = developmentKey(clock.instant());
            try {
                // Two instances starting together may both get here; the first row wins and both use it.
                jdbc.sql("""
                        INSERT INTO document_signing_key (id, private_key, certificate)
                        VALUES (1, :privateKey, :certificate) ON CONFLICT (id) DO NOTHING""")
                        .param("privateKey", fresh.privateKey().getEncoded())
                        .param("certificate", fresh.certificate().getEncoded())
                        .update();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            return stored().orElseThrow();
        });
    }

    private Optional<SigningKey> stored() {
        return jdbc.sql("SELECT private_key, certificate FROM document_signing_key WHERE id = 1")
                .query((rs, row) -> restore(rs.getBytes("private_key"), rs.getBytes("certificate")))
                .optional();
    }

    private static SigningKey restore(byte[] privateKey, byte[] certificate) {
        try {
            X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificate));
            PrivateKey key = KeyFactory.getInstance(x509.getPublicKey().getAlgorithm())
                    .generatePrivate(new PKCS8EncodedKeySpec(privateKey));
            return new SigningKey(key, List.of(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored development signing key cannot be read", e);
        }
    }
}
