package id.satupintu.notification;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps text messages in the demo outbox instead of sending them. */
class SimulatedSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(SimulatedSmsGateway.class);

    private final SimulatedOutbox outbox;

    SimulatedSmsGateway(SimulatedOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void send(String phone, String text) {
        outbox.add(SentMessage.Kind.SMS, phone, null, text, List.of());
        log.info("Simulated text message kept in the demo outbox");
    }
}
