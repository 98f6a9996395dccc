import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Failure survival of SatuPintu (started by bench/reliability.sh, which provides a PostgreSQL of its own that outlives
 * the application). Three phases, each against mixed load (kiosk tickets, appointment bookings with an e-mail,
 * integrator applications, paper survey answers, complaints), every acknowledged (2xx) write recorded with its id:
 *
 * <ol>
 * <li>crash: the application is killed with SIGKILL in the middle of the load and started again; afterwards every
 * acknowledged write must be in the database, and every booking's confirmation must have reached the SMTP server this
 * driver runs exactly once;</li>
 * <li>database restart: PostgreSQL is stopped (fast shutdown) for a while under load and started again; meanwhile
 * every answer must be 503 with Retry-After (never 500, never a hang), and the application must serve again by
 * itself;</li>
 * <li>two instances on the one database behind a round-robin client: ticket numbers unique and gapless, every ticket
 * called by one counter only (officers calling concurrently on both instances), no slot booked beyond its seats, and
 * a display board on one instance showing a call made on the other.</li>
 * </ol>
 *
 * <p>Usage: {@code java bench/ReliabilityBench.java <workDir> <resultsFile>}; the rest comes from the environment
 * the script sets (JAVA, JAR, PG_CTL, PG_DATA, PG_PORT, PORT_A, PORT_B).
 */
