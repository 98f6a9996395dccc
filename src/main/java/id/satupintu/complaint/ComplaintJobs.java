package id.satupintu.complaint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Background work on complaints, safe on several instances (each complaint is locked while one handles it): missed
 * deadlines are escalated or closed, and complaints passed on to SP4N-LAPOR! are filed there and followed.
 */
@Component
class ComplaintJobs {

    private static final Logger log = LoggerFactory.getLogger(ComplaintJobs.class);
    private static final int BATCH = 100;

    private final Complaints complaints;

    ComplaintJobs(Complaints complaints) {
        this.complaints = complaints;
    }

    @Scheduled(fixedDelayString = "${satupintu.complaints.job-interval:60s}", initialDelay = 25_000)
    void deadlines() {
        int handled;
        do {
            handled = complaints.handleOverdue(BATCH);
            if (handled > 0) {
                log.info("{} complaints past their deadline were escalated or closed", handled);
            }
        } while (handled == BATCH);
    }

    /** One round: what waits to be filed, then the news of what is there; the rest waits for the next round. */
    @Scheduled(fixedDelayString = "${satupintu.lapor.poll-interval:2m}", initialDelay = 30_000)
    void lapor() {
        int sent = complaints.sendToLapor(BATCH);
        int followed = complaints.followLapor(BATCH);
        if (sent + followed > 0) {
            log.info("SP4N-LAPOR!: {} complaints filed, {} followed", sent, followed);
        }
    }
}
