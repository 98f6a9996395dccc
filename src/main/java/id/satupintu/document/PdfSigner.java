package id.satupintu.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import java.util.Hashtable;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a PDF as PAdES baseline B: an incremental update with a signature dictionary of SubFilter
 * {@code ETSI.CAdES.detached} whose byte range covers the whole file but the signature itself, holding a detached
 * CMS SignedData (SHA-256) with the signing certificate named in an ESS signing-certificate-v2 attribute.
 */
final class PdfSigner {

    /** What the signature says about itself; a PDF reader shows these. */
    record SignatureFacts(String name, String reason, String location, ZonedDateTime signedAt) {
    }

    private PdfSigner() {
    }

    static byte[] sign(byte[] pdf, SigningKey key, SignatureFacts facts) {
        try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(facts.name());
            signature.setReason(facts.reason());
            signature.setLocation(facts.location());
            signature.setSignDate(GregorianCalendar.from(facts.signedAt()));
            options.setPreferredSignatureSize(room(key));
            document.addSignature(signature, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * room(key) + 4096);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            external.setSignature(cms(external.getContent().readAllBytes(), key));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot sign the document", e);
        }
    }

    /** Bytes to reserve for the CMS: the certificates it carries, the signature and its attributes. */
    private static int room(SigningKey key) {
        int certificates = 0;
        for (X509Certificate certificate : key.chain()) {
            try {
                certificates += certificate.getEncoded().length;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return certificates + 4096;
    }

    static byte[] cms(byte[] signedContent, SigningKey key) {
        try {
            X509Certificate certificate = key.certificate();
            ESSCertIDv2 certId = new ESSCertIDv2(Sha256.of(certificate.getEncoded()), new IssuerSerial(
                    new GeneralNames(new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal()
                            .getEncoded()))), certificate.getSerialNumber()));
            AttributeTable extra = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(certId))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new WithoutSigningTime(extra))
                    .build(new JcaContentSignerBuilder(key.signatureAlgorithm()).build(key.privateKey()), certificate));
            generator.addCertificates(new JcaCertStore(key.chain()));
            return generator.generate(new CMSProcessableByteArray(signedContent), false).getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | CMSException | IOException e) {
            throw new IllegalStateException("Cannot make the document's signature", e);
        }
    }

    /** PAdES takes the signing time from the signature dictionary and forbids the CMS signing-time attribute. */
    private static final class WithoutSigningTime extends DefaultSignedAttributeTableGenerator {

        WithoutSigningTime(AttributeTable attributes) {
            super(attributes);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        protected Hashtable createStandardAttributeTable(Map parameters) {
            Hashtable table = super.createStandardAttributeTable(parameters);
            table.remove(CMSAttributes.signingTime);
            return table;
        }
    }
}
