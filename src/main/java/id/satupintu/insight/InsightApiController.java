package id.satupintu.insight;

import java.util.Locale;
import java.util.function.Supplier;

import id.satupintu.region.Mall;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The monitor, the reports and the national view as JSON, under the same scope rules as the pages. */
@RestController
@Tag(name = "Insight: monitor and reports")
class InsightApiController {

    private final InsightScope scope;
    private final FloorMonitor monitor;
    private final Reports reports;

    InsightApiController(InsightScope scope, FloorMonitor monitor, Reports reports) {
        this.scope = scope;
        this.monitor = monitor;
        this.reports = reports;
    }

    @GetMapping("/api/v1/insight/malls/{mallCode}/floor")
    @Operation(summary = "The mall's floor now: lines, longest waits, counters, today's figures and alerts",
            description = "For the mall's manager and the national administrator.",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<FloorMonitor.Floor> floor(@PathVariable String mallCode, Locale locale) {
        return timed(() -> monitor.floor(scope.mall(mallCode), locale));
    }

    @GetMapping("/api/v1/insight/malls/{mallCode}/report")
    @Operation(summary = "The mall's report for a period of its local days (from, to: ISO dates; by: day, week or "
            + "month)", description = "Default: the last 30 days. Times in minutes, rates as fractions.",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<MallReport> report(@PathVariable String mallCode, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String by, Locale locale) {
        Mall mall = scope.mall(mallCode);
        InsightScope.Period period = scope.period(from, to, mall.timeZone());
        return timed(() -> reports.mall(mall, period.from(), period.to(), InsightScope.granularity(by), locale));
    }

    @GetMapping("/api/v1/insight/national")
    @Operation(summary = "The malls side by side, ranked (rank: wait, ikm, sla or volume), with monthly trends",
            description = "For the national administrator only.", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<NationalView> national(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String rank) {
        scope.requireNational();
        InsightScope.Period period = scope.period(from, to, InsightScope.NATIONAL_ZONE);
        return timed(() -> reports.national(period.from(), period.to(), InsightScope.ranking(rank)));
    }

    /** The answer with the time it took to build, as a standard Server-Timing header (for dashboards, benchmarks). */
    private static <T> ResponseEntity<T> timed(Supplier<T> build) {
        long start = System.nanoTime();
        T body = build.get();
        double millis = (System.nanoTime() - start) / 1_000_000.0;
        return ResponseEntity.ok().header("Server-Timing", String.format(Locale.ROOT, "build;dur=%.1f", millis))
                .body(body);
    }
}
