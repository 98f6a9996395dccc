package id.satupintu.insight;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.satupintu.appointment.AppointmentBooked;
import id.satupintu.appointment.AppointmentCancelled;
import id.satupintu.appointment.AppointmentCheckedIn;
import id.satupintu.appointment.AppointmentMissed;
import id.satupintu.appointment.AppointmentStatus;
import id.satupintu.appointment.Appointments;
import id.satupintu.appointment.Booking;
import id.satupintu.queue.TicketEnded;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import id.satupintu.submission.Submission;
import id.satupintu.submission.SubmissionEscalated;
import id.satupintu.submission.SubmissionMoved;
import id.satupintu.submission.Submissions;
import id.satupintu.workflow.Actor;
import id.satupintu.workflow.StateCode;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Feeds the read models from the other modules' events. Each listener runs after the change committed, in a
 * transaction of its own, and is delivered again after a crash (the event publication registry), so each one
 * either counts once (tickets, through a ledger) or recounts what it touches (bookings of a day, one application).
 */
@Component
class InsightListener {

    /** How long a counted ticket is remembered, far past any redelivery after a restart. */
    private static final Duration REMEMBER_COUNTED = Duration.ofDays(30);

    private final TicketCounter tickets;
    private final Rollups rollups;
    private final Malls malls;
    private final Appointments appointments;
    private final Submissions submissions;
    private final Clock clock;

    InsightListener(TicketCounter tickets, Rollups rollups, Malls malls, Appointments appointments,
            Submissions submissions, Clock clock) {
        this.tickets = tickets;
        this.rollups = rollups;
        this.malls = malls;
        this.appointments = appointments;
        this.submissions = submissions;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(TicketEnded ended) {
        tickets.count(ended);
    }

    @ApplicationModuleListener
    void on(AppointmentBooked event) {
        recountBookings(event.appointmentId());
    }

    @ApplicationModuleListener
    void on(AppointmentCancelled event) {
        recountBookings(event.appointmentId());
    }

    @ApplicationModuleListener
    void on(AppointmentCheckedIn event) {
        recountBookings(event.appointmentId());
    }

    @ApplicationModuleListener
    void on(AppointmentMissed event) {
        recountBookings(event.appointmentId());
    }

    private void recountBookings(UUID appointment) {
        Booking booking = appointments.find(appointment);
        LocalDate day = booking.appointment().localDate();
        Map<AppointmentStatus, Integer> counts = appointments.statusCounts(booking.mall().id(), day);
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        rollups.putBookingDay(booking.mall().id(), day, new Rollups.BookingDay(total,
                counts.getOrDefault(AppointmentStatus.CHECKED_IN, 0),
                counts.getOrDefault(AppointmentStatus.CANCELLED, 0),
                counts.getOrDefault(AppointmentStatus.NO_SHOW, 0)));
    }

    /** An application counts from its submission; it is finished when it reaches a terminal state. */
    @ApplicationModuleListener
    void on(SubmissionMoved moved) {
        Submission s = submissions.find(moved.id()).orElseThrow();
        Mall mall = malls.get(s.mallId());
        boolean finished = submissions.workflowOf(s).state(new StateCode(moved.toState())).terminal();
        boolean breached = finished && submissions.timeline(s.id()).stream()
                .anyMatch(step -> step.actorKind() == Actor.SYSTEM);
        rollups.putApplications(List.of(new Rollups.Application(s.id().value(), s.mallId(), s.serviceId(),
                s.agencyId(), s.submittedAt().atZone(mall.timeZone()).toLocalDate(),
                finished ? moved.at().atZone(mall.timeZone()).toLocalDate() : null, breached)));
    }

    @ApplicationModuleListener
    void on(SubmissionEscalated escalated) {
        rollups.breached(escalated.id().value());
    }

    @Scheduled(fixedDelay = 6 * 60 * 60 * 1000L, initialDelay = 5 * 60 * 1000L)
    void forgetOldCounts() {
        rollups.forgetCountedBefore(clock.instant().minus(REMEMBER_COUNTED));
    }
}
