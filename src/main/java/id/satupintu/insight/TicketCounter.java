package id.satupintu.insight;

import java.time.Clock;

import id.satupintu.catalogue.Catalogue;
import id.satupintu.queue.Channel;
import id.satupintu.queue.Outcome;
import id.satupintu.queue.TicketEnded;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts an ended ticket into the daily and monthly rollups, once however often it is told. */
@Component
class TicketCounter {

    private final Rollups rollups;
    private final Malls malls;
    private final Catalogue catalogue;
    private final Clock clock;

    TicketCounter(Rollups rollups, Malls malls, Catalogue catalogue, Clock clock) {
        this.rollups = rollups;
        this.malls = malls;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Transactional
    public void count(TicketEnded ended) {
        if (!rollups.countOnce(ended.ticket().value(), clock.instant())) {
            return;
        }
        Mall mall = malls.get(ended.mall());
        rollups.add(new Rollups.EndedTicket(ended.mall(), ended.localDate(), ended.service(),
                catalogue.service(ended.mall(), ended.service()).agencyId(), ended.channel() == Channel.APPOINTMENT,
                ended.priority(), ended.status().name(), ended.outcome() == Outcome.COMPLETED, ended.called(),
                ended.waitSeconds(), ended.serviceSeconds(), Rollups.hourAt(ended.arrivalAt(), mall.timeZone())));
    }
}
