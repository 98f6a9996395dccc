package id.satupintu.queue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import id.satupintu.shared.MallId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The display boards and ticket status pages connected to this instance, by mall. Each notification is turned into
 * one board state per mall and sent to every board of that mall; status pages of the mall are told to refresh.
 * Sends run on virtual threads so one slow screen never holds up the others.
 */
@Component
class LiveHub implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);

    private static final long EMITTER_TIMEOUT_MILLIS = 30 * 60 * 1000L;

    private final Board boards;
    private final JsonMapper json;
    private final Map<Long, Set<SseEmitter>> boardsByMall = new ConcurrentHashMap<>();
    private final Map<Long, Map<SseEmitter, String>> ticketPagesByMall = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

    LiveHub(Board boards, JsonMapper json) {
        this.boards = boards;
        this.json = json;
    }

    SseEmitter subscribeBoard(MallId mall) {
        SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT_MILLIS);
        Set<SseEmitter> set = boardsByMall.computeIfAbsent(mall.value(), k -> ConcurrentHashMap.newKeySet());
        set.add(emitter);
        Runnable remove = () -> set.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(emitter, "state", boards.state(mall));
        return emitter;
    }

    SseEmitter subscribeTicket(MallId mall, TicketId ticket) {
        SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT_MILLIS);
        Map<SseEmitter, String> pages = ticketPagesByMall.computeIfAbsent(mall.value(), k -> new ConcurrentHashMap<>());
        pages.put(emitter, ticket.toString());
        Runnable remove = () -> pages.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(emitter, "refresh", Map.of("ticket", true));
        return emitter;
    }

    /**
     * Every notice changes what boards show, so they get the new state; a call is also announced. The notices that
     * arrived together are handled together: a mall's state is read and written as JSON once for all of them, not once
     * per notice or per screen, so that a busy mall's boards do not fall behind its notices.
     */
    void deliver(List<QueueEvents.Notice> notices) {
        Map<Long, List<QueueEvents.Notice>> byMall = new LinkedHashMap<>();
        notices.forEach(n -> byMall.computeIfAbsent(n.mall(), m -> new ArrayList<>()).add(n));
        byMall.forEach((mall, ofMall) -> {
            try {
                deliver(mall, ofMall);
            } catch (RuntimeException e) {
                log.warn("Could not deliver queue notifications to the screens of mall {}", mall, e);
            }
        });
    }

    private void deliver(long mall, List<QueueEvents.Notice> notices) {
        Set<SseEmitter> mallBoards = boardsByMall.getOrDefault(mall, Set.of());
        if (!mallBoards.isEmpty()) {
            List<String> calls = notices.stream().filter(n -> QueueEvents.Notice.CALLED.equals(n.kind()))
                    .map(n -> json.writeValueAsString(new Board.Call(n.number(), n.counter(), null))).toList();
            String state = json.writeValueAsString(boards.state(new MallId(mall)));
            for (SseEmitter board : mallBoards) {
                senders.execute(() -> {
                    calls.forEach(call -> sendNow(board, "call", call));
                    sendNow(board, "state", state);
                });
            }
        }
        Map<SseEmitter, String> pages = ticketPagesByMall.getOrDefault(mall, Map.of());
        Set<String> tickets = notices.stream().map(QueueEvents.Notice::ticket).collect(Collectors.toSet());
        String mine = "{\"ticket\":true}";
        String others = "{\"ticket\":false}";
        pages.forEach((page, ticket) -> senders.execute(() ->
                sendNow(page, "refresh", tickets.contains(ticket) ? mine : others)));
    }

    /** After the listener lost and regained the database, screens may have missed changes: refresh them all. */
    void reconnected() {
        boardsByMall.forEach((mall, set) -> {
            if (!set.isEmpty()) {
                Board.State state = boards.state(new MallId(mall));
                set.forEach(board -> send(board, "state", state));
            }
        });
        ticketPagesByMall.values().forEach(pages -> pages.keySet().forEach(page ->
                send(page, "refresh", Map.of("ticket", true))));
    }

    /** A comment line now and then keeps proxies from closing idle streams and reveals dead ones. */
    @Scheduled(fixedDelay = 20_000)
    void heartbeat() {
        boardsByMall.values().forEach(set -> set.forEach(this::ping));
        ticketPagesByMall.values().forEach(pages -> pages.keySet().forEach(this::ping));
    }

    private void ping(SseEmitter emitter) {
        senders.execute(() -> {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                emitter.complete();
            }
        });
    }

    private void send(SseEmitter emitter, String name, Object data) {
        String text = json.writeValueAsString(data);
        senders.execute(() -> sendNow(emitter, name, text));
    }

    /** Sends JSON text already written; events to one screen keep their order. */
    private static void sendNow(SseEmitter emitter, String name, String jsonText) {
        try {
            synchronized (emitter) {
                emitter.send(SseEmitter.event().name(name).data(jsonText, MediaType.TEXT_PLAIN));
            }
        } catch (IOException | IllegalStateException e) {
            // The screen went away (closed tab, lost network); it reconnects by itself if it still exists.
            emitter.complete();
        }
    }

    @Override
    public void destroy() {
        boardsByMall.values().forEach(set -> set.forEach(SseEmitter::complete));
        ticketPagesByMall.values().forEach(pages -> pages.keySet().forEach(SseEmitter::complete));
        senders.shutdownNow();
    }
}
