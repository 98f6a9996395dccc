import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

import id.satupintu.queue.CallOrderPolicy;
import id.satupintu.queue.WaitEstimator;
import id.satupintu.shared.CounterId;
import id.satupintu.shared.ServiceId;

/**
 * How far the wait shown on a ticket at issue is from the wait the citizen then really has, on simulated busy
 * mall days: arrivals that vary by the hour, a mix of short and long services, counters shared by services,
 * a priority lane, and counters that pause for a break. Compares the shipped estimator with two classic
 * predictors computed in the same simulation:
 * <ul>
 * <li>QL: the people ahead in the same service times its mean service time, divided by the open counters for it;
 * <li>LES (last-to-enter-service, Ibrahim and Whitt): the wait of the last ticket of that service to be called.
 * </ul>
 * Run from the project root after {@code ./mvnw -q compile}:
 * {@code java -cp target/classes bench/WaitEstimateBench.java [days]}. Prints the figures and writes them to
 * {@code bench/results/wait-estimate.txt}.
 */
public class WaitEstimateBench {

    record Service(ServiceId id, String name, double meanMinutes, double share) {
    }

    record Desk(CounterId id, Set<ServiceId> services, int breakStartMinute, int breakMinutes) {
    }

    static final class Ticket {
        final int number;
        final Service service;
        final boolean priority;
        final double arrival;
        double called = -1;
        double estimateShipped;
        double estimateQl;
        double estimateLes;
        boolean shippedKnown;

        Ticket(int number, Service service, boolean priority, double arrival) {
            this.number = number;
            this.service = service;
            this.priority = priority;
            this.arrival = arrival;
        }
    }

    static final class DeskState {
        final Desk desk;
        Ticket serving;
        double busySince;
        double freeAt;
        int streak;
        boolean paused;

        DeskState(Desk desk) {
            this.desk = desk;
        }
    }

    static final Instant DAY_START = Instant.parse("2026-12-01T00:30:00Z");
    static final int OPEN_MINUTES = 8 * 60 + 30;
    static final int MAX_STREAK = 2;
    static final double MAX_RATE = 1.0;

