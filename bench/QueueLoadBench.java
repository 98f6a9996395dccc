import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for the queue of a running SatuPintu (started by bench/queue-bench.sh). Three measurements:
 * <ol>
 * <li>ticket issuance through the HTTP API, with {@code clients} concurrent clients for {@code seconds} seconds,
 * spread over every service without a quota of every mall;
 * <li>call-next throughput: every counter of one mall calling, starting and finishing until its lines are empty;
 * <li>live fan-out: {@code boards} display boards connected by server-sent events, and the time from a call until
 * each board has it (p50, p99).
 * </ol>
 * Usage: {@code java bench/QueueLoadBench.java <baseUrl> <clients> <seconds> <boards> <resultsFile>}.
 */
public class QueueLoadBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int clients = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int boards = Integer.parseInt(args[3]);
        Path results = Path.of(args[4]);
        StringBuilder out = new StringBuilder();

        List<String[]> targets = new ArrayList<>();
        Pattern service = Pattern.compile("\\{\"code\":\"([a-z0-9-]+)\",\"name\":.*?\"dailyQuota\":(null|\\d+)",
                Pattern.DOTALL);
        for (String mall : fields(get(base + "/api/v1/malls"), "code")) {
            Matcher matcher = service.matcher(get(base + "/api/v1/malls/" + mall + "/services"));
            while (matcher.find()) {
                if (matcher.group(2).equals("null")) {
                    targets.add(new String[] {mall, matcher.group(1)});
                }
            }
        }
        Collections.shuffle(targets, new java.util.Random(7));

        // 1. issuance
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger cursor = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        String[] target = targets.get(Math.floorMod(cursor.getAndIncrement(), targets.size()));
                        int status = post(base + "/api/v1/malls/" + target[0] + "/tickets",
                                "{\"serviceCode\":\"" + target[1] + "\"}", null).statusCode();
                        (status == 201 ? issued : refused).incrementAndGet();
                    }
                    return null;
                });
            }
        }
        double issueSeconds = (System.nanoTime() - start) / 1e9;
        double issueRate = issued.get() / issueSeconds;
        out.append(String.format("issue.http.tickets_per_second %.1f%n", issueRate));
        out.append(String.format("issue.http.tickets %d (refused %d) in %.1f s with %d clients over %d services%n",
                issued.get(), refused.get(), issueSeconds, clients, targets.size()));

        // 2. call-next throughput at one mall
        String token = field(post(base + "/api/v1/auth/token",
                "{\"username\":\"manager-3671\",\"password\":\"mpp-demo-2026\"}", null).body(), "accessToken");
        List<String> counters = fields(get(base + "/api/v1/counters", token), "id");
        AtomicInteger calls = new AtomicInteger();
        long callStart = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String counter : counters) {
                pool.submit(() -> {
                    post(base + "/api/v1/counters/" + counter + "/open", "", token);
                    while (true) {
                        HttpResponse<String> called = post(base + "/api/v1/counters/" + counter + "/call-next", "",
                                token);
                        if (called.statusCode() != 200) {
                            return null;
                        }
                        calls.incrementAndGet();
                        String id = field(called.body(), "id");
                        post(base + "/api/v1/tickets/" + id + "/start", "", token);
                        post(base + "/api/v1/tickets/" + id + "/finish", "", token);
                    }
                });
            }
        }
        double callSeconds = (System.nanoTime() - callStart) / 1e9;
        out.append(String.format("call.http.calls_per_second %.1f (%d calls by %d counters, each call followed by "
                + "start and finish)%n", calls.get() / callSeconds, calls.get(), counters.size()));

        // 3. fan-out to boards
        String counterJson = get(base + "/api/v1/counters", token);
        Matcher firstCounter = Pattern.compile("\\{\"id\":(\\d+),[^}]*?\"serviceCodes\":\\[\"([^\"]+)\"")
                .matcher(counterJson);
        if (!firstCounter.find()) {
            throw new IllegalStateException("No counter with services: " + counterJson);
        }
        String counter = firstCounter.group(1);
        String serviceCode = firstCounter.group(2);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong callSentAt = new AtomicLong();
        CountDownLatch connected = new CountDownLatch(boards);
        List<java.util.concurrent.CompletableFuture<?>> streams = new ArrayList<>();
        HttpClient sse = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        for (int b = 0; b < boards; b++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/board/36.71/events"))
                    .header("Accept", "text/event-stream").build();
            streams.add(sse.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(
                    new BoardSubscriber(connected, latencies, callSentAt))));
        }
        boolean allConnected = connected.await(120, TimeUnit.SECONDS);
        out.append(String.format("fanout.boards_connected %d of %d%n", boards - connected.getCount(), boards));
        int rounds = 20;
        int expected = 0;
        for (int round = 0; round < rounds && allConnected; round++) {
            post(base + "/api/v1/malls/36.71/tickets", "{\"serviceCode\":\"" + serviceCode + "\"}", null);
            int before = latencies.size();
            callSentAt.set(System.nanoTime());
            HttpResponse<String> called = post(base + "/api/v1/counters/" + counter + "/call-next", "", token);
            if (called.statusCode() != 200) {
                continue;
            }
            expected += boards;
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (latencies.size() < before + boards && System.nanoTime() < waitUntil) {
                Thread.sleep(5);
            }
            String id = field(called.body(), "id");
            post(base + "/api/v1/tickets/" + id + "/start", "", token);
            post(base + "/api/v1/tickets/" + id + "/finish", "", token);
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (!sorted.isEmpty()) {
            out.append(String.format("fanout.call_to_board_ms p50 %.1f p99 %.1f max %.1f (%d deliveries of %d "
                    + "expected, %d boards, %d calls)%n", ms(percentile(sorted, 50)), ms(percentile(sorted, 99)),
                    ms(sorted.getLast()), sorted.size(), expected, boards, rounds));
        }
        streams.forEach(s -> s.cancel(true));
        System.out.print(out);
        Files.writeString(results, out.toString(), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        System.exit(0);
    }

    /** Reads a board's event stream without holding a thread: one line at a time as it arrives. */
    static final class BoardSubscriber implements java.util.concurrent.Flow.Subscriber<String> {
        private final CountDownLatch connected;
        private final ConcurrentLinkedQueue<Long> latencies;
        private final AtomicLong callSentAt;
        private String event = "";
        private boolean first = true;

        BoardSubscriber(CountDownLatch connected, ConcurrentLinkedQueue<Long> latencies, AtomicLong callSentAt) {
            this.connected = connected;
            this.latencies = latencies;
            this.callSentAt = callSentAt;
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                if (first && event.equals("state")) {
                    first = false;
                    connected.countDown();
                } else if (event.equals("call")) {
                    latencies.add(System.nanoTime() - callSentAt.get());
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static String get(String url) throws Exception {
        return get(url, null);
    }

    static String get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static HttpResponse<String> post(String url, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String field(String json, String name) {
        return fields(json, name).getFirst();
    }

    static List<String> fields(String json, String name) {
        List<String> values = new ArrayList<>();
        Matcher matcher = Pattern.compile("\"" + name + "\":\"?([^\",}]+)\"?").matcher(json);
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }
}
