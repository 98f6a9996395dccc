package id.satupintu.appointment;

import java.time.Clock;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Background work of the bookings, safe with several instances: each step is one statement that claims what it
 * changes, so two instances running it at once neither miss nor repeat anything.
 * <ul>
 * <li>Bookings whose check-in window has passed become no-shows.
 * <li>Bookings for tomorrow get their reminder, once: the claim marks them in the same transaction that records
 * the reminder event for delivery.
 * </ul>
 */
@Component
class AppointmentJobs {

    private static final Logger log = LoggerFactory.getLogger(AppointmentJobs.class);
    private static final int REMINDER_BATCH = 200;

    private final AppointmentStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final LocalTime remindFrom;

    AppointmentJobs(AppointmentStore store, ApplicationEventPublisher events, Clock clock,
            TransactionTemplate transaction,
            @Value("${satupintu.appointments.reminders-from:09:00}") LocalTime remindFrom) {
        this.store = store;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
        this.remindFrom = remindFrom;
    }

    @Scheduled(fixedDelayString = "${satupintu.appointments.job-interval:60s}", initialDelay = 30_000)
    void run() {
        markNoShows();
        while (sendReminders() == REMINDER_BATCH) {
            log.debug("More reminders are due; sending the next batch");
        }
    }

    int markNoShows() {
        Integer marked = transaction.execute(status -> {
            List<UUID> missed = store.markNoShows(clock.instant());
            missed.forEach(id -> events.publishEvent(new AppointmentMissed(id)));
            return missed.size();
        });
        if (marked != null && marked > 0) {
            log.info("{} bookings were not checked in in time and became no-shows", marked);
        }
        return marked == null ? 0 : marked;
    }

    /** Claims a batch of due reminders and records one reminder event per booking; returns how many. */
    int sendReminders() {
        Integer sent = transaction.execute(status -> {
            List<UUID> due = store.claimReminders(clock.instant(), remindFrom, REMINDER_BATCH);
            due.forEach(id -> events.publishEvent(new AppointmentReminderDue(id)));
            return due.size();
        });
        return sent == null ? 0 : sent;
    }
}