    public static void main(String[] args) throws IOException {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        List<Service> services = List.of(
                new Service(new ServiceId(1), "KTP-el", 6, 0.30),
                new Service(new ServiceId(2), "KK", 11, 0.18),
                new Service(new ServiceId(3), "SKCK", 5, 0.20),
                new Service(new ServiceId(4), "SIM", 14, 0.10),
                new Service(new ServiceId(5), "PKB", 4, 0.14),
                new Service(new ServiceId(6), "BPN", 22, 0.08));
        List<Desk> desks = List.of(
                new Desk(new CounterId(1), Set.of(new ServiceId(1), new ServiceId(2)), 240, 30),
                new Desk(new CounterId(2), Set.of(new ServiceId(1), new ServiceId(2)), 270, 30),
                new Desk(new CounterId(3), Set.of(new ServiceId(1)), 300, 30),
                new Desk(new CounterId(4), Set.of(new ServiceId(3), new ServiceId(4)), 240, 45),
                new Desk(new CounterId(5), Set.of(new ServiceId(3)), 285, 30),
                new Desk(new CounterId(6), Set.of(new ServiceId(5)), 250, 20),
                new Desk(new CounterId(7), Set.of(new ServiceId(5), new ServiceId(4)), 280, 30),
                new Desk(new CounterId(8), Set.of(new ServiceId(6)), 260, 40));
        Map<String, double[]> errors = new LinkedHashMap<>();
        errors.put("shipped", new double[4]);
        errors.put("QL", new double[4]);
        errors.put("LES", new double[4]);
        int tickets = 0;
        int unknown = 0;
        double totalWait = 0;
        for (int day = 0; day < days; day++) {
            List<Ticket> served = simulateDay(new Random(1000L + day), services, desks);
            for (Ticket t : served) {
                double actual = t.called - t.arrival;
                totalWait += actual;
                tickets++;
                if (!t.shippedKnown) {
                    unknown++;
                }
                add(errors.get("shipped"), t.estimateShipped - actual);
                add(errors.get("QL"), t.estimateQl - actual);
                add(errors.get("LES"), t.estimateLes - actual);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("# Wait estimates at issue vs. real waits, simulated busy mall days\n");
        out.append("run: ").append(LocalDateTime.now().withNano(0)).append(", days: ").append(days)
                .append(", tickets: ").append(tickets).append(String.format(", mean real wait: %.1f min%n",
                        totalWait / tickets));
        out.append("shipped estimator had no open counter for ").append(unknown)
                .append(" tickets (counted with estimate 0)\n");
        out.append(String.format("%-8s %10s %10s %10s%n", "method", "MAE min", "RMSE min", "bias min"));
        for (var entry : errors.entrySet()) {
            double[] e = entry.getValue();
            out.append(String.format("%-8s %10.2f %10.2f %10.2f%n", entry.getKey(), e[0] / e[2],
                    Math.sqrt(e[1] / e[2]), e[3] / e[2]));
        }
        double shipped = errors.get("shipped")[0];
        out.append(String.format("MAE ratio shipped/QL: %.2f, shipped/LES: %.2f (below 1: the shipped estimator "
                + "is closer)%n", shipped / errors.get("QL")[0], shipped / errors.get("LES")[0]));
        System.out.print(out);
        Path results = Path.of("bench/results/wait-estimate.txt");
        Files.createDirectories(results.getParent());
        Files.writeString(results, out.toString());
    }

    /** Sums of absolute error, squared error, count and signed error. */
    static void add(double[] acc, double error) {
        acc[0] += Math.abs(error);
        acc[1] += error * error;
        acc[2] += 1;
        acc[3] += error;
    }

    /** Arrivals per minute over the day: a morning peak, a lunch dip, a quieter afternoon. */
    static double arrivalRate(double minute) {
        double hour = 7.5 + minute / 60.0;
        if (hour < 8.5) {
            return 0.85;
        }
        if (hour < 11) {
            return 1.0;
        }
        if (hour < 13) {
            return 0.55;
        }
        if (hour < 15) {
            return 0.7;
        }
        return 0.35;
    }

    static List<Ticket> simulateDay(Random random, List<Service> services, List<Desk> desks) {
        List<DeskState> states = desks.stream().map(DeskState::new).toList();
        List<Ticket> waiting = new ArrayList<>();
        List<Ticket> done = new ArrayList<>();
        Map<ServiceId, double[]> learned = new HashMap<>();
        Map<ServiceId, Double> lastWait = new HashMap<>();
        // arrivals by thinning a Poisson process
        List<Ticket> arrivals = new ArrayList<>();
        double t = 0;
        int number = 0;
        while (true) {
            t += -Math.log(1 - random.nextDouble()) / MAX_RATE;
            if (t >= OPEN_MINUTES) {
                break;
            }
            if (random.nextDouble() > arrivalRate(t) / MAX_RATE) {
                continue;
            }
            double pick = random.nextDouble();
            Service service = services.getLast();
            for (Service s : services) {
                pick -= s.share();
                if (pick < 0) {
                    service = s;
                    break;
                }
            }
            arrivals.add(new Ticket(++number, service, random.nextDouble() < 0.12, t));
        }
        PriorityQueue<double[]> events = new PriorityQueue<>(Comparator.comparingDouble(e -> e[0]));
        for (int i = 0; i < arrivals.size(); i++) {
            events.add(new double[] {arrivals.get(i).arrival, 0, i});
        }
        for (int d = 0; d < states.size(); d++) {
            events.add(new double[] {states.get(d).desk.breakStartMinute(), 2, d});
        }
        while (!events.isEmpty()) {
            double[] event = events.poll();
            double now = event[0];
            int kind = (int) event[1];
            if (kind == 0) {
                Ticket ticket = arrivals.get((int) event[2]);
                estimate(ticket, now, states, waiting, learned, lastWait, services);
                waiting.add(ticket);
            } else if (kind == 1) {
                DeskState desk = states.get((int) event[2]);
                if (desk.serving != null && desk.freeAt <= now) {
                    Ticket finished = desk.serving;
                    double[] mean = learned.computeIfAbsent(finished.service.id(), k -> new double[2]);
                    mean[0] += desk.freeAt - desk.busySince;
                    mean[1]++;
                    done.add(finished);
                    desk.serving = null;
                }
            } else if (kind == 2) {
                DeskState desk = states.get((int) event[2]);
                desk.paused = true;
                events.add(new double[] {now + desk.desk.breakMinutes(), 3, event[2]});
            } else {
                states.get((int) event[2]).paused = false;
            }
            for (int d = 0; d < states.size(); d++) {
                DeskState desk = states.get(d);
                if (desk.paused || desk.serving != null) {
                    continue;
                }
                Ticket next = callNext(desk, waiting);
                if (next != null) {
                    next.called = now;
                    lastWait.put(next.service.id(), now - next.arrival);
                    waiting.remove(next);
                    desk.serving = next;
                    desk.busySince = now;
                    double walk = 0.5 + random.nextDouble();
                    double sigma = 0.5;
                    double service = next.service.meanMinutes() * Math.exp(sigma * random.nextGaussian()
                            - sigma * sigma / 2);
                    desk.freeAt = now + walk + service;
                    events.add(new double[] {desk.freeAt, 1, d});
                }
            }
        }
        return done;
    }

    static Ticket callNext(DeskState desk, List<Ticket> waiting) {
        Ticket priorityHead = null;
        Ticket regularHead = null;
        for (Ticket t : waiting) {
            if (!desk.desk.services().contains(t.service.id())) {
                continue;
            }
            if (t.priority && priorityHead == null) {
                priorityHead = t;
            } else if (!t.priority && regularHead == null) {
                regularHead = t;
            }
        }
        Optional<CallOrderPolicy.Lane> lane =
                CallOrderPolicy.nextLane(priorityHead != null, regularHead != null, desk.streak, MAX_STREAK);
        if (lane.isEmpty()) {
            return null;
        }
        desk.streak = CallOrderPolicy.streakAfter(lane.get(), regularHead != null, desk.streak);
        return lane.get() == CallOrderPolicy.Lane.PRIORITY ? priorityHead : regularHead;
    }

    static void estimate(Ticket ticket, double now, List<DeskState> states, List<Ticket> waiting,
            Map<ServiceId, double[]> learned, Map<ServiceId, Double> lastWait, List<Service> services) {
        Map<ServiceId, Duration> means = new HashMap<>();
        learned.forEach((service, acc) -> {
            if (acc[1] >= 3) {
                means.put(service, minutes(acc[0] / acc[1]));
            }
        });
        Instant at = DAY_START.plus(minutes(now));
        List<WaitEstimator.Desk> open = new ArrayList<>();
        int openForService = 0;
        boolean idleForService = false;
        for (DeskState desk : states) {
            if (desk.paused) {
                continue;
            }
            open.add(new WaitEstimator.Desk(desk.desk.id(), desk.desk.services(), desk.streak,
                    desk.serving == null ? null : desk.serving.service.id(),
                    desk.serving == null ? null : DAY_START.plus(minutes(desk.busySince))));
            if (desk.desk.services().contains(ticket.service.id())) {
                openForService++;
                idleForService |= desk.serving == null;
            }
        }
        List<WaitEstimator.Waiting> queue = waiting.stream().map(t -> asWaiting(t)).toList();
        WaitEstimator.Snapshot snapshot = new WaitEstimator.Snapshot(at, open, queue, means, Duration.ofMinutes(8),
                MAX_STREAK);
        Optional<Duration> shipped = WaitEstimator.estimate(snapshot, asWaiting(ticket));
        ticket.shippedKnown = shipped.isPresent();
        ticket.estimateShipped = shipped.map(d -> d.toMillis() / 60000.0).orElse(0.0);

        long ahead = waiting.stream().filter(t -> t.service == ticket.service
                && (t.priority || !ticket.priority)).count();
        double[] acc = learned.get(ticket.service.id());
        double mean = acc != null && acc[1] >= 3 ? acc[0] / acc[1] : 8.0;
        ticket.estimateQl = openForService == 0 ? 0 : idleForService && ahead == 0 ? 0
                : (ahead + 1) * mean / openForService;
        ticket.estimateLes = lastWait.getOrDefault(ticket.service.id(), 0.0);
    }

    static WaitEstimator.Waiting asWaiting(Ticket t) {
        return new WaitEstimator.Waiting(t.number, t.service.id(), t.priority,
                DAY_START.plus(minutes(t.arrival)), t.number);
    }

    static Duration minutes(double minutes) {
        return Duration.ofMillis(Math.round(minutes * 60_000));
    }
}
