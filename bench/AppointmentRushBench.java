import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for the appointment booking rush of a running SatuPintu (started by bench/appointment-bench.sh).
 *
 * <p>{@code clients} clients (virtual threads, each with its own connection) wait on a latch and are released at
 * once against the slots of {@code date}, a day that has just opened for booking. Each makes {@code attempts}
 * booking attempts one after the other, every attempt with a NIK of its own: the first at a random slot of the day,
 * and after a 409 SLOT_FULL at the first alternative the answer offered (as a citizen following the suggestion
 * would), or at a random slot when none was offered. Every request's latency is recorded.
 *
 * <p>Prints {@code <prefix>.*} figures (bookings per second, attempts per second, latency p50/p99/max, answers by
 * status and code) and appends them to {@code resultsFile}; {@code -} as the file only prints.
 *
 * <p>Usage: {@code java bench/AppointmentRushBench.java <baseUrl> <mallCode> <serviceCode> <date> <clients>
 * <attempts> <nikBlock> <prefix> <resultsFile>}. {@code nikBlock} (0-9) keeps the NIKs of separate runs apart.
 */
public class AppointmentRushBench {

    static final Pattern START = Pattern.compile("\"start\":\"([^\"]+)\"");
    static final Pattern CODE = Pattern.compile("\"code\":\"([A-Z_]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String mall = args[1];
        String service = args[2];
        String date = args[3];
        int clients = Integer.parseInt(args[4]);
        int attempts = Integer.parseInt(args[5]);
        int nikBlock = Integer.parseInt(args[6]);
        String prefix = args[7];
        String resultsFile = args[8];

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
        String slotsJson = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/malls/" + mall + "/services/"
                + service + "/slots?date=" + date)).build(), HttpResponse.BodyHandlers.ofString()).body();
        List<String> starts = new ArrayList<>();
        Matcher slot = START.matcher(slotsJson);
        while (slot.find()) {
            starts.add(slot.group(1));
        }
        if (starts.isEmpty()) {
            throw new IllegalStateException("No slots on " + date + ": " + slotsJson);
        }

        long[] latencies = new long[clients * attempts];
        boolean[] created = new boolean[clients * attempts];
        Map<String, LongAdder> answers = new ConcurrentHashMap<>();
        CountDownLatch allReady = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] startedAt = new long[1];
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                pool.submit(() -> {
                    // A connection of its own, opened before the latch, so that the rush measures bookings and
                    // not connection set-up.
                    HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(30)).build();
                    try {
                        own.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                                HttpResponse.BodyHandlers.discarding());
                    } catch (Exception e) {
                        answers.computeIfAbsent("warm-up-error " + e.getClass().getSimpleName(),
                                k -> new LongAdder()).increment();
                    }
                    allReady.countDown();
                    go.await();
                    String next = starts.get(ThreadLocalRandom.current().nextInt(starts.size()));
                    for (int a = 0; a < attempts; a++) {
                        int n = client * attempts + a;
                        String body = "{\"mallCode\":\"" + mall + "\",\"serviceCode\":\"" + service
                                + "\",\"start\":\"" + next + "\",\"nik\":\"" + nik(nikBlock, n)
                                + "\",\"name\":\"Rush " + n + "\",\"email\":\"rush-" + n + "@example.org\"}";
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/appointments"))
                                .header("Content-Type", "application/json").header("Accept-Language", "id")
                                .timeout(Duration.ofSeconds(120))
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long t0 = System.nanoTime();
                        String answer;
                        String responseBody = "";
                        try {
                            HttpResponse<String> response = own.send(request, HttpResponse.BodyHandlers.ofString());
                            latencies[n] = System.nanoTime() - t0;
                            responseBody = response.body();
                            Matcher code = CODE.matcher(responseBody);
                            answer = response.statusCode() + (response.statusCode() != 201 && code.find()
                                    ? " " + code.group(1) : "");
                            created[n] = response.statusCode() == 201;
                        } catch (Exception e) {
                            latencies[n] = System.nanoTime() - t0;
                            answer = "error " + e.getClass().getSimpleName();
                        }
                        answers.computeIfAbsent(answer, k -> new LongAdder()).increment();
                        Matcher alternative = START.matcher(responseBody);
                        next = answer.equals("409 SLOT_FULL") && alternative.find() ? alternative.group(1)
                                : starts.get(ThreadLocalRandom.current().nextInt(starts.size()));
                    }
                    return null;
                });
            }
            allReady.await();
            startedAt[0] = System.nanoTime();
            go.countDown();
        }
        double seconds = (System.nanoTime() - startedAt[0]) / 1e9;
        Duration driverCpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);

        int total = clients * attempts;
        long bookings = 0;
        long[] createdLatencies = new long[total];
        int c201 = 0;
        for (int i = 0; i < total; i++) {
            if (created[i]) {
                bookings++;
                createdLatencies[c201++] = latencies[i];
            }
        }
        long[] all = latencies.clone();
        Arrays.sort(all);
        long[] ok = Arrays.copyOf(createdLatencies, c201);
        Arrays.sort(ok);

        StringBuilder out = new StringBuilder();
        out.append(String.format("%s.http.bookings_per_second %.1f%n", prefix, bookings / seconds));
        out.append(String.format("%s.http.attempts_per_second %.1f%n", prefix, total / seconds));
        out.append(String.format("%s.http.bookings %d of %d attempts in %.2f s (%d clients released at once, %d "
                + "attempts each, %d slots on %s)%n", prefix, bookings, total, seconds, clients, attempts,
                starts.size(), date));
        out.append(String.format("%s.http.latency_ms all p50 %.0f p99 %.0f max %.0f (target p99 under 1000)%n",
                prefix, ms(percentile(all, 50)), ms(percentile(all, 99)), ms(all[all.length - 1])));
        if (ok.length > 0) {
            out.append(String.format("%s.http.latency_ms created p50 %.0f p99 %.0f max %.0f%n", prefix,
                    ms(percentile(ok, 50)), ms(percentile(ok, 99)), ms(ok[ok.length - 1])));
        }
        out.append(String.format("%s.http.answers %s%n", prefix, answers.entrySet().stream().sorted(Map.Entry
                .comparingByKey()).map(e -> e.getKey() + ": " + e.getValue().sum()).reduce((a, b) -> a + ", " + b)
                .orElse("none")));
        out.append(String.format("%s.driver.cpu_seconds %.1f (this load driver, since its start)%n", prefix,
                driverCpu.toMillis() / 1000.0));
        System.out.print(out);
        if (!resultsFile.equals("-")) {
            Files.writeString(Path.of(resultsFile), out.toString(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        System.exit(0);
    }

    /**
     * A structurally valid NIK, distinct for every n below 9999 * 99: province 16 (Sumatera Selatan), regency
     * {@code 1<block>}, district 01-99, born 1 January 1990, serial 0001-9999.
     */
    static String nik(int block, int n) {
        int district = n / 9999 + 1;
        int serial = n % 9999 + 1;
        if (district > 99) {
            throw new IllegalArgumentException("Too many NIKs: " + n);
        }
        return String.format("161%d%02d010190%04d", block, district, serial);
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }
}
