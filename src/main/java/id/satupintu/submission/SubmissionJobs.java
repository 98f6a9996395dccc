package id.satupintu.submission;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for applications past their deadline and escalates them, or takes the workflow's breach action. */
@Component
class SubmissionJobs {

    private static final Logger log = LoggerFactory.getLogger(SubmissionJobs.class);
    private static final int BATCH = 100;

    private final Submissions submissions;

    SubmissionJobs(Submissions submissions) {
        this.submissions = submissions;
    }

    @Scheduled(fixedDelayString = "${satupintu.submissions.job-interval:60s}", initialDelay = 20_000)
    void run() {
        int handled;
        do {
            handled = submissions.handleOverdue(BATCH);
            if (handled > 0) {
                log.info("{} applications past their deadline were escalated or decided", handled);
            }
        } while (handled == BATCH);
    }
}
