package id.satupintu.queue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.Counter;
import id.satupintu.catalogue.MallService;
import id.satupintu.identity.StaffPrincipal;
import id.satupintu.identity.StaffRole;
import id.satupintu.region.Mall;
import id.satupintu.region.MallCalendar;
import id.satupintu.region.Malls;
import id.satupintu.shared.CounterId;
import id.satupintu.shared.Forbidden;
import id.satupintu.shared.NotFoundException;
import id.satupintu.shared.ServiceId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What officers do at a counter: open, pause and close it; call the next ticket by the call order policy (never a
 * ticket of their choosing); recall, start, finish, mark a no-show, transfer. An officer acts only on counters of
 * their own agency in their own mall; the mall's manager may act on every counter of the mall.
 */
@Service
public class CounterDesk {

    private final TicketStore store;
    private final Queue queue;
    private final QueueEvents events;
    private final Malls malls;
    private final MallCalendar calendar;
    private final Catalogue catalogue;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher published;
    private final Clock clock;

    CounterDesk(TicketStore store, Queue queue, QueueEvents events, Malls malls, MallCalendar calendar,
            Catalogue catalogue, JdbcClient jdbc, ApplicationEventPublisher published, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.events = events;
        this.malls = malls;
        this.calendar = calendar;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.published = published;
        this.clock = clock;
    }

    /** A counter with its live state, as the officer sees it. */
    public record CounterView(long id, String name, String mallCode, String agencyCode, List<String> serviceCodes,
            String status, String pauseReason) {
    }

    /** The counters this staff member may operate. A read: it neither writes nor locks. */
    @Transactional(readOnly = true)
    public List<CounterView> countersOf(StaffPrincipal staff) {
        if (staff.role() == StaffRole.NATIONAL_ADMIN) {
            return List.of();
        }
        Mall mall = malls.get(staff.mallId());
        Map<CounterId, CounterState> states = store.counterStates(mall.id());
        Codes codes = new Codes(mall);
        return catalogue.counters(mall.id()).stream()
                .filter(c -> staff.role() == StaffRole.MALL_MANAGER || c.agencyId().equals(staff.agencyId()))
                .map(c -> codes.view(c, states.getOrDefault(c.id(),
                        new CounterState(c.id(), mall.id(), CounterStatus.CLOSED, null, 0, clock.instant()))))
                .toList();
    }

    @Transactional
    public CounterView open(StaffPrincipal staff, CounterId counterId) {
        return changeStatus(staff, counterId, CounterStatus.OPEN, null);
    }

