package id.satupintu.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import id.satupintu.shared.CounterId;
import id.satupintu.shared.ServiceId;

/**
 * Estimates when a waiting ticket will be called by playing the floor forward: each open counter finishes what it
 * is doing (the mean duration of that service, less the time already spent), then calls the next ticket it would
 * call under the {@link CallOrderPolicy}, taking the mean duration of that ticket's service, until the ticket in
 * question is called. Unlike "queue length times mean service time over open counters" it sees counters shared by
 * several services, the priority lane, and counters that are halfway through a visit.
 */
public final class WaitEstimator {

    /** The floor at one moment. */
    public record Snapshot(Instant now, List<Desk> desks, List<Waiting> waiting, Map<ServiceId, Duration> meanDuration,
            Duration defaultDuration, int maxPriorityStreak) {

        Duration durationOf(ServiceId service) {
            return meanDuration.getOrDefault(service, defaultDuration);
        }
    }

    /**
     * An open counter: the services it calls for, its priority streak, and the ticket at it, if any (its service and
     * since when the counter has been busy with it).
     */
    public record Desk(CounterId counter, Set<ServiceId> services, int priorityStreak, ServiceId busyWith,
            Instant busySince) {
    }

    /** A waiting ticket in arrival order. */
    public record Waiting(Object key, ServiceId service, boolean priority, Instant arrivalAt, int sequence) {
    }

    private static final Comparator<Waiting> ARRIVAL =
            Comparator.comparing(Waiting::arrivalAt).thenComparingInt(Waiting::sequence);

    private WaitEstimator() {
    }

    /** The expected time until {@code target} is called, or empty when no open counter serves it. */
    public static Optional<Duration> estimate(Snapshot snapshot, Waiting target) {
        List<Waiting> queue = new ArrayList<>(snapshot.waiting());
        if (!queue.contains(target)) {
            queue.add(target);
        }
        queue.sort(ARRIVAL);
        List<SimulatedDesk> desks = new ArrayList<>();
        for (Desk desk : snapshot.desks()) {
            Instant freeAt = snapshot.now();
            if (desk.busyWith() != null) {
                Duration mean = snapshot.durationOf(desk.busyWith());
                Duration spent = Duration.between(desk.busySince(), snapshot.now());
                Duration left = mean.minus(spent);
                Duration atLeast = mean.dividedBy(10);
                freeAt = snapshot.now().plus(left.compareTo(atLeast) < 0 ? atLeast : left);
            }
            desks.add(new SimulatedDesk(desk.services(), desk.priorityStreak(), freeAt));
        }
        if (desks.stream().noneMatch(d -> d.services.contains(target.service()))) {
            return Optional.empty();
        }
        while (!desks.isEmpty()) {
            SimulatedDesk desk = desks.stream().min(Comparator.comparing(d -> d.freeAt)).orElseThrow();
            Optional<Waiting> next = nextFor(desk, queue, snapshot.maxPriorityStreak());
            if (next.isEmpty()) {
                desks.remove(desk);
                continue;
            }
            Waiting called = next.get();
            if (called.equals(target)) {
                return Optional.of(Duration.between(snapshot.now(), desk.freeAt));
            }
            queue.remove(called);
            desk.freeAt = desk.freeAt.plus(snapshot.durationOf(called.service()));
        }
        return Optional.empty();
    }

    private static Optional<Waiting> nextFor(SimulatedDesk desk, List<Waiting> queue, int maxStreak) {
        Waiting priorityHead = null;
        Waiting regularHead = null;
        for (Waiting waiting : queue) {
            if (!desk.services.contains(waiting.service())) {
                continue;
            }
            if (waiting.priority() && priorityHead == null) {
                priorityHead = waiting;
            } else if (!waiting.priority() && regularHead == null) {
                regularHead = waiting;
            }
            if (priorityHead != null && regularHead != null) {
                break;
            }
        }
        boolean regularWaiting = regularHead != null;
        Optional<CallOrderPolicy.Lane> lane =
                CallOrderPolicy.nextLane(priorityHead != null, regularWaiting, desk.streak, maxStreak);
        if (lane.isEmpty()) {
            return Optional.empty();
        }
        desk.streak = CallOrderPolicy.streakAfter(lane.get(), regularWaiting, desk.streak);
        return Optional.of(lane.get() == CallOrderPolicy.Lane.PRIORITY ? priorityHead : regularHead);
    }

    private static final class SimulatedDesk {
        private final Set<ServiceId> services;
        private int streak;
        private Instant freeAt;

        SimulatedDesk(Set<ServiceId> services, int streak, Instant freeAt) {
            this.services = services;
            this.streak = streak;
            this.freeAt = freeAt;
        }
    }
}
