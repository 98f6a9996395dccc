package id.satupintu.survey;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.identity.StaffPrincipal;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import id.satupintu.shared.NotFoundException;
import id.satupintu.shared.web.ProblemFactory;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The mall manager's survey pages: typing in paper questionnaires, and the IKM report to download as CSV or PDF.
 */
@Controller
class ManageSurveysController {

    private final Surveys surveys;
    private final IkmReports reports;
    private final IkmReportFiles files;
    private final Malls malls;
    private final Catalogue catalogue;
    private final ProblemFactory problems;

    ManageSurveysController(Surveys surveys, IkmReports reports, IkmReportFiles files, Malls malls,
            Catalogue catalogue, ProblemFactory problems) {
        this.surveys = surveys;
        this.reports = reports;
        this.files = files;
        this.malls = malls;
        this.catalogue = catalogue;
        this.problems = problems;
    }

    @GetMapping("/manage/{mallCode}/surveys")
    String overview(@PathVariable String mallCode, Model model) {
        Mall mall = managed(mallCode);
        IkmReports.Period period = reports.period(mall, null, null);
        model.addAttribute("mall", mall);
        model.addAttribute("period", period);
        model.addAttribute("agencies", catalogue.agencies(mall.id()));
        model.addAttribute("services", catalogue.services(mall.id()));
        model.addAttribute("counters", catalogue.counters(mall.id()));
        return "survey/manage";
    }

    @GetMapping("/manage/{mallCode}/surveys/paper")
    String paper(@PathVariable String mallCode, @RequestParam(required = false) String service,
            @RequestParam(required = false) String date, @RequestParam(defaultValue = "0") int count, Model model) {
        Mall mall = managed(mallCode);
        model.addAttribute("count", Math.max(0, count));
        return paperForm(mall, Map.of("service", service == null ? "" : service,
                "date", date == null ? reports.period(mall, null, null).to().toString() : date), model);
    }

    @PostMapping("/manage/{mallCode}/surveys/paper")
    String enterPaper(@PathVariable String mallCode, @RequestParam Map<String, String> fields,
            @RequestParam(defaultValue = "0") int count, Model model, Locale locale, HttpServletResponse response) {
        Mall mall = managed(mallCode);
        String serviceCode = fields.getOrDefault("service", "").strip();
        String date = fields.getOrDefault("date", "").strip();
        try {
            if (serviceCode.isEmpty()) {
                throw SurveyError.invalid("service");
            }
            MallService service = catalogue.service(mall.id(), serviceCode);
            surveys.enterPaper(StaffPrincipal.requireCurrent(), mall, service,
                    Scores.fromForm(fields, surveys.elements()), Respondent.fromForm(fields), day(date));
        } catch (SurveyError | NotFoundException e) {
            response.setStatus(ProblemFactory.statusOf(e.code().kind()).value());
            model.addAttribute("error", problems.detail(e, locale));
            model.addAttribute("count", Math.max(0, count));
            return paperForm(mall, fields, model);
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/manage/{mall}/surveys/paper")
                .queryParam("service", serviceCode).queryParam("date", date).queryParam("count", count + 1)
                .buildAndExpand(mall.code()).encode().toUriString();
    }

    /** The IKM report of the mall, or of one of its agencies or services, as {@code csv} or {@code pdf}. */
    @GetMapping("/manage/{mallCode}/surveys/report.{format:csv|pdf}")
    ResponseEntity<byte[]> report(@PathVariable String mallCode, @PathVariable String format,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String agencyCode, @RequestParam(required = false) String serviceCode,
            Locale locale) {
        IkmReports.Report report = reports.forMall(managed(mallCode).code(), from, to, agencyCode, serviceCode);
        boolean csv = format.equals("csv");
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(files.fileName(report, format)).build().toString())
                .body(csv ? files.csv(report, locale) : files.pdf(report, locale));
    }

    private String paperForm(Mall mall, Map<String, ?> given, Model model) {
        model.addAttribute("mall", mall);
        model.addAttribute("agencies", catalogue.agencies(mall.id()));
        model.addAttribute("services", catalogue.activeServices(mall.id()));
        SurveyForm.prepare(model, surveys.elements(), given);
        return "survey/paper";
    }

    private static LocalDate day(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw SurveyError.invalid("date", text);
        }
    }

    private Mall managed(String mallCode) {
        Mall mall = malls.getByCode(mallCode);
        StaffPrincipal.requireCurrent().requireManagerOf(mall.id());
        return mall;
    }
}
