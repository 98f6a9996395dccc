package id.satupintu.submission;

import java.time.Clock;

import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.region.Malls;
import id.satupintu.workflow.Actor;
import org.springframework.stereotype.Component;

/** Puts together what the applicant's and the officer's pages show of an application. */
@Component
class ApplicationViews {

    private final Submissions submissions;
    private final Malls malls;
    private final Catalogue catalogue;
    private final Clock clock;

    ApplicationViews(Submissions submissions, Malls malls, Catalogue catalogue, Clock clock) {
        this.submissions = submissions;
        this.malls = malls;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    ApplicationView of(Submission s, Actor viewer) {
        MallService service = catalogue.service(s.mallId(), s.serviceId());
        return ApplicationView.of(s, malls.get(s.mallId()), service, catalogue.agency(s.mallId(), s.agencyId()),
                submissions.documents(s.id()), submissions.timeline(s.id()), submissions.workflowOf(s), viewer,
                clock.instant());
    }
}
