package id.satupintu.notification;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Where the simulated gateways put what they would have sent, newest first, so that a demo without a mail server
 * or SMS provider can still show the messages. Kept in memory, the last 200.
 */
@Component
class SimulatedOutbox {

    private static final int KEPT = 200;

    private final Deque<SentMessage> messages = new ArrayDeque<>();
    private final Clock clock;

    SimulatedOutbox(Clock clock) {
        this.clock = clock;
    }

    synchronized void add(SentMessage.Kind kind, String to, String subject, String text, List<String> attachments) {
        messages.addFirst(new SentMessage(clock.instant(), kind, to, subject, text, List.copyOf(attachments)));
        while (messages.size() > KEPT) {
            messages.removeLast();
        }
    }

    synchronized List<SentMessage> all() {
        return List.copyOf(messages);
    }
}
