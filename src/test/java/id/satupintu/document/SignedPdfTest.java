package id.satupintu.document;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PAdES signature of output documents, checked with PDFBox and BouncyCastle, without the application. */
class SignedPdfTest {

    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    static SigningKey developmentKey;

    @BeforeAll
    static void makeKey() {
        developmentKey = SigningKeys.developmentKey(NOW);
    }

    static PdfSigner.SignatureFacts facts() {
        return new PdfSigner.SignatureFacts("MPP Kabupaten Bandung Barat", "Surat Izin Praktik nomor 3217-1",
                "MPP Kabupaten Bandung Barat", NOW.atZone(ZoneId.of("Asia/Jakarta")));
    }

    @Test
    void theDevelopmentKeyIsRsa3072WithASelfSignedCertificateValidForYears() throws Exception {
        X509Certificate certificate = developmentKey.certificate();
        assertThat(certificate.getSubjectX500Principal().getName())
                .isEqualTo("CN=SatuPintu Development Signing Key,O=SatuPintu");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        certificate.verify(certificate.getPublicKey());
        assertThat(((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
        assertThat(certificate.getNotBefore()).isBefore(Date.from(NOW));
        assertThat(certificate.getNotAfter()).isAfter(Date.from(NOW.plus(Duration.ofDays(4 * 365))));
        assertThat(certificate.getKeyUsage()[0]).as("digitalSignature").isTrue();
    }

    @Test
    void theSignatureIsPadesAndCoversTheWholeFile() throws Exception {
        byte[] signed = PdfSigner.sign(TestFiles.pdf("Surat Izin Praktik"), developmentKey, facts());

        X509Certificate signer = SignedPdfs.verify(signed);
        assertThat(signer).isEqualTo(developmentKey.certificate());
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignature signature = document.getLastSignatureDictionary();
            assertThat(signature.getName()).isEqualTo("MPP Kabupaten Bandung Barat");
            assertThat(signature.getReason()).isEqualTo("Surat Izin Praktik nomor 3217-1");
            assertThat(signature.getLocation()).isEqualTo("MPP Kabupaten Bandung Barat");
            assertThat(signature.getSignDate().toInstant()).isEqualTo(NOW);
        }
    }

    @Test
    void changingAnyOneByteBreaksTheSignature() throws Exception {
        byte[] signed = PdfSigner.sign(TestFiles.pdf("Keputusan: disetujui"), developmentKey, facts());
        assertThat(SignedPdfs.holds(signed)).isTrue();
        int[] range;
        try (PDDocument document = Loader.loadPDF(signed)) {
            range = document.getLastSignatureDictionary().getByteRange();
        }
        // One byte in the original document, one in the signature's own dictionary after the hex string.
        for (int position : new int[] {range[1] / 2, range[2] + 20}) {
            byte[] tampered = signed.clone();
            tampered[position] ^= 0x01;
            assertThat(SignedPdfs.holds(tampered)).as("byte " + position).isFalse();
        }
        String text = new String(signed, java.nio.charset.StandardCharsets.ISO_8859_1);
        int decision = text.indexOf("disetujui");
        assertThat(decision).isPositive();
        byte[] rewritten = signed.clone();
        System.arraycopy("ditolak!!".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, rewritten, decision,
                9);
        assertThat(SignedPdfs.holds(rewritten)).isFalse();
    }

    @Test
    void aConfiguredPkcs12KeystoreSignsInsteadOfTheDevelopmentKey(@TempDir Path directory) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        X500Name subject = new X500Name("CN=MPP Kabupaten Bandung Barat, O=Pemerintah Kabupaten Bandung Barat, C=ID");
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                subject, BigInteger.valueOf(42), Date.from(NOW.minus(Duration.ofDays(1))),
                Date.from(NOW.plus(Duration.ofDays(365))), subject, pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        char[] password = "rahasia-mpp".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("mpp-kbb", pair.getPrivate(), password, new Certificate[] {certificate});
        Path file = directory.resolve("signing.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }

        // No database is at hand: a configured keystore never needs one.
        SigningKeys keys = new SigningKeys(null, null, file.toString(), "rahasia-mpp", "mpp-kbb");
        assertThat(keys.get().certificate()).isEqualTo(certificate);
        assertThat(new SigningKeys(null, null, file.toString(), "rahasia-mpp", "").get().certificate())
                .as("the only key, without an alias").isEqualTo(certificate);
        byte[] signed = PdfSigner.sign(TestFiles.pdf("Surat Izin Praktik"), keys.get(), facts());
        assertThat(SignedPdfs.verify(signed)).isEqualTo(certificate);

        assertThatThrownBy(() -> new SigningKeys(null, null, file.toString(), "rahasia-mpp", "lain"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no key named lain");
        assertThatThrownBy(() -> new SigningKeys(null, null, file.toString(), "salah", "mpp-kbb"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Cannot read the signing keystore");
    }
}
