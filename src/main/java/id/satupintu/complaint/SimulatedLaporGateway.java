package id.satupintu.complaint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SP4N-LAPOR! for the demo and offline installations: takes every report and answers it {@code answerAfter} after it
 * was passed on. Keeps nothing: a report's id carries when it was passed on, so the simulator gives the same answers
 * after a restart and on every instance, and filing the same report again gives the same id.
 */
final class SimulatedLaporGateway implements LaporGateway {

    static final String REPLY = "Terima kasih atas laporan Anda. Laporan telah diteruskan kepada instansi yang "
            + "berwenang dan telah ditindaklanjuti. (Simulasi SP4N-LAPOR!)";
    private static final Pattern ID = Pattern.compile("SIM-(\\d{1,12})-([A-Z0-9-]{1,40})");

    private final Clock clock;
    private final Duration answerAfter;

    SimulatedLaporGateway(Clock clock, Duration answerAfter) {
        this.clock = clock;
        this.answerAfter = answerAfter;
    }

    @Override
    public String submit(Report report) {
        return "SIM-" + report.requestedAt().getEpochSecond() + "-" + report.reference();
    }

    @Override
    public Status status(String reportId) {
        Matcher id = ID.matcher(reportId == null ? "" : reportId);
        if (!id.matches()) {
            throw new LaporUnavailable("The LAPOR! simulator knows no report " + reportId);
        }
        Instant passedOn = Instant.ofEpochSecond(Long.parseLong(id.group(1)));
        return clock.instant().isBefore(passedOn.plus(answerAfter))
                ? new Status(reportId, State.IN_PROGRESS, null)
                : new Status(reportId, State.ANSWERED, REPLY);
    }
}