    @Transactional
    public CounterView pause(StaffPrincipal staff, CounterId counterId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new QueueError(QueueError.Code.REASON_REQUIRED);
        }
        return changeStatus(staff, counterId, CounterStatus.PAUSED, reason.strip());
    }

    @Transactional
    public CounterView close(StaffPrincipal staff, CounterId counterId) {
        return changeStatus(staff, counterId, CounterStatus.CLOSED, null);
    }

    private CounterView changeStatus(StaffPrincipal staff, CounterId counterId, CounterStatus status,
            String reason) {
        Operated operated = operate(staff, counterId);
        CounterState state = operated.state();
        if (status != CounterStatus.OPEN) {
            store.atCounter(counterId).ifPresent(busy -> {
                throw new QueueError(QueueError.Code.COUNTER_BUSY, busy.number());
            });
        }
        Instant now = clock.instant();
        CounterState next = new CounterState(state.counterId(), state.mallId(), status, reason,
                status == CounterStatus.OPEN ? state.priorityStreak() : 0,
                status == state.status() ? state.statusSince() : now);
        store.saveCounter(next);
        events.changed(operated.mall().id());
        return view(operated.mall(), operated.counter(), next);
    }

    /** Calls the next ticket for this counter, or returns empty when nobody waits for its services. */
    @Transactional
    public Optional<TicketView> callNext(StaffPrincipal staff, CounterId counterId, Locale locale) {
        Operated operated = operate(staff, counterId);
        CounterState state = operated.state();
        if (state.status() != CounterStatus.OPEN) {
            throw new QueueError(QueueError.Code.COUNTER_NOT_OPEN);
        }
        store.atCounter(counterId).ifPresent(busy -> {
            throw new QueueError(QueueError.Code.COUNTER_BUSY, busy.number());
        });
        Mall mall = operated.mall();
        LocalDate day = calendar.now(mall).toLocalDate();
        Set<ServiceId> services = new HashSet<>(operated.counter().services());
        boolean priorityWaiting = store.anyWaiting(mall.id(), day, services, true);
        boolean regularWaiting = store.anyWaiting(mall.id(), day, services, false);
        int maxStreak = store.settings(mall.id()).maxPriorityStreak();
        Optional<CallOrderPolicy.Lane> lane =
                CallOrderPolicy.nextLane(priorityWaiting, regularWaiting, state.priorityStreak(), maxStreak);
        if (lane.isEmpty()) {
            return Optional.empty();
        }
        CallOrderPolicy.Lane chosen = lane.get();
        Optional<Ticket> next = store.lockNextWaiting(mall.id(), day, services,
                chosen == CallOrderPolicy.Lane.PRIORITY);
        if (next.isEmpty()) {
            chosen = chosen == CallOrderPolicy.Lane.PRIORITY ? CallOrderPolicy.Lane.REGULAR
                    : CallOrderPolicy.Lane.PRIORITY;
            next = store.lockNextWaiting(mall.id(), day, services, chosen == CallOrderPolicy.Lane.PRIORITY);
        }
        if (next.isEmpty()) {
            return Optional.empty();
        }
        Ticket ticket = next.get();
        Instant now = clock.instant();
        ticket.call(counterId, now);
        store.update(ticket);
        store.saveCounter(new CounterState(state.counterId(), state.mallId(), state.status(), state.pauseReason(),
                CallOrderPolicy.streakAfter(chosen, regularWaiting, state.priorityStreak()), state.statusSince()));
        store.event(ticket, "CALLED", counterId, null, now);
        events.called(mall.id(), ticket, operated.counter().name());
        return Optional.of(view(operated, ticket, locale));
    }

    @Transactional
    public TicketView recall(StaffPrincipal staff, TicketId id, Locale locale) {
        return act(staff, id, locale, (ticket, operated, now) -> {
            QueueSettings settings = store.settings(operated.mall().id());
            ticket.recall(now, settings.maxRecalls(), settings.recallCooldown());
            store.event(ticket, "RECALLED", ticket.counterId(), null, now);
            events.called(operated.mall().id(), ticket, operated.counter().name());
        });
    }

    @Transactional
    public TicketView start(StaffPrincipal staff, TicketId id, Locale locale) {
        return act(staff, id, locale, (ticket, operated, now) -> {
            ticket.start(now);
            store.event(ticket, "STARTED", ticket.counterId(), null, now);
        });
    }

    @Transactional
    public TicketView finish(StaffPrincipal staff, TicketId id, Outcome outcome, String reason, Locale locale) {
        return act(staff, id, locale, (ticket, operated, now) -> {
            CounterId counter = ticket.counterId();
            ticket.finish(outcome == null ? Outcome.COMPLETED : outcome, reason, now);
            store.event(ticket, "FINISHED", counter, ticket.outcome().name(), now);
        });
    }

    @Transactional
    public TicketView noShow(StaffPrincipal staff, TicketId id, Locale locale) {
        return act(staff, id, locale, (ticket, operated, now) -> {
            ticket.markNoShow(now);
            store.event(ticket, "NO_SHOW", ticket.counterId(), null, now);
        });
    }

    @Transactional
    public TicketView transfer(StaffPrincipal staff, TicketId id, String serviceCode, Locale locale) {
        return act(staff, id, locale, (ticket, operated, now) -> {
            MallService next = catalogue.findService(operated.mall().id(), serviceCode)
                    .filter(MallService::active)
                    .orElseThrow(() -> new NotFoundException(NotFoundException.Code.SERVICE_NOT_FOUND, serviceCode));
            CounterId from = ticket.counterId();
            ticket.transferTo(next.id(), now);
            store.event(ticket, "TRANSFERRED", from, next.code(), now);
        });
    }

    /** The ticket now at this counter, if any. */
    @Transactional(readOnly = true)
    public Optional<TicketView> currentTicket(StaffPrincipal staff, CounterId counterId, Locale locale) {
        Operated operated = operateReadOnly(staff, counterId);
        return store.atCounter(counterId).map(t -> view(operated, t, locale));
    }

    private interface Action {
        void apply(Ticket ticket, Operated operated, Instant now);
    }

    private TicketView act(StaffPrincipal staff, TicketId id, Locale locale, Action action) {
        Ticket ticket = store.lock(id).orElseThrow(() -> new QueueError(QueueError.Code.TICKET_NOT_FOUND));
        if (ticket.counterId() == null) {
            requireSameMall(staff, ticket);
            throw new QueueError(QueueError.Code.ILLEGAL_TRANSITION, ticket.number(), ticket.status());
        }
        Operated operated = operateReadOnly(staff, ticket.counterId());
        action.apply(ticket, operated, clock.instant());
        store.update(ticket);
        if (ticket.status() != TicketStatus.CALLED) {
            events.ticketChanged(operated.mall().id(), ticket);
        }
        if (ticket.status().isFinal()) {
            published.publishEvent(TicketEnded.of(ticket));
        }
        return view(operated, ticket, locale);
    }

    private void requireSameMall(StaffPrincipal staff, Ticket ticket) {
        if (staff.mallId() == null || !staff.mallId().equals(ticket.mallId())) {
            throw new QueueError(QueueError.Code.TICKET_NOT_FOUND);
        }
    }

    record Operated(Mall mall, Counter counter, CounterState state) {
    }

    /** The counter, if this staff member may operate it, with its live state locked for this transaction. */
    private Operated operate(StaffPrincipal staff, CounterId counterId) {
        Operated operated = operateReadOnly(staff, counterId);
        return new Operated(operated.mall(), operated.counter(),
                store.lockCounterState(counterId, operated.mall().id(), clock.instant()));
    }

    private Operated operateReadOnly(StaffPrincipal staff, CounterId counterId) {
        Long mallId = jdbc.sql("SELECT mall_id FROM counter WHERE id = :id").param("id", counterId.value())
                .query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException(NotFoundException.Code.COUNTER_NOT_FOUND, counterId));
        Mall mall = malls.get(new id.satupintu.shared.MallId(mallId));
        Counter counter = catalogue.counter(mall.id(), counterId);
        boolean allowed = switch (staff.role()) {
            case OFFICER -> mall.id().equals(staff.mallId()) && counter.agencyId().equals(staff.agencyId());
            case MALL_MANAGER -> mall.id().equals(staff.mallId());
            case NATIONAL_ADMIN -> false;
        };
        if (!allowed) {
            throw new Forbidden();
        }
        return new Operated(mall, counter, null);
    }

    private TicketView view(Operated operated, Ticket ticket, Locale locale) {
        MallService service = catalogue.service(operated.mall().id(), ticket.serviceId());
        Counter counter = ticket.counterId() == null ? null : operated.counter();
        return queue.view(operated.mall(), ticket, service, counter, Queue.Standing.NONE, locale);
    }

    private CounterView view(Mall mall, Counter counter, CounterState state) {
        return new Codes(mall).view(counter, state);
    }

    /** Service and agency codes of a mall, read once for any number of counters. */
    private final class Codes {
        private final Mall mall;
        private final Map<ServiceId, String> services;
        private final Map<id.satupintu.shared.AgencyId, String> agencies;

        Codes(Mall mall) {
            this.mall = mall;
            this.services = catalogue.services(mall.id()).stream()
                    .collect(java.util.stream.Collectors.toMap(MallService::id, MallService::code));
            this.agencies = catalogue.agencies(mall.id()).stream()
                    .collect(java.util.stream.Collectors.toMap(id.satupintu.catalogue.Agency::id,
                            id.satupintu.catalogue.Agency::code));
        }

        CounterView view(Counter counter, CounterState state) {
            return new CounterView(counter.id().value(), counter.name(), mall.code(),
                    agencies.get(counter.agencyId()), counter.services().stream().map(services::get).toList(),
                    state.status().name(), state.pauseReason());
        }
    }
}
