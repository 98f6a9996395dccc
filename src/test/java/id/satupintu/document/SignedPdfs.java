package id.satupintu.document;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks a signed PDF as a PAdES validator does, with PDFBox and BouncyCastle only. */
final class SignedPdfs {

    private SignedPdfs() {
    }

    /** The one signature of the PDF, checked in every part; returns its signing certificate. */
    static X509Certificate verify(byte[] pdf) throws IOException, CMSException, CertificateException,
            OperatorCreationException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            assertThat(signatures).hasSize(1);
            PDSignature signature = signatures.getFirst();
            assertThat(signature.getFilter()).isEqualTo("Adobe.PPKLite");
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            assertThat(signature.getSignDate()).isNotNull();

            // The byte range covers the whole file but the signature's hex string <...> itself.
            int[] range = signature.getByteRange();
            assertThat(range).hasSize(4);
            assertThat(range[0]).isZero();
            assertThat(range[2] + range[3]).isEqualTo(pdf.length);
            assertThat(pdf[range[1]]).isEqualTo((byte) '<');
            assertThat(pdf[range[2] - 1]).isEqualTo((byte) '>');

            // The hex string is padded with zeros after the CMS structure; the first object is the signature.
            ContentInfo contentInfo;
            try (ASN1InputStream in = new ASN1InputStream(signature.getContents(pdf))) {
                contentInfo = ContentInfo.getInstance(in.readObject());
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)),
                    contentInfo);
            assertThat(cms.isDetachedSignature()).isTrue();
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            assertThat(signer.getDigestAlgOID()).isEqualTo(NISTObjectIdentifiers.id_sha256.getId());
            X509CertificateHolder holder = (X509CertificateHolder) cms.getCertificates()
                    .getMatches(signer.getSID()).iterator().next();
            assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder))).isTrue();

            // ESS signing-certificate-v2 names the signer's certificate by its SHA-256; PAdES has no signing-time.
            Attribute essAttribute = signer.getSignedAttributes()
                    .get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
            assertThat(essAttribute).isNotNull();
            ASN1Encodable value = essAttribute.getAttrValues().getObjectAt(0);
            SigningCertificateV2 ess = SigningCertificateV2.getInstance(value);
            assertThat(ess.getCerts()[0].getCertHash()).isEqualTo(Sha256.of(holder.getEncoded()));
            assertThat(signer.getSignedAttributes().get(CMSAttributes.signingTime)).isNull();
            return new JcaX509CertificateConverter().getCertificate(holder);
        }
    }

    /** Whether the signature holds, where any failure to read or check the file counts as not holding. */
    static boolean holds(byte[] pdf) {
        try {
            verify(pdf);
            return true;
        } catch (Exception | AssertionError e) {
            return false;
        }
    }
}
