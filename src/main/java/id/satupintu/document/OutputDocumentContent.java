package id.satupintu.document;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * What an output document says. Texts are printed as given; characters a standard PDF font cannot show are
 * replaced by their nearest plain letter or a question mark.
 *
 * @param referenceNumber    the application's tracking number, such as {@code 3671-20261128-000123}
 * @param title              such as "Surat Izin Praktik"
 * @param decision           the text of the decision; line breaks start new paragraphs
 * @param applicantNikMasked the applicant's NIK masked (such as {@code 3671********0001}); a full NIK is refused
 * @param issuerName         the mall that issues the document, such as "MPP Kabupaten Bandung Barat"
 * @param zone               the mall's time zone, in which dates are printed (WIB, WITA, WIT)
 * @param locale             the language of the document's labels; Indonesian when null
 */
public record OutputDocumentContent(String referenceNumber, String title, String decision, String applicantName,
        String applicantNikMasked, String serviceName, String agencyName, String issuerName, ZoneId zone,
        Instant submittedAt, Instant decidedAt, String officerName, Locale locale) {

    public OutputDocumentContent {
        required("referenceNumber", referenceNumber);
        required("title", title);
        required("decision", decision);
        required("applicantName", applicantName);
        required("serviceName", serviceName);
        required("agencyName", agencyName);
        required("issuerName", issuerName);
        if (zone == null || submittedAt == null || decidedAt == null) {
            throw new IllegalArgumentException("An output document needs the zone and both dates");
        }
        if (applicantNikMasked != null && applicantNikMasked.replaceAll("\\D", "").length() >= 16) {
            throw new IllegalArgumentException("An output document shows the NIK masked, never in full");
        }
        if (locale == null) {
            locale = Locale.of("id");
        }
    }

    private static void required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An output document needs " + name);
        }
    }
}
