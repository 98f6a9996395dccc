package id.satupintu.insight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import id.satupintu.region.Mall;
import id.satupintu.shared.web.ProblemFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The manager's floor monitor (kept live by polling its fragment every few seconds) and reports with charts and
 * exports, and the national administrator's view of all malls.
 */
@Controller
class InsightPagesController {

    private final InsightScope scope;
    private final FloorMonitor monitor;
    private final Reports reports;
    private final ReportExports exports;
    private final MessageSource messages;
    private final ProblemFactory problems;
    private final JsonMapper json;

    InsightPagesController(InsightScope scope, FloorMonitor monitor, Reports reports, ReportExports exports,
            MessageSource messages, ProblemFactory problems, JsonMapper json) {
        this.scope = scope;
        this.monitor = monitor;
        this.reports = reports;
        this.exports = exports;
        this.messages = messages;
        this.problems = problems;
        this.json = json;
    }

    // ---- floor monitor

    @GetMapping("/manage/{mallCode}/floor")
    String floor(@PathVariable String mallCode, Model model, Locale locale) {
        Mall mall = scope.mall(mallCode);
        model.addAttribute("mall", mall);
        model.addAttribute("floor", monitor.floor(mall, locale));
        return "insight/floor";
    }

    /** The live part of the monitor, fetched again every few seconds. */
    @GetMapping("/manage/{mallCode}/floor/live")
    String floorLive(@PathVariable String mallCode, Model model, Locale locale) {
        floor(mallCode, model, locale);
        return "insight/floor :: live";
    }

    @PostMapping("/manage/{mallCode}/floor/targets")
    String targets(@PathVariable String mallCode, @RequestParam int targetWaitMinutes,
            @RequestParam int alertWaitMinutes, RedirectAttributes redirect, Locale locale) {
        Mall mall = scope.mall(mallCode);
        try {
            monitor.setTargets(mall, new FloorMonitor.Targets(targetWaitMinutes, alertWaitMinutes));
            redirect.addFlashAttribute("saved", true);
        } catch (InsightError e) {
            redirect.addFlashAttribute("error", problems.detail(e, locale));
        }
        return "redirect:/manage/" + mall.code() + "/floor";
    }

    // ---- reports

    @GetMapping("/manage/{mallCode}/reports")
    String report(@PathVariable String mallCode, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String by, Model model,
            Locale locale) {
        Mall mall = scope.mall(mallCode);
        InsightScope.Period period = scope.period(from, to, mall.timeZone());
        MallReport report = reports.mall(mall, period.from(), period.to(), InsightScope.granularity(by), locale);
        model.addAttribute("mall", mall);
        model.addAttribute("report", report);
        model.addAttribute("today", scope.today(mall.timeZone()));
        model.addAttribute("charts", charts(report, locale));
        return "insight/report";
    }

    @GetMapping("/manage/{mallCode}/reports.{format}")
    ResponseEntity<byte[]> export(@PathVariable String mallCode, @PathVariable String format,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String by, Locale locale) {
        ReportExports.Format chosen;
        try {
            chosen = ReportExports.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InsightError(InsightError.Code.INVALID_CHOICE, format);
        }
        Mall mall = scope.mall(mallCode);
        InsightScope.Period period = scope.period(from, to, mall.timeZone());
        MallReport report = reports.mall(mall, period.from(), period.to(), InsightScope.granularity(by), locale);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, chosen.mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(ReportExports.fileName(report, chosen)).build().toString())
                .body(exports.write(report, chosen, locale));
    }

    // ---- national view

    @GetMapping("/manage/national")
    String national(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String rank, Model model) {
        scope.requireNational();
        InsightScope.Period period = scope.period(from, to, InsightScope.NATIONAL_ZONE);
        NationalView view = reports.national(period.from(), period.to(), InsightScope.ranking(rank));
        model.addAttribute("view", view);
        model.addAttribute("today", scope.today(InsightScope.NATIONAL_ZONE));
        Map<String, String> trends = new LinkedHashMap<>();
        for (NationalView.MallRow row : view.malls()) {
            trends.put(row.code(), json.writeValueAsString(Map.of("type", "spark",
                    "labels", view.months().stream().map(Object::toString).toList(),
                    "values", row.monthlyVisitors())));
        }
        model.addAttribute("trends", trends);
        return "insight/national";
    }

    /** What the report page's charts draw, as JSON for insight.js (no inline script under the CSP). */
    private Map<String, String> charts(MallReport report, Locale locale) {
        Map<String, String> charts = new LinkedHashMap<>();
        charts.put("series", json.writeValueAsString(Map.of("type", "series",
                "labels", report.series().stream().map(p -> p.start().toString()).toList(),
                "visitors", report.series().stream().map(MallReport.Point::visitors).toList(),
                "wait", report.series().stream().map(MallReport.Point::waitAverage).toList(),
                "visitorsLabel", text("insight.visitors", locale),
                "waitLabel", text("insight.waitAverage", locale))));
        charts.put("channels", json.writeValueAsString(Map.of("type", "doughnut",
                "labels", List.of(text("insight.channel.walkIn", locale), text("insight.channel.booking", locale),
                        text("insight.channel.online", locale)),
                "values", List.of(report.channels().walkIn(), report.channels().booking(),
                        report.channels().online()))));
        List<String> hours = new ArrayList<>();
        List<Integer> arrivals = new ArrayList<>();
        int first = 24;
        int last = -1;
        for (int h = 0; h < 24; h++) {
            if (report.arrivalsByHour()[h] > 0) {
                first = Math.min(first, h);
                last = h;
            }
        }
        if (last < 0) {
            first = 7;
            last = 16;
        }
        for (int h = first; h <= last; h++) {
            hours.add("%02d".formatted(h));
            arrivals.add(report.arrivalsByHour()[h]);
        }
        charts.put("hours", json.writeValueAsString(Map.of("type", "bar", "labels", hours, "values", arrivals,
                "label", text("insight.arrivals", locale))));
        return charts;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
