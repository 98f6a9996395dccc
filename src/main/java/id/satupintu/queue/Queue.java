package id.satupintu.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.Counter;
import id.satupintu.catalogue.MallService;
import id.satupintu.region.DaySchedule;
import id.satupintu.region.Mall;
import id.satupintu.region.MallCalendar;
import id.satupintu.region.Malls;
import id.satupintu.shared.CounterId;
import id.satupintu.shared.MallId;
import id.satupintu.shared.ServiceId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues tickets and tells where a ticket stands. */
@Service
public class Queue {

    static final Duration DEFAULT_SERVICE_DURATION = Duration.ofMinutes(8);
    private static final int RECENT_VISITS = 30;

    private final TicketStore store;
    private final MallSetups setups;
    private final Malls malls;
    private final MallCalendar calendar;
    private final Catalogue catalogue;
    private final QueueEvents events;
    private final List<WalkInReservations> reservations;
    private final Clock clock;

    Queue(TicketStore store, MallSetups setups, Malls malls, MallCalendar calendar, Catalogue catalogue,
            QueueEvents events, List<WalkInReservations> reservations, Clock clock) {
        this.store = store;
        this.setups = setups;
        this.reservations = reservations;
        this.malls = malls;
        this.calendar = calendar;
        this.catalogue = catalogue;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Issues a ticket for a service of the mall: refused while the mall is closed or when the service's daily quota
     * is used up, numbered gap-free per prefix and local day of the mall.
     */
    @Transactional
    public TicketView issue(String mallCode, String serviceCode, PriorityGroup priorityGroup, Channel channel,
            Locale locale) {
        MallSetup setup = setups.get(mallCode);
        TicketStore.Floor floor = store.floor(setup.mall().id());
        setup = setups.current(setup, floor.configurationVersion());
        Mall mall = setup.mall();
        MallService service = setup.service(serviceCode);
        ZonedDateTime now = calendar.now(mall);
        LocalDate day = now.toLocalDate();
        if (!setup.day(day, calendar).takesVisitorsAt(now.toLocalTime())) {
            throw closed(mall, now, QueueError.Code.MALL_CLOSED);
        }
        if (!service.active()) {
            throw new QueueError(QueueError.Code.SERVICE_UNAVAILABLE);
        }
        // Where the ticket will stand is worked out before the quota and number rows are locked, so that
        // concurrent issuers wait on each other only for the short writes that follow.
        Standing standing = standing(mall, setup.counters(), floor, Ticket.issue(TicketId.random(), mall.id(), day,
                service.ticketPrefix(), Integer.MAX_VALUE, service.id(), priorityGroup, channel, now.toInstant()));
        if (service.hasQuota() && !takeWalkInQuota(mall, service, setup.day(day, calendar))) {
            throw closed(mall, now.toLocalDate().plusDays(1).atStartOfDay(mall.timeZone()),
                    QueueError.Code.QUOTA_EXHAUSTED);
        }
        Ticket ticket = numbered(mall, service, day, priorityGroup, channel, now.toInstant(), now.toInstant());
        store.insertIssued(ticket, standing.estimateMinutes(), events.changedNotification(mall.id()));
        return view(mall, ticket, service, null, standing, locale);
    }

    /**
     * Admits a citizen with a booking into the queue: a ticket outside the walk-in quota (the booking held its seat)
     * that stands in line as if it had arrived at the booked time, so that it goes ahead of walk-ins who came after
     * that time and after those who came before it.
     */
    @Transactional
    public TicketView admitBooked(MallId mallId, ServiceId serviceId, Instant bookedStart, Locale locale) {
        Mall mall = malls.get(mallId);
        MallService service = catalogue.service(mall.id(), serviceId);
        ZonedDateTime now = calendar.now(mall);
        if (!calendar.isOpenAt(mall, now)) {
            throw closed(mall, now, QueueError.Code.MALL_CLOSED);
        }
        LocalDate day = now.toLocalDate();
        Ticket ticket = numbered(mall, service, day, null, Channel.APPOINTMENT, bookedStart, now.toInstant());
        List<Counter> counters = catalogue.counters(mall.id());
        Standing standing = standing(mall, counters, store.floor(mall.id()), ticket);
        store.insertIssued(ticket, standing.estimateMinutes(), events.changedNotification(mall.id()));
        return view(mall, ticket, service, null, standing, locale);
    }

    private Ticket numbered(Mall mall, MallService service, LocalDate day, PriorityGroup priorityGroup,
            Channel channel, Instant arrival, Instant now) {
        int sequence = store.nextSequence(mall.id(), day, service.ticketPrefix());
        if (sequence > 999) {
            throw new QueueError(QueueError.Code.DAY_FULL);
        }
        return Ticket.issue(TicketId.random(), mall.id(), day, service.ticketPrefix(), sequence, service.id(),
                priorityGroup, channel, arrival, now);
    }

    /** The walk-in part of a service's daily quota: the quota less the seats reserved for other channels. */
    private int walkInQuota(Mall mall, MallService service, DaySchedule day) {
        int reserved = reservations.stream().mapToInt(r -> r.reservedSeats(mall, service, day)).sum();
        return Math.max(0, service.dailyQuota() - reserved);
    }

    /** What is left of a service's walk-in quota on a day, or empty when the service has no quota. */
    public Optional<Integer> walkInRemaining(Mall mall, MallService service, DaySchedule day) {
        if (!service.hasQuota()) {
            return Optional.empty();
        }
        int issued = store.issuedToday(mall.id(), service.id(), day.date());
        return Optional.of(Math.max(0, walkInQuota(mall, service, day) - issued));
    }

    private boolean takeWalkInQuota(Mall mall, MallService service, DaySchedule day) {
        int quota = walkInQuota(mall, service, day);
        return quota > 0 && store.takeQuota(mall.id(), service.id(), day.date(), quota);
    }

    private QueueError closed(Mall mall, ZonedDateTime from, QueueError.Code code) {
        Optional<ZonedDateTime> opens = calendar.nextOpening(mall, from);
        QueueError error = new QueueError(code, opens.<Object>map(t -> t).orElse("-"));
        opens.ifPresent(t -> error.with("opensAt", t));
        return error;
    }

    @Transactional(readOnly = true)
    public TicketView view(TicketId id, Locale locale) {
        Ticket ticket = store.find(id).orElseThrow(() -> new QueueError(QueueError.Code.TICKET_NOT_FOUND));
        Mall mall = malls.get(ticket.mallId());
        MallService service = serviceOf(mall, ticket.serviceId());
        Counter counter = ticket.counterId() == null ? null : catalogue.counter(mall.id(), ticket.counterId());
        Standing standing = ticket.status() == TicketStatus.WAITING
                ? standing(mall, catalogue.counters(mall.id()), store.floor(mall.id()), ticket)
                : Standing.NONE;
        return view(mall, ticket, service, counter, standing, locale);
    }

    /** The mall id of a ticket, for live updates. */
    public MallId mallOf(TicketId id) {
        return store.find(id).orElseThrow(() -> new QueueError(QueueError.Code.TICKET_NOT_FOUND)).mallId();
    }

    /** People waiting per service of the mall today. */
    @Transactional(readOnly = true)
    public Map<ServiceId, Long> waitingCounts(MallId mall) {
        LocalDate day = calendar.now(malls.get(mall)).toLocalDate();
        return store.waitingLine(mall, day).stream()
                .collect(Collectors.groupingBy(WaitEstimator.Waiting::service, Collectors.counting()));
    }

    /** Tickets served to the end (DONE) per service of the mall, on the mall's local days {@code from} to {@code to}. */
    @Transactional(readOnly = true)
    public Map<ServiceId, Long> servedPerService(MallId mall, LocalDate from, LocalDate to) {
        return store.servedPerService(mall, from, to);
    }

    /** The ticket the counter finished last, if it finished one since {@code since} on the mall's current day. */
    @Transactional(readOnly = true)
    public Optional<TicketId> lastFinishedAt(Counter counter, Instant since) {
        LocalDate day = calendar.now(malls.get(counter.mallId())).toLocalDate();
        return store.lastFinishedAt(counter.mallId(), day, counter.id(), since);
    }

    record Standing(Integer position, Integer ahead, Integer estimateMinutes) {
        static final Standing NONE = new Standing(null, null, null);
    }

    /**
     * Where a waiting ticket stands: its place in the line of its service (the priority lane before the regular
     * one, each by arrival) and the expected wait, worked out from the part of the line the open counters call.
     */
    Standing standing(Mall mall, List<Counter> counters, TicketStore.Floor floor, Ticket ticket) {
        List<WaitEstimator.Desk> desks = desks(counters, floor);
        Set<ServiceId> called = desks.stream().flatMap(desk -> desk.services().stream()).collect(Collectors.toSet());
        if (!called.contains(ticket.serviceId())) {
            // No open counter calls this service: there is no wait to estimate, only the place to count.
            int ahead = store.countAhead(ticket);
            return new Standing(ahead + 1, ahead, null);
        }
        List<WaitEstimator.Waiting> line = store.waitingLine(mall.id(), ticket.localDate(), called);
        WaitEstimator.Waiting me = asWaiting(ticket);
        int ahead = 0;
        for (WaitEstimator.Waiting other : line) {
            if (other.key().equals(me.key()) || !other.service().equals(me.service())) {
                continue;
            }
            boolean otherFirst = other.priority() && !me.priority()
                    || other.priority() == me.priority() && isEarlier(other, me);
            if (otherFirst) {
                ahead++;
            }
        }
        Instant now = clock.instant();
        Map<ServiceId, Duration> means = store.recentMeanDurations(mall.id(), now.minus(Duration.ofDays(14)),
                RECENT_VISITS, 3);
        Optional<Duration> estimate = WaitEstimator.estimate(new WaitEstimator.Snapshot(now, desks, line, means,
                DEFAULT_SERVICE_DURATION, floor.maxPriorityStreak()), me);
        return new Standing(ahead + 1, ahead,
                estimate.map(d -> (int) Math.ceil(d.toSeconds() / 60.0)).orElse(null));
    }

    private static boolean isEarlier(WaitEstimator.Waiting a, WaitEstimator.Waiting b) {
        int byArrival = a.arrivalAt().compareTo(b.arrivalAt());
        return byArrival < 0 || byArrival == 0 && a.sequence() < b.sequence();
    }

    /** The open counters with the services each calls; counters no longer in the catalogue are left out. */
    private static List<WaitEstimator.Desk> desks(List<Counter> counters, TicketStore.Floor floor) {
        Map<CounterId, Counter> byId = counters.stream().collect(Collectors.toMap(Counter::id, c -> c));
        return floor.desks().stream()
                .filter(desk -> byId.containsKey(desk.counterId()))
                .map(desk -> new WaitEstimator.Desk(desk.counterId(),
                        Set.copyOf(byId.get(desk.counterId()).services()), desk.priorityStreak(),
                        desk.busyWith(), desk.busySince()))
                .toList();
    }

    static WaitEstimator.Waiting asWaiting(Ticket ticket) {
        return new WaitEstimator.Waiting(ticket.id(), ticket.serviceId(), ticket.isPriority(), ticket.arrivalAt(),
                ticket.sequence());
    }

    private MallService serviceOf(Mall mall, ServiceId id) {
        return catalogue.service(mall.id(), id);
    }

    TicketView view(Mall mall, Ticket ticket, MallService service, Counter counter, Standing standing,
            Locale locale) {
        return new TicketView(ticket.id().toString(), ticket.number(), mall.code(), service.code(),
                service.name().in(locale), ticket.status().name(),
                ticket.priorityGroup() == null ? null : ticket.priorityGroup().name(), ticket.channel().name(),
                local(mall, ticket.arrivalAt()), standing.position(), standing.ahead(), standing.estimateMinutes(),
                counter == null ? null : new TicketView.CounterRef(counter.id().value(), counter.name()),
                local(mall, ticket.calledAt()));
    }

    static OffsetDateTime local(Mall mall, Instant instant) {
        return instant == null ? null : instant.atZone(mall.timeZone()).toOffsetDateTime();
    }
}
