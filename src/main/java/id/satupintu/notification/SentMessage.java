package id.satupintu.notification;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** A message as a simulated gateway kept it, for the demo outbox. */
public record SentMessage(Instant at, Kind kind, String to, String subject, String text, List<String> attachments) {

    public enum Kind {
        EMAIL, SMS
    }

    /** When it was kept, to the second, in UTC (the outbox serves every mall, whatever its zone). */
    public String time() {
        return at.truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ').replace("Z", " UTC");
    }
}
