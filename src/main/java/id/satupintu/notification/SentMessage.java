package id.satupintu.notification;

import java.time.Instant;
import java.util.List;

/** A message as a simulated gateway kept it, for the demo outbox. */
public record SentMessage(Instant at, Kind kind, String to, String subject, String text, List<String> attachments) {

    public enum Kind {
        EMAIL, SMS
    }
}
