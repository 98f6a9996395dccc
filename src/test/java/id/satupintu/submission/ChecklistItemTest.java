package id.satupintu.submission;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Requirement lines as the demo catalogue publishes them, read as an upload checklist. */
class ChecklistItemTest {

    @Test
    void readsTheSipChecklistAsFourFilesOneIfItAppliesAndOneNote() {
        List<ChecklistItem> checklist = ChecklistItem.of(List.of(
                "STR (kini berlaku seumur hidup)",
                "Surat keterangan tempat praktik dari fasilitas pelayanan kesehatan",
                "KTP-el",
                "Pas foto",
                "Untuk perpanjangan: bukti kecukupan SKP",
                "Rekomendasi organisasi profesi tidak lagi disyaratkan sejak UU 17/2023"));
        assertThat(checklist).extracting(ChecklistItem::kind).containsExactly(
                ChecklistItem.Kind.REQUIRED, ChecklistItem.Kind.REQUIRED, ChecklistItem.Kind.REQUIRED,
                ChecklistItem.Kind.REQUIRED, ChecklistItem.Kind.CONDITIONAL, ChecklistItem.Kind.NOTE);
        assertThat(checklist).extracting(ChecklistItem::index).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(checklist.get(5).takesFiles()).isFalse();
    }

    @Test
    void onlyALeadingCaseBeforeAColonMakesALineConditional() {
        assertThat(ChecklistItem.kindOf("Untuk badan usaha: akta pendirian dan SK pengesahan Kemenkumham"))
                .isEqualTo(ChecklistItem.Kind.CONDITIONAL);
        assertThat(ChecklistItem.kindOf("Bagi pemohon yang diwakili: surat kuasa"))
                .isEqualTo(ChecklistItem.Kind.CONDITIONAL);
        assertThat(ChecklistItem.kindOf("Surat keterangan untuk keperluan: umum"))
                .isEqualTo(ChecklistItem.Kind.REQUIRED);
        assertThat(ChecklistItem.kindOf("Untuk reklame besar dokumen konstruksi"))
                .isEqualTo(ChecklistItem.Kind.REQUIRED);
    }

    @Test
    void missingRequirementsCountOnlyRequiredLines() {
        var service = new id.satupintu.catalogue.MallService(new id.satupintu.shared.ServiceId(1),
                new id.satupintu.shared.MallId(1), new id.satupintu.shared.AgencyId(1), "sip-nakes",
                new id.satupintu.shared.LocalizedText("SIP", "SIP"),
                List.of("KTP-el", "Untuk perpanjangan: SKP", "Rekomendasi tidak lagi disyaratkan"), List.of(), "",
                "", "", "", "", "", "A", null, true, true, 0);
        assertThat(Submissions.missingRequirements(service, List.of())).containsExactly(0);
        SubmissionDocument ktp = new SubmissionDocument(java.util.UUID.randomUUID(), SubmissionId.random(), 0,
                "ktp.pdf", "application/pdf", 10, "0".repeat(64), java.time.Instant.EPOCH, false);
        assertThat(Submissions.missingRequirements(service, List.of(ktp))).isEmpty();
    }
}
