package id.satupintu.complaint;

import java.time.Clock;
import java.util.List;

import id.satupintu.catalogue.Agency;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import id.satupintu.workflow.Actor;
import org.springframework.stereotype.Component;

/** Puts together what the complainant's and the staff's pages show of a complaint. */
@Component
class ComplaintViews {

    private final Complaints complaints;
    private final Malls malls;
    private final Catalogue catalogue;
    private final Clock clock;

    ComplaintViews(Complaints complaints, Malls malls, Catalogue catalogue, Clock clock) {
        this.complaints = complaints;
        this.malls = malls;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    ComplaintView of(Complaint c, Actor viewer) {
        Mall mall = malls.get(c.mallId());
        return new ComplaintView(c, mall, c.agencyId() == null ? null : catalogue.agency(mall.id(), c.agencyId()),
                c.serviceId() == null ? null : catalogue.service(mall.id(), c.serviceId()),
                complaints.category(c.category()), complaints.attachments(c.id()), complaints.timeline(c.id()),
                complaints.actionsFor(c, viewer), complaints.complainantActions(c), c.dueAt() == null ? null : c.dueAt().atZone(mall.timeZone()),
                c.dueAt() != null && c.dueAt().isBefore(clock.instant()));
    }

    /** The rows of a staff list of one mall's complaints. */
    List<ComplaintView.ListRow> rows(Mall mall, List<Complaint> found) {
        List<Agency> agencies = catalogue.agencies(mall.id());
        return found.stream().map(c -> new ComplaintView.ListRow(c,
                agencies.stream().filter(a -> a.id().equals(c.agencyId())).findFirst().orElse(null),
                complaints.category(c.category()), c.dueAt() == null ? null : c.dueAt().atZone(mall.timeZone()),
                c.dueAt() != null && c.dueAt().isBefore(clock.instant()))).toList();
    }
}
