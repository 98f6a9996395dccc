package id.satupintu.submission;

import java.time.LocalDate;
import java.util.Locale;

import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.identity.Citizen;
import id.satupintu.identity.Citizens;
import id.satupintu.region.Malls;

/** Makes applications ready to send for tests, through the same service the pages and the API use. */
final class Applications {

    static final String NIK = "3671054501950003";

    private final Submissions submissions;
    private final Citizens citizens;
    private final Catalogue catalogue;
    private final Malls malls;

    Applications(Submissions submissions, Citizens citizens, Catalogue catalogue, Malls malls) {
        this.submissions = submissions;
        this.citizens = citizens;
        this.catalogue = catalogue;
        this.malls = malls;
    }

    Party.Applicant applicant() {
        Citizen citizen = citizens.registerVerified(NIK, "Dewi Lestari", LocalDate.of(1995, 1, 5),
                "dewi.lestari@example.test", null);
        return new Party.Applicant(citizen.id(), citizen.fullName(), Party.Applicant.WEB);
    }

    /** An online service of the mall that asks for documents. */
    MallService onlineService(String mallCode) {
        return catalogue.activeServices(malls.getByCode(mallCode).id()).stream()
                .filter(s -> s.online() && !s.requirements().isEmpty())
                .findFirst().orElseThrow();
    }

    /** A draft with a file for every requirement, ready to send. */
    Submission complete(Party.Applicant applicant, String mallCode, MallService service) {
        Submission draft = submissions.startDraft(applicant, mallCode, service.code(), Locale.of("id"));
        for (int n = 0; n < service.requirements().size(); n++) {
            submissions.attach(draft.id(), applicant, n, "berkas-" + n + ".pdf", SubmissionFiles.pdf());
        }
        return draft;
    }
}
