package id.satupintu.insight;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import id.satupintu.catalogue.Agency;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.queue.CounterStatus;
import id.satupintu.queue.FloorStatus;
import id.satupintu.region.Mall;
import id.satupintu.shared.AgencyId;
import id.satupintu.shared.ServiceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live floor of a mall for the manager's big screen: the lines per service with their longest current wait, what
 * every counter is doing, and today's figures against the mall's targets. A service whose longest wait has reached
 * the alert threshold is flagged.
 */
@Service
public class FloorMonitor {

    /** The average wait a mall aims at and the wait that raises an alert, when it has set none. */
    public static final Targets DEFAULT_TARGETS = new Targets(30, 45);

    public record Targets(int targetWaitMinutes, int alertWaitMinutes) {
    }

    /** A service with visitors today. */
    public record Line(String code, String name, String agency, int waiting, int priorityWaiting,
            Long longestWaitMinutes, Double averageWaitMinutes, int served, int noShows, boolean alert) {
    }

    public record Desk(String name, String agency, String status, String pauseReason, String ticket, boolean idle) {
    }

    /**
     * @param averageWaitMinutes today's average wait of the tickets called so far, null before the first call
     */
    public record Floor(String mallCode, String mallName, String timeZone, ZonedDateTime at, Targets targets,
            int waiting, Long longestWaitMinutes, int served, int noShows, Double averageWaitMinutes,
            boolean overTarget, int open, int paused, int idle, int closed, List<Line> lines, List<Desk> desks,
            List<Line> alerts) {

        /** How many alerts the banner names; the rest it counts, as the list marks them all. */
        static final int ALERTS_NAMED = 5;

        /** The alerts the banner names: the longest waits, then the most people waiting. */
        public List<Line> namedAlerts() {
            return alerts.stream()
                    .sorted(java.util.Comparator.comparing(Line::longestWaitMinutes,
                                    java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()))
                            .thenComparing(java.util.Comparator.comparingInt(Line::waiting).reversed()))
                    .limit(ALERTS_NAMED).toList();
        }

        public int unnamedAlerts() {
            return Math.max(0, alerts.size() - ALERTS_NAMED);
        }
    }

    private final FloorStatus status;
    private final Catalogue catalogue;
    private final JdbcClient jdbc;

    FloorMonitor(FloorStatus status, Catalogue catalogue, JdbcClient jdbc) {
        this.status = status;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Floor floor(Mall mall, Locale locale) {
        FloorStatus.Snapshot snapshot = status.of(mall);
        Targets targets = targets(mall);
        Map<ServiceId, MallService> services = new HashMap<>();
        catalogue.services(mall.id()).forEach(s -> services.put(s.id(), s));
        Map<AgencyId, Agency> agencies = new HashMap<>();
        catalogue.agencies(mall.id()).forEach(a -> agencies.put(a.id(), a));
        Instant now = snapshot.at();

        List<Line> lines = snapshot.lines().stream()
                .map(l -> {
                    MallService s = services.get(l.service());
                    Long longest = l.oldestQueuedAt() == null ? null
                            : Duration.between(l.oldestQueuedAt(), now).toMinutes();
                    return new Line(s == null ? "?" : s.code(), s == null ? "?" : s.name().in(locale),
                            s == null ? "" : agencyName(agencies, s.agencyId(), locale), l.waiting(),
                            l.priorityWaiting(), longest,
                            l.waitCount() == 0 ? null : Reports.minutes(l.waitSecondsSum() / (double) l.waitCount()),
                            l.served(), l.noShows(), longest != null && longest >= targets.alertWaitMinutes());
                })
                .sorted(Comparator.comparing((Line l) -> l.longestWaitMinutes() == null ? -1 : l.longestWaitMinutes())
                        .reversed().thenComparing(Line::waiting, Comparator.reverseOrder()).thenComparing(Line::name))
                .toList();
        List<Desk> desks = snapshot.desks().stream()
                .map(d -> new Desk(d.name(), agencyName(agencies, d.agency(), locale), d.status().name(),
                        d.pauseReason(), d.ticketNumber(), d.idle()))
                .sorted(Comparator.comparing((Desk d) -> order(d)).thenComparing(Desk::name))
                .toList();

        int waiting = lines.stream().mapToInt(Line::waiting).sum();
        Long longest = lines.stream().map(Line::longestWaitMinutes).filter(java.util.Objects::nonNull)
                .max(Long::compare).orElse(null);
        long waitCount = snapshot.lines().stream().mapToLong(FloorStatus.Line::waitCount).sum();
        long waitSum = snapshot.lines().stream().mapToLong(FloorStatus.Line::waitSecondsSum).sum();
        Double average = waitCount == 0 ? null : Reports.minutes(waitSum / (double) waitCount);
        int open = count(snapshot, CounterStatus.OPEN);
        int idle = (int) snapshot.desks().stream().filter(FloorStatus.Desk::idle).count();
        return new Floor(mall.code(), mall.name(), mall.timeZone().getId(), now.atZone(mall.timeZone()), targets,
                waiting, longest, lines.stream().mapToInt(Line::served).sum(),
                lines.stream().mapToInt(Line::noShows).sum(), average,
                average != null && average > targets.targetWaitMinutes(), open,
                count(snapshot, CounterStatus.PAUSED), idle, count(snapshot, CounterStatus.CLOSED), lines, desks,
                lines.stream().filter(Line::alert).toList());
    }

    /** Paused counters first (they need attention), then idle, busy, closed. */
    private static int order(Desk desk) {
        return switch (desk.status()) {
            case "PAUSED" -> 0;
            case "OPEN" -> desk.idle() ? 1 : 2;
            default -> 3;
        };
    }

    private static int count(FloorStatus.Snapshot snapshot, CounterStatus wanted) {
        return (int) snapshot.desks().stream().filter(d -> d.status() == wanted).count();
    }

    private static String agencyName(Map<AgencyId, Agency> agencies, AgencyId id, Locale locale) {
        Agency agency = agencies.get(id);
        return agency == null ? "" : agency.name().in(locale);
    }

    public Targets targets(Mall mall) {
        return jdbc.sql("SELECT target_wait_minutes, alert_wait_minutes FROM insight_target WHERE mall_id = :mall")
                .param("mall", mall.id().value())
                .query((rs, n) -> new Targets(rs.getInt(1), rs.getInt(2)))
                .optional().orElse(DEFAULT_TARGETS);
    }

    @Transactional
    public void setTargets(Mall mall, Targets targets) {
        if (targets.targetWaitMinutes() < 1 || targets.targetWaitMinutes() > 600 || targets.alertWaitMinutes() < 1
                || targets.alertWaitMinutes() > 600) {
            throw new InsightError(InsightError.Code.INVALID_TARGET);
        }
        jdbc.sql("""
                INSERT INTO insight_target (mall_id, target_wait_minutes, alert_wait_minutes)
                VALUES (:mall, :target, :alert)
                ON CONFLICT (mall_id) DO UPDATE SET target_wait_minutes = excluded.target_wait_minutes,
                    alert_wait_minutes = excluded.alert_wait_minutes
                """)
                .param("mall", mall.id().value()).param("target", targets.targetWaitMinutes())
                .param("alert", targets.alertWaitMinutes())
                .update();
    }
}
