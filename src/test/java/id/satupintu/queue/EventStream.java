package id.satupintu.queue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A server-sent event stream read by a real HTTP client, as a browser's EventSource would. */
final class EventStream implements AutoCloseable {

    /** Long enough for any machine; the tests wait for an event, never for a time. */
    private static final long PATIENCE_SECONDS = 30;

    private final BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    private EventStream(int port, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream").GET().build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            String[] name = {"message"};
            r.body().forEach(line -> {
                if (line.startsWith("event:")) {
                    name[0] = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    events.add(new String[] {name[0], line.substring(5).strip()});
                    name[0] = "message";
                }
            });
        });
    }

    static EventStream open(int port, String path) {
        return new EventStream(port, path);
    }

    /** The data of the next event with this name; earlier events of other names are passed over. */
    String awaitEvent(String name) throws InterruptedException {
        while (true) {
            String[] event = events.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("No '" + name + "' event arrived");
            }
            if (event[0].equals(name)) {
                return event[1];
            }
        }
    }

    @Override
    public void close() {
        response.cancel(true);
        response.thenAccept(r -> r.body().close());
    }
}
