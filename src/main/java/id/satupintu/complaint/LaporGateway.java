package id.satupintu.complaint;

import java.time.Instant;

/**
 * The port to SP4N-LAPOR!, the national complaint channel (Perpres 76/2013). A mall manager passes a complaint on
 * there when it is for an institution outside the mall; SatuPintu files it as a report and then asks for its status
 * until LAPOR! answers or ends it (polling: the mall's servers need not be reachable from outside). Reports carry what
 * the complaint is about, never who complained: answers reach the complainant through SatuPintu.
 *
 * <p>An HTTP adapter when {@code satupintu.lapor.url} is set, else a simulator for the demo.
 */
interface LaporGateway {

    /**
     * Files a report and returns its id in LAPOR!. Filing the same report again (same code and request time) is
     * harmless: the adapter sends a key that lets LAPOR! answer with the first report.
     *
     * @throws LaporUnavailable when LAPOR! cannot take it now; the caller tries again later
     */
    String submit(Report report);

    /**
     * Where a report stands in LAPOR!.
     *
     * @throws LaporUnavailable when LAPOR! cannot answer now
     */
    Status status(String reportId);

    /**
     * A complaint as LAPOR! receives it.
     *
     * @param reference   the complaint's code in SatuPintu, so that LAPOR!'s staff can refer back to it
     * @param requestedAt when the manager passed it on; with the reference, the key of the report
     * @param institution the agency and mall the complaint is about
     */
    record Report(String reference, Instant requestedAt, String category, String description, String institution,
            String regionCode) {

        String idempotencyKey() {
            return reference + "-" + requestedAt.getEpochSecond();
        }
    }

    /** A report's status; {@code reply} is the institution's answer once there is one. */
    record Status(String reportId, State state, String reply) {
    }

    /** LAPOR!'s statuses as SatuPintu needs them. */
    enum State {
        RECEIVED, IN_PROGRESS, ANSWERED, CLOSED, REJECTED;

        /** Whether LAPOR! has nothing more to say about the report. */
        boolean finished() {
            return this == ANSWERED || this == CLOSED || this == REJECTED;
        }
    }

    /** LAPOR! did not take the report or answer the question now; nothing changed, ask again later. */
    final class LaporUnavailable extends RuntimeException {

        LaporUnavailable(String message) {
            super(message, null, false, false);
        }
    }
}
