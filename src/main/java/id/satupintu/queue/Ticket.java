package id.satupintu.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import id.satupintu.shared.CounterId;
import id.satupintu.shared.MallId;
import id.satupintu.shared.ServiceId;

/**
 * A visitor's ticket, from issue to its end. It guards its own transitions:
 *
 * <pre>
 * WAITING --call--> CALLED --start--> SERVING --finish--> DONE
 *                   CALLED --recall--> CALLED (limited, with a cooldown)
 *                   CALLED --no-show--> NO_SHOW
 *                                     SERVING --transfer--> WAITING (next service, original arrival kept)
 * WAITING --cancel--> CANCELLED
 * </pre>
 *
 * It keeps the times of each step and the summed wait, walk and service durations, so reports are sums.
 */
public final class Ticket {

    private final TicketId id;
    private final MallId mallId;
    private final LocalDate localDate;
    private final String prefix;
    private final int sequence;
    private final ServiceId firstServiceId;
    private final PriorityGroup priorityGroup;
    private final Channel channel;
    private final Instant arrivalAt;
    private ServiceId serviceId;
    private TicketStatus status;
    private Instant queuedAt;
    private Instant calledAt;
    private Instant startedAt;
    private Instant finishedAt;
    private CounterId counterId;
    private int recallCount;
    private Instant lastCalledAt;
    private Outcome outcome;
    private String outcomeReason;
    private int transferCount;
    private long waitSeconds;
    private long walkSeconds;
    private long serviceSeconds;

    private Ticket(TicketId id, MallId mallId, LocalDate localDate, String prefix, int sequence,
            ServiceId firstServiceId, PriorityGroup priorityGroup, Channel channel, Instant arrivalAt) {
        this.id = id;
        this.mallId = mallId;
        this.localDate = localDate;
        this.prefix = prefix;
        this.sequence = sequence;
        this.firstServiceId = firstServiceId;
        this.priorityGroup = priorityGroup;
        this.channel = channel;
        this.arrivalAt = arrivalAt;
    }

    /** A new ticket, waiting for its service. */
    public static Ticket issue(TicketId id, MallId mallId, LocalDate localDate, String prefix, int sequence,
            ServiceId serviceId, PriorityGroup priorityGroup, Channel channel, Instant now) {
        return issue(id, mallId, localDate, prefix, sequence, serviceId, priorityGroup, channel, now, now);
    }

    /**
     * A new ticket whose place in line is that of an arrival at {@code arrivalAt}, which for a booking is the
     * booked time rather than the moment of check-in.
     */
    public static Ticket issue(TicketId id, MallId mallId, LocalDate localDate, String prefix, int sequence,
            ServiceId serviceId, PriorityGroup priorityGroup, Channel channel, Instant arrivalAt, Instant now) {
        Ticket ticket = new Ticket(id, mallId, localDate, prefix, sequence, serviceId, priorityGroup, channel,
                arrivalAt);
        ticket.serviceId = serviceId;
        ticket.status = TicketStatus.WAITING;
        ticket.queuedAt = now;
        return ticket;
    }

    /** The printed number: prefix and three digits, such as {@code A007}. */
    public static String number(String prefix, int sequence) {
        return prefix + String.format("%03d", sequence);
    }

    public void call(CounterId counter, Instant now) {
        require(TicketStatus.WAITING);
        status = TicketStatus.CALLED;
        counterId = counter;
        calledAt = now;
        lastCalledAt = now;
        recallCount = 0;
        waitSeconds += seconds(queuedAt, now);
    }

    public void recall(Instant now, int maxRecalls, Duration cooldown) {
        require(TicketStatus.CALLED);
        if (recallCount >= maxRecalls) {
            throw new QueueError(QueueError.Code.RECALL_LIMIT, maxRecalls);
        }
        Instant allowedFrom = lastCalledAt.plus(cooldown);
        if (now.isBefore(allowedFrom)) {
            throw new QueueError(QueueError.Code.RECALL_TOO_SOON, seconds(now, allowedFrom));
        }
        recallCount++;
        lastCalledAt = now;
    }

    public void start(Instant now) {
        require(TicketStatus.CALLED);
        status = TicketStatus.SERVING;
        startedAt = now;
        walkSeconds += seconds(calledAt, now);
    }