public class ReliabilityBench {

    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final Pattern NUMBER = Pattern.compile("\"number\":\"([A-Z0-9]+)\"");
    static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]+)\"");
    static final Pattern START = Pattern.compile("\"start\":\"([^\"]+)\"");
    static final Instant CLOCK_START = Instant.parse("2026-12-01T02:00:00Z");
    static final String TICKET_MALL = "36.71";
    static final String PASSWORD = "mpp-demo-2026";
    static final List<String> KINDS = List.of("ticket", "booking", "application", "survey", "complaint");

    final Path work;
    final Path results;
    final String java = System.getenv("JAVA");
    final String jar = System.getenv("JAR");
    final String pgCtl = System.getenv("PG_CTL");
    final String pgData = System.getenv("PG_DATA");
    final int pgPort = Integer.parseInt(System.getenv("PG_PORT"));
    final int portA = Integer.parseInt(System.getenv("PORT_A"));
    final int portB = Integer.parseInt(System.getenv("PORT_B"));
    final long benchStart = System.currentTimeMillis();
    final Map<String, Process> apps = new ConcurrentHashMap<>();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final SmtpSink smtp;
    final List<String> figures = new ArrayList<>();
    /** Numbers each booking: its NIK and its e-mail address carry the same number (see {@link #emailOf}). */
    final AtomicInteger bookingCounter = new AtomicInteger();
    /** Paper survey answers acknowledged over the whole run, and those in the database before it. */
    final AtomicLong surveysAckedTotal = new AtomicLong();
    long surveysBefore;

    // What the load needs, found once the application is up.
    List<String> ticketServices;
    String bookingService;
    List<String> bookingSlots;
    List<String> complaintCategories;
    String clientToken;
    String managerToken;

    ReliabilityBench(Path work, Path results) throws IOException {
        this.work = work;
        this.results = results;
        this.smtp = new SmtpSink();
    }

    public static void main(String[] args) throws Exception {
        ReliabilityBench bench = new ReliabilityBench(Path.of(args[0]), Path.of(args[1]));
        try {
            bench.run();
        } finally {
            bench.apps.values().forEach(Process::destroy);
        }
    }

    void run() throws Exception {
        figure("## " + Instant.now().toString().substring(0, 19) + "Z cores=" + Runtime.getRuntime()
                .availableProcessors() + " (application, PostgreSQL and this driver on the same machine)");
        startApp("a", portA);
        prepare(base(portA));
        boolean ok = crash();
        ok &= databaseRestart();
        ok &= twoInstances();
        ok &= notifications();
        figure("reliability.verdict " + (ok ? "ok" : "FAILED"));
        Files.writeString(results, String.join("\n", figures) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (!ok) {
            System.exit(1);
        }
    }

    // ---------------------------------------------------------------- phase 1: SIGKILL under load

    boolean crash() throws Exception {
        Load load = new Load(List.of(base(portA)), 6);
        load.start();
        Thread.sleep(12_000);
        long acknowledgedBefore = load.acknowledged();
        long killedAt = System.nanoTime();
        mark("SIGKILL of instance A");
        Process a = apps.remove("a");
        a.destroyForcibly();  // SIGKILL
        a.waitFor();
        startApp("a", portA);
        double restart = seconds(System.nanoTime() - killedAt);
        Thread.sleep(6_000);
        load.stop();
        drainPublications();
        Verified v = verify(load);
        figure(String.format("crash.load %d writes acknowledged (%d before the SIGKILL, %d after the restart): "
                + "%s", load.acknowledged(), acknowledgedBefore, load.acknowledged() - acknowledgedBefore,
                load.ackedByKind()));
        figure(String.format("crash.restart_seconds %.1f (SIGKILL to healthy again)", restart));
        figure(String.format("crash.lost %d of %d acknowledged writes missing after the restart (%s)", v.lost,
                load.acknowledged(), v.lostByKind));
        figure(String.format("crash.duplicated %d (ticket numbers taken twice or skipped %d, slots over their seats "
                + "%d, ids acknowledged twice %d)", v.duplicated, v.ticketNumberFaults, v.overbooked,
                v.duplicateIds));
        figure(String.format("crash.failed_requests %d while the application was down (connection refused or cut)",
                load.failed()));
        return v.lost == 0 && v.duplicated == 0;
    }

    // ---------------------------------------------------------------- phase 2: PostgreSQL restart under load

    boolean databaseRestart() throws Exception {
        Load load = new Load(List.of(base(portA)), 6);
        load.start();
        Thread.sleep(4_000);
        long stopAt = System.nanoTime();
        mark("PostgreSQL stopping");
        pgCtl("-D", pgData, "-m", "fast", "-w", "stop");
        mark("PostgreSQL stopped");
        long stopped = System.nanoTime();
        List<String> health = new ArrayList<>();
        while (System.nanoTime() - stopped < 10_000_000_000L) {
            HttpResponse<String> h = get(base(portA) + "/actuator/health", 10);
            health.add(h == null ? "timeout" : h.statusCode() + (h.body().contains("DOWN") ? " DOWN" : ""));
            Thread.sleep(1000);
        }
        pgCtl("-D", pgData, "-l", work.resolve("pg.log").toString(), "-w", "start");
        long back = System.nanoTime();
        mark("PostgreSQL accepting connections again");
        long firstSuccess = load.firstSuccessAfter(back, 60_000);
        Thread.sleep(3_000);
        load.stop();
        Map<String, Long> during = load.answersBetween(stopped, back);
        load.answers.stream().filter(a -> a[0] >= stopped && a[0] < back && a[2] / 100 == 2).forEach(a ->
                System.out.printf("acknowledged while PostgreSQL was down: a %s sent at %.1f s, answered at %.1f s%n",
                        KINDS.get((int) a[4]), at(a[0]), at(a[1])));
        Map<String, Long> whole = load.answersDoneBetween(stopAt, System.nanoTime());
        long serverErrors = whole.entrySet().stream().filter(e -> e.getKey().startsWith("500")
                || e.getKey().startsWith("502") || e.getKey().startsWith("504")).mapToLong(Map.Entry::getValue).sum();
        long without = whole.entrySet().stream().filter(e -> e.getKey().equals("503 without Retry-After"))
                .mapToLong(Map.Entry::getValue).sum();
        long hangs = whole.getOrDefault("timeout", 0L);
        long ok503 = during.getOrDefault("503", 0L);
        figure(String.format("dbrestart.outage_seconds %.1f (fast shutdown, then started again)",
                seconds(back - stopAt)));
        // By the time a request was sent: one sent shortly before PostgreSQL was back waits for a connection and may
        // then succeed.
        figure("dbrestart.answers_to_requests_sent_during_outage " + during);
        figure(String.format("dbrestart.503_with_retry_after %d while it was down; from the stop to the end of the "
                + "phase: 500 %d, 503 without Retry-After %d, hangs (no answer in 20 s) %d, slowest answer %.1f s",
                ok503, serverErrors, without, hangs, load.slowestBetween(stopAt, System.nanoTime()) / 1000.0));
        figure("dbrestart.health_during_outage " + health.stream().collect(Collectors.groupingBy(s -> s,
                LinkedHashMap::new, Collectors.counting())));
        figure(firstSuccess < 0 ? "dbrestart.recovery_seconds none (no success within 60 s)"
                : String.format("dbrestart.recovery_seconds %.1f (PostgreSQL accepting connections to the first "
                        + "acknowledged write)", seconds(firstSuccess - back)));
        drainPublications();
        Verified v = verify(load);
        figure(String.format("dbrestart.lost %d of %d acknowledged writes, duplicated %d", v.lost,
                load.acknowledged(), v.duplicated));
        boolean healthDown = health.stream().anyMatch(s -> s.startsWith("503"));
        return serverErrors == 0 && without == 0 && hangs == 0 && firstSuccess >= 0 && v.lost == 0
                && v.duplicated == 0 && healthDown;
    }

    // ---------------------------------------------------------------- phase 3: two instances, one database

    boolean twoInstances() throws Exception {
        mark("instance B starting");
        startApp("b", portB);
        mark("instance B healthy");
        List<String> both = List.of(base(portA), base(portB));
        // Contention for the seats: one day, few seats per slot.
        psql("UPDATE appointment_rules r SET seats_per_slot = 2 FROM service s, mall m WHERE s.id = r.service_id "
                + "AND m.id = r.mall_id AND m.code = '" + TICKET_MALL + "' AND s.code = '" + bookingService + "'");
        bookingSlots = slots(base(portA), List.of("2026-12-10"));
        List<Counter> counters = openCounters(both);
        Board board = new Board(base(portA) + "/board/" + TICKET_MALL + "/events");
        board.start();
        Load load = new Load(both, 6);
        load.start();
        AtomicBoolean calling = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String[]> calls = new ConcurrentLinkedQueue<>();
        Map<String, Long> calledOnB = new ConcurrentHashMap<>();
        AtomicLong busy = new AtomicLong();
        List<Thread> officers = new ArrayList<>();
        for (Counter counter : counters) {
            for (String base : both) {
                officers.add(Thread.ofVirtual().start(() -> callLoop(counter, base, both, calling, calls, calledOnB,
                        busy)));
            }
        }
        Thread.sleep(20_000);
        calling.set(false);
        for (Thread t : officers) {
            t.join();
        }
        load.stop();
        Thread.sleep(2_000);
        board.stop();

        Map<String, Long> timesCalled = calls.stream().collect(Collectors.groupingBy(c -> c[0], Collectors.counting()));
        long calledTwice = timesCalled.values().stream().filter(n -> n > 1).count();
        String calledIds = calls.stream().map(c -> "'" + c[0] + "'").distinct().collect(Collectors.joining(","));
        String dbCalledTwice = calls.isEmpty() ? "0" : psql("SELECT count(*) FROM (SELECT ticket_id FROM ticket_event "
                + "WHERE type = 'CALLED' AND ticket_id = ANY(ARRAY[" + calledIds + "]::uuid[]) GROUP BY ticket_id "
                + "HAVING count(*) > 1) d").trim();
        List<Long> delays = new ArrayList<>();
        int unseen = 0;
        for (Map.Entry<String, Long> call : calledOnB.entrySet()) {
            Long seen = board.seen.get(call.getKey());
            if (seen == null) {
                unseen++;
            } else {
                delays.add(Math.max(0, seen - call.getValue()));
            }
        }
        Collections.sort(delays);
        drainPublications();
        Verified v = verify(load);
        figure(String.format("two_instances.load %d writes acknowledged round-robin on two instances: %s",
                load.acknowledged(), load.ackedByKind()));
        figure(String.format("two_instances.calls %d tickets called by %d counters with officers on both instances "
                + "(%d answers COUNTER_BUSY); called by two counters at once: %d (answers), %s (database)",
                calls.size(), counters.size(), busy.get(), calledTwice, dbCalledTwice));
        figure(String.format("two_instances.lost %d, duplicated %d (ticket numbers taken twice or skipped %d, slots "
                + "over their seats %d)", v.lost, v.duplicated, v.ticketNumberFaults, v.overbooked));
        figure(delays.isEmpty() ? "two_instances.board_propagation none seen (" + unseen + " calls on B)"
                : String.format("two_instances.board_propagation_ms p50 %d max %d: the board on A showed %d of %d "
                        + "calls made on B", delays.get(delays.size() / 2), delays.getLast(), delays.size(),
                        calledOnB.size()));
        return v.lost == 0 && v.duplicated == 0 && calledTwice == 0 && "0".equals(dbCalledTwice) && unseen == 0
                && !delays.isEmpty() && delays.getLast() < 5_000;
    }

    void callLoop(Counter counter, String home, List<String> both, AtomicBoolean calling,
            ConcurrentLinkedQueue<String[]> calls, Map<String, Long> calledOnB, AtomicLong busy) {
        String auth = "Bearer " + counter.token;
        while (calling.get()) {
            HttpResponse<String> r = post(home + "/api/v1/counters/" + counter.id + "/call-next", "", auth);
            if (r == null) {
                continue;
            }
            if (r.statusCode() == 200) {
                long at = System.currentTimeMillis();
                Matcher id = ID.matcher(r.body());
                Matcher number = NUMBER.matcher(r.body());
                if (id.find() && number.find()) {
                    calls.add(new String[] {id.group(1), Long.toString(counter.id), home});
                    if (home.endsWith(":" + portB)) {
                        calledOnB.put(number.group(1), at);
                    }
                    String other = both.get(ThreadLocalRandom.current().nextInt(both.size()));
                    post(other + "/api/v1/tickets/" + id.group(1) + "/start", "", auth);
                    HttpResponse<String> finished = post(home + "/api/v1/tickets/" + id.group(1) + "/finish",
                            "{\"outcome\":\"COMPLETED\"}", auth);
                    if (finished == null || finished.statusCode() != 200) {
                        post(home + "/api/v1/tickets/" + id.group(1) + "/no-show", "", auth);
                    }
                }
            } else if (r.statusCode() == 409) {
                busy.incrementAndGet();
                sleep(50);
            } else {
                sleep(200);
            }
        }
    }

    record Counter(long id, String token) {
    }

    List<Counter> openCounters(List<String> both) {
        List<Counter> counters = new ArrayList<>();
        Set<String> agencies = new java.util.TreeSet<>();
        Matcher agency = Pattern.compile("\"agency\":\\{\"code\":\"([^\"]+)\"")
                .matcher(get(both.getFirst() + "/api/v1/malls/" + TICKET_MALL + "/services", 10).body());
        while (agency.find()) {
            agencies.add(agency.group(1));
        }
        for (String code : agencies) {
            String token = token(both.getFirst(), "officer-" + TICKET_MALL.replace(".", "") + "-" + code);
            if (token == null) {
                continue;
            }
            HttpResponse<String> list = http(HttpRequest.newBuilder(URI.create(both.getFirst() + "/api/v1/counters"))
                    .header("Authorization", "Bearer " + token), 10);
            Matcher id = Pattern.compile("\\{\"id\":(\\d+)").matcher(list.body());
            while (id.find() && counters.size() < 6) {
                long counterId = Long.parseLong(id.group(1));
                post(both.getFirst() + "/api/v1/counters/" + counterId + "/open", "", "Bearer " + token);
                counters.add(new Counter(counterId, token));
            }
        }
        return counters;
    }

    // ---------------------------------------------------------------- notifications over the whole run

    boolean notifications() throws Exception {
        drainPublications();
        Thread.sleep(2_000);
        // Contacts are stored encrypted; the masked NIK's last four digits give the booking's number, and with it
        // the address it was booked with.
        String[] emails = Arrays.stream(psql("SELECT right(a.nik_masked, 4) FROM appointment a"
                        + " JOIN service s ON s.id = a.service_id WHERE s.code = '" + bookingService + "'"
                        + " AND a.nik_masked LIKE '3671%'").trim().split("\n"))
                .filter(serial -> !serial.isBlank())
                .map(serial -> emailOf(Integer.parseInt(serial.trim()) - 1)).toArray(String[]::new);
        int once = 0;
        int missing = 0;
        int twice = 0;
        int sameMessageAgain = 0;
        for (String email : emails) {
            if (email.isBlank()) {
                continue;
            }
            List<String> received = smtp.byRecipient.getOrDefault(email, List.of());
            if (received.isEmpty()) {
                missing++;
            } else if (received.size() == 1) {
                once++;
            } else {
                System.out.println("confirmed more than once: " + email + " at " + smtp.receivedAt.get(email).stream()
                        .map(t -> String.format("%.1f s", (t - benchStart) / 1000.0)).toList() + " " + received);
                if (Set.copyOf(received).size() > 1) {
                    twice++;
                } else {
                    sameMessageAgain++;
                }
            }
        }
        String pending = psql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL").trim();
        figure(String.format("notifications.booking_confirmations %d bookings in the database (every phase): %d "
                + "confirmed once, %d never, %d by two different messages, %d by the same message (same Message-ID) "
                + "received again; %d messages received in all; publications still pending %s",
                once + missing + twice + sameMessageAgain, once, missing, twice, sameMessageAgain,
                smtp.messages.get(), pending));
        // Bookings were made in every phase: finding none means this check could not see them, not that all is well.
        return missing == 0 && twice == 0 && once + sameMessageAgain > 0;
    }

    // ---------------------------------------------------------------- verification

    record Verified(long lost, String lostByKind, long duplicated, long ticketNumberFaults, long overbooked,
            long duplicateIds) {
    }

    Verified verify(Load load) throws Exception {
        Map<String, Long> lost = new LinkedHashMap<>();
        lost.put("tickets", missing("ticket", "id", load.acked.get("ticket"), true));
        lost.put("bookings", missing("appointment", "id", load.acked.get("booking"), true));
        lost.put("applications", missing("submission", "id", load.acked.get("application"), true));
        lost.put("complaints", missing("complaint", "code", load.acked.get("complaint").stream()
                .map(c -> c.replace("ADU-", "").replace("-", "")).toList(), false));
        // A survey answer has no id in its answer: the paper answers counted against those acknowledged in the run.
        long surveysStored = Long.parseLong(psql("SELECT count(*) FROM survey_response WHERE source = 'PAPER'").trim())
                - surveysBefore;
        lost.put("survey answers", Math.max(0, surveysAckedTotal.get() - surveysStored));
        long totalLost = lost.values().stream().mapToLong(Long::longValue).sum();
        long ticketFaults = Long.parseLong(psql("SELECT coalesce(sum(abs(max_seq - n) + (n - distinct_seq)), 0) FROM "
                + "(SELECT max(seq) AS max_seq, count(*) AS n, count(DISTINCT seq) AS distinct_seq FROM ticket "
                + "WHERE local_date >= DATE '2026-12-01' GROUP BY mall_id, local_date, prefix) t").trim());
        long overbooked = Long.parseLong(psql("SELECT count(*) FROM appointment_slot a WHERE a.booked > a.seats OR "
                + "(SELECT count(*) FROM appointment p WHERE p.mall_id = a.mall_id AND p.service_id = a.service_id "
                + "AND p.starts_at = a.starts_at AND p.status IN ('BOOKED', 'CHECKED_IN')) > a.seats").trim());
        long duplicateIds = load.duplicateAcks.get();
        long duplicated = ticketFaults + overbooked + duplicateIds;
        return new Verified(totalLost, lost.toString(), duplicated, ticketFaults, overbooked, duplicateIds);
    }

    long missing(String table, String column, java.util.Collection<String> ids, boolean uuid) throws Exception {
        if (ids.isEmpty()) {
            return 0;
        }
        String list = ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        String type = uuid ? "uuid" : "text";
        return Long.parseLong(psql("SELECT count(*) FROM unnest(ARRAY[" + list + "]::" + type + "[]) AS k(v) WHERE "
                + "NOT EXISTS (SELECT 1 FROM " + table + " t WHERE t." + column + "::" + type + " = k.v)").trim());
    }

    /**
     * Waits for the events still to deliver (booking confirmations among them) to be delivered: until none is
     * pending, or their number has not moved for 10 s (a publication whose listener failed waits for a restart).
     */
    void drainPublications() throws Exception {
        String last = "";
        long unchangedSince = System.currentTimeMillis();
        for (int i = 0; i < 240; i++) {
            String pending = psql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL").trim();
            if ("0".equals(pending)) {
                return;
            }
            if (!pending.equals(last)) {
                last = pending;
                unchangedSince = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - unchangedSince > 10_000) {
                return;
            }
            Thread.sleep(500);
        }
    }

    // ---------------------------------------------------------------- the load

    /** Workers sending mixed writes, round-robin over the given instances, recording every answer. */
    final class Load {
        final List<String> bases;
        final int workers;
        final AtomicBoolean running = new AtomicBoolean();
        final List<Thread> threads = new ArrayList<>();
        final Map<String, Set<String>> acked = new ConcurrentHashMap<>();
        final AtomicLong duplicateAcks = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicInteger next = new AtomicInteger();
        /** Each answer: sent (nanos), done (nanos), status (0 for none), Retry-After present. */
        final ConcurrentLinkedQueue<long[]> answers = new ConcurrentLinkedQueue<>();

        Load(List<String> bases, int workers) {
            this.bases = bases;
            this.workers = workers;
            for (String kind : List.of("ticket", "booking", "application", "survey", "complaint")) {
                acked.put(kind, ConcurrentHashMap.newKeySet());
            }
        }

        void start() {
            running.set(true);
            for (int i = 0; i < workers; i++) {
                threads.add(Thread.ofVirtual().start(this::work));
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join();
            }
        }

        void work() {
            while (running.get()) {
                String base = bases.get(Math.floorMod(next.getAndIncrement(), bases.size()));
                int pick = ThreadLocalRandom.current().nextInt(100);
                String kind = pick < 40 ? "ticket" : pick < 60 ? "booking" : pick < 72 ? "application"
                        : pick < 84 ? "survey" : "complaint";
                long sent = System.nanoTime();
                HttpResponse<String> r = send(base, kind);
                long done = System.nanoTime();
                int status = r == null ? 0 : r.statusCode();
                boolean retryAfter = r != null && r.headers().firstValue("Retry-After").isPresent();
                answers.add(new long[] {sent, done, status, retryAfter ? 1 : 0, KINDS.indexOf(kind)});
                if (r == null) {
                    failed.incrementAndGet();
                    sleep(200);
                } else if (status / 100 == 2) {
                    record(kind, r.body());
                } else if (status == 503) {
                    sleep(200);
                } else if (status >= 500) {
                    System.out.printf("%.1f s: %d for a %s: %s%n", at(), status, kind,
                            r.body().substring(0, Math.min(300, r.body().length())));
                }
            }
        }

        HttpResponse<String> send(String base, String kind) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int booking = "booking".equals(kind) ? bookingCounter.incrementAndGet() : 0;
            return switch (kind) {
                case "ticket" -> post(base + "/api/v1/malls/" + TICKET_MALL + "/tickets", "{\"serviceCode\":\""
                        + ticketServices.get(random.nextInt(ticketServices.size())) + "\"}", null);
                case "booking" -> post(base + "/api/v1/appointments", "{\"mallCode\":\"" + TICKET_MALL
                        + "\",\"serviceCode\":\"" + bookingService + "\",\"start\":\""
                        + bookingSlots.get(random.nextInt(bookingSlots.size())) + "\",\"nik\":\""
                        + nik(booking) + "\",\"name\":\"Warga Uji\",\"email\":\"" + emailOf(booking) + "\"}", null);
                case "application" -> post(base + "/api/v1/submissions", "{\"mallCode\":\"32.17\",\"serviceCode\":"
                        + "\"pb-umku\",\"applicant\":{\"nik\":\"3671011708850002\",\"fullName\":\"Budi Santoso\","
                        + "\"birthDate\":\"1985-08-17\"},\"purpose\":\"Izin usaha warung\"}", "Bearer " + clientToken);
                case "survey" -> post(base + "/api/v1/surveys", "{\"mallCode\":\"" + TICKET_MALL
                        + "\",\"serviceCode\":\"" + ticketServices.getFirst() + "\",\"answers\":{\"U1\":4,\"U2\":3,"
                        + "\"U3\":4,\"U4\":3,\"U5\":4,\"U6\":3,\"U7\":4,\"U8\":3,\"U9\":4}}", "Bearer " + managerToken);
                default -> post(base + "/api/v1/complaints", "{\"mallCode\":\"" + TICKET_MALL + "\",\"category\":\""
                        + complaintCategories.get(random.nextInt(complaintCategories.size()))
                        + "\",\"description\":\"Antrean terlalu lama dan papan nomor tidak menyala sejak pagi.\"}",
                        null);
            };
        }

        void record(String kind, String body) {
            if (kind.equals("survey")) {
                acked.get(kind).add(Long.toString(surveysAckedTotal.incrementAndGet()));
                return;
            }
            Matcher m = (kind.equals("complaint") ? CODE : ID).matcher(body);
            if (m.find() && !acked.get(kind).add(m.group(1)) && !kind.equals("application")) {
                // Applications: the integrator's draft for the same citizen and service may come back again.
                duplicateAcks.incrementAndGet();
            }
        }

        long acknowledged() {
            return acked.values().stream().mapToLong(Set::size).sum();
        }

        String ackedByKind() {
            return acked.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size())
                    .collect(Collectors.joining(", "));
        }

        long failed() {
            return failed.get();
        }

        long firstSuccessAfter(long from, long timeoutMillis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMillis;
            while (System.currentTimeMillis() < deadline) {
                long first = answers.stream().filter(a -> a[1] >= from && a[2] / 100 == 2).mapToLong(a -> a[1])
                        .min().orElse(-1);
                if (first >= 0) {
                    return first;
                }
                Thread.sleep(100);
            }
            return -1;
        }

        Map<String, Long> answersDoneBetween(long from, long to) {
            return answers.stream().filter(a -> a[1] >= from && a[1] < to).collect(Collectors.groupingBy(a ->
                    a[2] == 0 ? "timeout" : a[2] == 503 && a[3] == 0 ? "503 without Retry-After"
                            : Long.toString(a[2]), java.util.TreeMap::new, Collectors.counting()));
        }

        Map<String, Long> answersBetween(long from, long to) {
            return answers.stream().filter(a -> a[0] >= from && a[0] < to).collect(Collectors.groupingBy(a ->
                    a[2] == 0 ? "timeout" : a[2] == 503 && a[3] == 0 ? "503 without Retry-After"
                            : Long.toString(a[2]), java.util.TreeMap::new, Collectors.counting()));
        }

        long slowestBetween(long from, long to) {
            return answers.stream().filter(a -> a[0] >= from && a[0] < to).mapToLong(a -> (a[1] - a[0]) / 1_000_000)
                    .max().orElse(0);
        }
    }

    // ---------------------------------------------------------------- the display board of one instance

    final class Board {
        final String url;
        final Map<String, Long> seen = new ConcurrentHashMap<>();
        volatile Thread reader;
        volatile boolean running = true;

        Board(String url) {
            this.url = url;
        }

        void start() {
            reader = Thread.ofVirtual().start(() -> {
                while (running) {
                    try {
                        HttpResponse<java.io.InputStream> r = http.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
                        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(),
                                StandardCharsets.UTF_8))) {
                            String event = null;
                            for (String line; running && (line = in.readLine()) != null; ) {
                                if (line.startsWith("event:")) {
                                    event = line.substring(6).trim();
                                } else if (line.startsWith("data:") && "call".equals(event)) {
                                    Matcher number = NUMBER.matcher(line);
                                    if (number.find()) {
                                        seen.putIfAbsent(number.group(1), System.currentTimeMillis());
                                    }
                                }
                            }
                        }
                    } catch (IOException e) {
                        sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        void stop() {
            running = false;
            reader.interrupt();
        }
    }

    // ---------------------------------------------------------------- an SMTP server that counts what it gets

    static final class SmtpSink {
        final ServerSocket server;
        final Map<String, List<String>> byRecipient = new ConcurrentHashMap<>();
        final Map<String, List<Long>> receivedAt = new ConcurrentHashMap<>();
        final AtomicLong messages = new AtomicLong();

        SmtpSink() throws IOException {
            server = new ServerSocket(0);
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        Thread.ofVirtual().start(() -> session(client));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        void session(Socket socket) {
            try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8)); OutputStream out = socket.getOutputStream()) {
                reply(out, "220 bench SMTP");
                List<String> recipients = new ArrayList<>();
                for (String line; (line = in.readLine()) != null; ) {
                    String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                    switch (command) {
                        case "EHLO", "HELO" -> reply(out, "250 bench");
                        case "MAIL" -> {
                            recipients.clear();
                            reply(out, "250 OK");
                        }
                        case "RCPT" -> {
                            Matcher m = Pattern.compile("<([^>]+)>").matcher(line);
                            if (m.find()) {
                                recipients.add(m.group(1));
                            }
                            reply(out, "250 OK");
                        }
                        case "DATA" -> {
                            reply(out, "354 go on");
                            String messageId = "";
                            boolean headers = true;
                            for (String data; (data = in.readLine()) != null && !data.equals("."); ) {
                                if (data.isEmpty()) {
                                    headers = false;
                                } else if (headers && data.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                                    messageId = data.substring(11).trim();
                                }
                            }
                            for (String recipient : recipients) {
                                byRecipient.computeIfAbsent(recipient, r -> Collections.synchronizedList(
                                        new ArrayList<>())).add(messageId);
                                receivedAt.computeIfAbsent(recipient, r -> Collections.synchronizedList(
                                        new ArrayList<>())).add(System.currentTimeMillis());
                            }
                            messages.incrementAndGet();
                            reply(out, "250 OK queued");
                        }
                        case "QUIT" -> {
                            reply(out, "221 bye");
                            return;
                        }
                        default -> reply(out, "250 OK");
                    }
                }
            } catch (IOException e) {
                // The application went away mid-session (killed): nothing was accepted from this session.
            }
        }

        static void reply(OutputStream out, String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    // ---------------------------------------------------------------- setup and helpers

    void prepare(String base) throws Exception {
        ticketServices = new ArrayList<>();
        String services = get(base + "/api/v1/malls/" + TICKET_MALL + "/services", 10).body();
        Matcher code = Pattern.compile("\\{\"code\":\"([^\"]+)\",\"name\"").matcher(services);
        while (code.find()) {
            ticketServices.add(code.group(1));
        }
        // Services with a daily quota would answer QUOTA_EXHAUSTED after a while; keep to the others.
        String unlimited = psql("SELECT string_agg(s.code, ',') FROM service s JOIN mall m ON m.id = s.mall_id "
                + "WHERE m.code = '" + TICKET_MALL + "' AND s.active AND s.daily_quota IS NULL").trim();
        ticketServices.retainAll(List.of(unlimited.split(",")));
        bookingService = psql("SELECT s.code FROM appointment_rules r JOIN service s ON s.id = r.service_id "
                + "JOIN mall m ON m.id = r.mall_id WHERE m.code = '" + TICKET_MALL + "' AND r.enabled AND s.active "
                + "AND s.daily_quota IS NULL ORDER BY s.code LIMIT 1").trim();
        bookingSlots = slots(base, List.of("2026-12-02", "2026-12-03", "2026-12-04", "2026-12-07", "2026-12-08"));
        complaintCategories = new ArrayList<>();
        Matcher category = CODE.matcher(get(base + "/api/v1/complaint-categories", 10).body());
        while (category.find()) {
            complaintCategories.add(category.group(1));
        }
        HttpResponse<String> client = http(HttpRequest.newBuilder(URI.create(base + "/api/v1/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("superapp-demo:" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")), 10);
        clientToken = field(client.body(), "access_token");
        managerToken = token(base, "manager-" + TICKET_MALL.replace(".", ""));
        surveysBefore = Long.parseLong(psql("SELECT count(*) FROM survey_response WHERE source = 'PAPER'").trim());
        if (ticketServices.isEmpty() || bookingService.isEmpty() || bookingSlots.isEmpty()
                || complaintCategories.isEmpty() || clientToken == null || managerToken == null) {
            throw new IllegalStateException("Setup incomplete: services " + ticketServices + ", booking "
                    + bookingService + " " + bookingSlots.size() + " slots, categories " + complaintCategories
                    + ", client token " + (clientToken != null) + ", manager token " + (managerToken != null));
        }
        System.out.printf("setup: %d ticket services at %s, bookings at %s (%d slots), %d complaint categories%n",
                ticketServices.size(), TICKET_MALL, bookingService, bookingSlots.size(), complaintCategories.size());
    }

    List<String> slots(String base, List<String> days) {
        List<String> starts = new ArrayList<>();
        for (String day : days) {
            Matcher start = START.matcher(get(base + "/api/v1/malls/" + TICKET_MALL + "/services/" + bookingService
                    + "/slots?date=" + day, 10).body());
            while (start.find()) {
                starts.add(start.group(1));
            }
        }
        return starts;
    }

    String token(String base, String username) {
        HttpResponse<String> r = post(base + "/api/v1/auth/token", "{\"username\":\"" + username
                + "\",\"password\":\"" + PASSWORD + "\"}", null);
        return r != null && r.statusCode() == 200 ? field(r.body(), "accessToken") : null;
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    void startApp(String name, int port) throws Exception {
        Instant clock = CLOCK_START.plusMillis(System.currentTimeMillis() - benchStart);
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar,
                "--server.port=" + port, "--logging.level.root=WARN",
                "--satupintu.rate-limit.public-writes.capacity=100000000",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.port(),
                "--spring.datasource.hikari.maximum-pool-size=10");
        Map<String, String> env = builder.environment();
        env.put("SATUPINTU_CLOCK", clock.toString());
        env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + pgPort + "/postgres");
        env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        env.put("SATUPINTU_DEMO_DATA", "true");
        env.put("SATUPINTU_DATA_DIR", work.resolve("data-" + name).toString());
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("app-" + name + ".log").toFile()));
        Process process = builder.start();
        apps.put(name, process);
        Files.writeString(work.resolve("app-" + name + ".pid"), Long.toString(process.pid()));
        long deadline = System.currentTimeMillis() + 240_000;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> health = get(base(port) + "/actuator/health", 5);
            if (health != null && health.statusCode() == 200) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Instance " + name + " did not start; see " + work.resolve("app-"
                        + name + ".log"));
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Instance " + name + " not healthy within 4 minutes");
    }

    String psql(String sql) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("psql", "-X", "-q", "-At", "-h", "localhost", "-p",
                Integer.toString(pgPort), "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-f", "-");
        builder.redirectErrorStream(true);
        Process p = builder.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write((sql + ";\n").getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + out);
        }
        return out;
    }

    /** pg_ctl as the user the server runs as (PG_RUN_AS: a command prefix such as runuser, when this runs as root). */
    void pgCtl(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        String runAs = System.getenv().getOrDefault("PG_RUN_AS", "").trim();
        if (!runAs.isEmpty()) {
            command.addAll(List.of(runAs.split(" ")));
        }
        command.add(pgCtl);
        command.addAll(List.of(arguments));
        run(command);
    }

    void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    HttpResponse<String> get(String url, int timeoutSeconds) {
        return http(HttpRequest.newBuilder(URI.create(url)), timeoutSeconds);
    }

    HttpResponse<String> post(String url, String json, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http(request, 20);
    }

    HttpResponse<String> http(HttpRequest.Builder request, int timeoutSeconds) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(timeoutSeconds)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static String base(int port) {
        return "http://localhost:" + port;
    }

    /** A structurally valid NIK (Kota Tangerang, born 1 January 1990), distinct for every n below 99 * 9999. */
    /** The e-mail address of booking number n (below 9,999 in a run, so the NIK's serial tells it apart). */
    String emailOf(int n) {
        return "b" + n + "-" + benchStart + "@bench.test";
    }

    static String nik(int n) {
        return String.format("3671%02d010190%04d", n / 9999 + 1, n % 9999 + 1);
    }

    /** Seconds since the start of the run, to place events and received messages side by side. */
    double at() {
        return (System.currentTimeMillis() - benchStart) / 1000.0;
    }

    /** Seconds since the start of the run of a System.nanoTime() instant. */
    double at(long nanos) {
        return at() - (System.nanoTime() - nanos) / 1e9;
    }

    void mark(String event) {
        System.out.printf("%.1f s: %s%n", at(), event);
    }

    void figure(String line) {
        System.out.println(line);
        figures.add(line);
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
