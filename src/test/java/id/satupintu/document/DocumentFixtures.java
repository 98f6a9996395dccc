package id.satupintu.document;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/** Output documents as the submission module issues them, at MPP Kabupaten Bandung Barat (WIB). */
final class DocumentFixtures {

    static final Locale INDONESIAN = Locale.of("id");
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private DocumentFixtures() {
    }

    static OutputDocumentContent permit(Locale locale) {
        return permit(locale, WIB, "Siti Nurhaliza", "Permohonan Surat Izin Praktik Bidan DISETUJUI. Surat izin ini "
                + "berlaku selama lima tahun sejak tanggal terbit, selama Surat Tanda Registrasi masih berlaku.");
    }

    static OutputDocumentContent permit(Locale locale, ZoneId zone, String applicant, String decision) {
        return new OutputDocumentContent("3217-20261124-000123", "Surat Izin Praktik Bidan", decision, applicant,
                "3217********0001", "Surat Izin Praktik Bidan (SIPB)", "Dinas Kesehatan Kabupaten Bandung Barat",
                "MPP Kabupaten Bandung Barat", zone, Instant.parse("2026-11-24T02:15:00Z"),
                Instant.parse("2026-11-30T07:40:00Z"), "Rina Marlina", locale);
    }
}