    public void finish(Outcome result, String reason, Instant now) {
        require(TicketStatus.SERVING);
        if (result == Outcome.INCOMPLETE && (reason == null || reason.isBlank())) {
            throw new QueueError(QueueError.Code.REASON_REQUIRED);
        }
        status = TicketStatus.DONE;
        outcome = result;
        outcomeReason = reason == null || reason.isBlank() ? null : reason.strip();
        finishedAt = now;
        serviceSeconds += seconds(startedAt, now);
    }

    public void markNoShow(Instant now) {
        require(TicketStatus.CALLED);
        status = TicketStatus.NO_SHOW;
        finishedAt = now;
    }

    /** The citizen needs another service next: back into the queue of that service, keeping their arrival. */
    public void transferTo(ServiceId next, Instant now) {
        require(TicketStatus.SERVING);
        if (next.equals(serviceId)) {
            throw new QueueError(QueueError.Code.TRANSFER_TO_SAME_SERVICE);
        }
        serviceSeconds += seconds(startedAt, now);
        serviceId = next;
        status = TicketStatus.WAITING;
        queuedAt = now;
        counterId = null;
        calledAt = null;
        startedAt = null;
        lastCalledAt = null;
        recallCount = 0;
        transferCount++;
    }

    public void cancel(Instant now) {
        require(TicketStatus.WAITING);
        status = TicketStatus.CANCELLED;
        finishedAt = now;
    }

    private void require(TicketStatus expected) {
        if (status != expected) {
            throw new QueueError(QueueError.Code.ILLEGAL_TRANSITION, number(), status);
        }
    }

    private static long seconds(Instant from, Instant to) {
        return from == null ? 0 : Math.max(0, Duration.between(from, to).toSeconds());
    }

    public boolean isPriority() {
        return priorityGroup != null;
    }

    public String number() {
        return number(prefix, sequence);
    }

    public TicketId id() { return id; }
    public MallId mallId() { return mallId; }
    public LocalDate localDate() { return localDate; }
    public String prefix() { return prefix; }
    public int sequence() { return sequence; }
    public ServiceId serviceId() { return serviceId; }
    public ServiceId firstServiceId() { return firstServiceId; }
    public PriorityGroup priorityGroup() { return priorityGroup; }
    public Channel channel() { return channel; }
    public TicketStatus status() { return status; }
    public Instant arrivalAt() { return arrivalAt; }
    public Instant queuedAt() { return queuedAt; }
    public Instant calledAt() { return calledAt; }
    public Instant startedAt() { return startedAt; }
    public Instant finishedAt() { return finishedAt; }
    public CounterId counterId() { return counterId; }
    public int recallCount() { return recallCount; }
    public Instant lastCalledAt() { return lastCalledAt; }
    public Outcome outcome() { return outcome; }
    public String outcomeReason() { return outcomeReason; }
    public int transferCount() { return transferCount; }
    public long waitSeconds() { return waitSeconds; }
    public long walkSeconds() { return walkSeconds; }
    public long serviceSeconds() { return serviceSeconds; }

    /** Rebuilds a ticket from storage. */
    static Ticket restore(TicketId id, MallId mallId, LocalDate localDate, String prefix, int sequence,
            ServiceId serviceId, ServiceId firstServiceId, PriorityGroup priorityGroup, Channel channel,
            TicketStatus status, Instant arrivalAt, Instant queuedAt, Instant calledAt, Instant startedAt,
            Instant finishedAt, CounterId counterId, int recallCount, Instant lastCalledAt, Outcome outcome,
            String outcomeReason, int transferCount, long waitSeconds, long walkSeconds, long serviceSeconds) {
        Ticket t = new Ticket(id, mallId, localDate, prefix, sequence, firstServiceId, priorityGroup, channel,
                arrivalAt);
        t.serviceId = serviceId;
        t.status = status;
        t.queuedAt = queuedAt;
        t.calledAt = calledAt;
        t.startedAt = startedAt;
        t.finishedAt = finishedAt;
        t.counterId = counterId;
        t.recallCount = recallCount;
        t.lastCalledAt = lastCalledAt;
        t.outcome = outcome;
        t.outcomeReason = outcomeReason;
        t.transferCount = transferCount;
        t.waitSeconds = waitSeconds;
        t.walkSeconds = walkSeconds;
        t.serviceSeconds = serviceSeconds;
        return t;
    }
}
