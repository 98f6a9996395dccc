package id.satupintu.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import id.satupintu.shared.CounterId;
import id.satupintu.shared.MallId;
import id.satupintu.shared.ServiceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketTest {

    private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");
    private static final CounterId COUNTER = new CounterId(7);
    private static final ServiceId KTP = new ServiceId(1);
    private static final ServiceId KK = new ServiceId(2);

    private static Ticket waiting() {
        return Ticket.issue(TicketId.random(), new MallId(1), LocalDate.of(2026, 12, 1), "A", 12, KTP, null,
                Channel.KIOSK, T0);
    }

    private static Ticket inStatus(TicketStatus status) {
        Ticket ticket = waiting();
        switch (status) {
            case WAITING -> { }
            case CALLED -> ticket.call(COUNTER, T0.plusSeconds(60));
            case SERVING -> {
                ticket.call(COUNTER, T0.plusSeconds(60));
                ticket.start(T0.plusSeconds(90));
            }
            case DONE -> {
                ticket.call(COUNTER, T0.plusSeconds(60));
                ticket.start(T0.plusSeconds(90));
                ticket.finish(Outcome.COMPLETED, null, T0.plusSeconds(400));
            }
            case NO_SHOW -> {
                ticket.call(COUNTER, T0.plusSeconds(60));
                ticket.markNoShow(T0.plusSeconds(300));
            }
            case CANCELLED -> ticket.cancel(T0.plusSeconds(10));
        }
        assertThat(ticket.status()).isEqualTo(status);
        return ticket;
    }

    private static final Instant LATER = T0.plusSeconds(3600);

    private static final Map<String, Consumer<Ticket>> ACTIONS = Map.of(
            "call", t -> t.call(COUNTER, LATER),
            "recall", t -> t.recall(LATER, 3, Duration.ofSeconds(30)),
            "start", t -> t.start(LATER),
            "finish", t -> t.finish(Outcome.COMPLETED, null, LATER),
            "noShow", t -> t.markNoShow(LATER),
            "transfer", t -> t.transferTo(KK, LATER),
            "cancel", t -> t.cancel(LATER));

    private static final Map<String, Set<TicketStatus>> ALLOWED_FROM = Map.of(
            "call", EnumSet.of(TicketStatus.WAITING),
            "recall", EnumSet.of(TicketStatus.CALLED),
            "start", EnumSet.of(TicketStatus.CALLED),
            "finish", EnumSet.of(TicketStatus.SERVING),
            "noShow", EnumSet.of(TicketStatus.CALLED),
            "transfer", EnumSet.of(TicketStatus.SERVING),
            "cancel", EnumSet.of(TicketStatus.WAITING));

    @ParameterizedTest
    @EnumSource(TicketStatus.class)
    void everyActionNotAllowedFromAStatusIsRefusedAndChangesNothing(TicketStatus status) {
        for (var action : ACTIONS.entrySet()) {
            Ticket ticket = inStatus(status);
            if (ALLOWED_FROM.get(action.getKey()).contains(status)) {
                action.getValue().accept(ticket);
                continue;
            }
            assertThatThrownBy(() -> action.getValue().accept(ticket))
                    .as(action.getKey() + " from " + status)
                    .isInstanceOfSatisfying(QueueError.class,
                            e -> assertThat(e.code()).isEqualTo(QueueError.Code.ILLEGAL_TRANSITION));
            assertThat(ticket.status()).isEqualTo(status);
        }
    }

    @Test
    void finalStatusesAllowNothing() {
        for (TicketStatus status : List.of(TicketStatus.DONE, TicketStatus.NO_SHOW, TicketStatus.CANCELLED)) {
            assertThat(status.isFinal()).isTrue();
            assertThat(ALLOWED_FROM.values()).noneMatch(from -> from.contains(status));
        }
    }

    @Test
    void keepsTheDurationsOfAVisit() {
        Ticket ticket = waiting();
        ticket.call(COUNTER, T0.plusSeconds(600));
        ticket.start(T0.plusSeconds(660));
        ticket.finish(Outcome.COMPLETED, null, T0.plusSeconds(1260));
        assertThat(ticket.waitSeconds()).isEqualTo(600);
        assertThat(ticket.walkSeconds()).isEqualTo(60);
        assertThat(ticket.serviceSeconds()).isEqualTo(600);
        assertThat(ticket.number()).isEqualTo("A012");
    }

    @Test
    void aTransferKeepsTheArrivalAndAddsUpTheSegments() {
        Ticket ticket = waiting();
        ticket.call(COUNTER, T0.plusSeconds(300));
        ticket.start(T0.plusSeconds(330));
        ticket.transferTo(KK, T0.plusSeconds(630));
        assertThat(ticket.status()).isEqualTo(TicketStatus.WAITING);
        assertThat(ticket.serviceId()).isEqualTo(KK);
        assertThat(ticket.firstServiceId()).isEqualTo(KTP);
        assertThat(ticket.arrivalAt()).isEqualTo(T0);
        assertThat(ticket.counterId()).isNull();
        ticket.call(new CounterId(8), T0.plusSeconds(930));
        ticket.start(T0.plusSeconds(960));
        ticket.finish(Outcome.COMPLETED, null, T0.plusSeconds(1260));
        assertThat(ticket.waitSeconds()).isEqualTo(300 + 300);
        assertThat(ticket.walkSeconds()).isEqualTo(30 + 30);
        assertThat(ticket.serviceSeconds()).isEqualTo(300 + 300);
        assertThat(ticket.transferCount()).isEqualTo(1);
    }

    @Test
    void aTransferMustGoToAnotherService() {
        Ticket ticket = inStatus(TicketStatus.SERVING);
        assertThatThrownBy(() -> ticket.transferTo(KTP, LATER)).isInstanceOfSatisfying(QueueError.class,
                e -> assertThat(e.code()).isEqualTo(QueueError.Code.TRANSFER_TO_SAME_SERVICE));
    }

    @Test
    void recallsAreLimitedAndSpacedOut() {
        Ticket ticket = inStatus(TicketStatus.CALLED);
        Instant called = ticket.lastCalledAt();
        assertThatThrownBy(() -> ticket.recall(called.plusSeconds(10), 2, Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(QueueError.class,
                        e -> assertThat(e.code()).isEqualTo(QueueError.Code.RECALL_TOO_SOON));
        ticket.recall(called.plusSeconds(30), 2, Duration.ofSeconds(30));
        ticket.recall(called.plusSeconds(60), 2, Duration.ofSeconds(30));
        assertThat(ticket.recallCount()).isEqualTo(2);
        assertThatThrownBy(() -> ticket.recall(called.plusSeconds(600), 2, Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(QueueError.class,
                        e -> assertThat(e.code()).isEqualTo(QueueError.Code.RECALL_LIMIT));
    }

    @Test
    void anIncompleteServiceNeedsAReason() {
        Ticket ticket = inStatus(TicketStatus.SERVING);
        assertThatThrownBy(() -> ticket.finish(Outcome.INCOMPLETE, " ", LATER))
                .isInstanceOfSatisfying(QueueError.class,
                        e -> assertThat(e.code()).isEqualTo(QueueError.Code.REASON_REQUIRED));
        ticket.finish(Outcome.INCOMPLETE, "Berkas KK belum dibawa", LATER);
        assertThat(ticket.outcome()).isEqualTo(Outcome.INCOMPLETE);
        assertThat(ticket.outcomeReason()).isEqualTo("Berkas KK belum dibawa");
    }
}
