package id.satupintu.survey;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.identity.StaffPrincipal;
import id.satupintu.queue.TicketId;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import id.satupintu.shared.web.LimitedPublicWrite;
import id.satupintu.submission.SubmissionError;
import id.satupintu.submission.SubmissionId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@Tag(name = "Satisfaction survey (SKM)")
class SurveyApiController {

    private final Surveys surveys;
    private final IkmReports reports;
    private final Malls malls;
    private final Catalogue catalogue;

    SurveyApiController(Surveys surveys, IkmReports reports, Malls malls, Catalogue catalogue) {
        this.surveys = surveys;
        this.reports = reports;
        this.malls = malls;
        this.catalogue = catalogue;
    }

    record RespondentRequest(Integer age, @Schema(allowableValues = {"MALE", "FEMALE"}) String sex,
            @Schema(allowableValues = {"SD", "SMP", "SMA", "D1_D3", "D4_S1", "S2", "S3"}) String education,
            @Schema(allowableValues = {"PNS", "TNI_POLRI", "SWASTA", "WIRAUSAHA", "PELAJAR", "LAINNYA"})
            String occupation) {
    }

    record SurveyRequest(@NotBlank @Size(max = 20) String mallCode, @NotBlank @Size(max = 40) String serviceCode,
            String ticketId, String submissionId,
            @Schema(description = "Element code (U1..U9) to score 1-4; an element left out is not answered",
                    example = "{\"U1\": 4, \"U2\": 3, \"U3\": 3}") Map<String, JsonNode> answers,
            RespondentRequest respondent,
            @Schema(description = "Paper questionnaires only: the day it was filled in (default today)")
            LocalDate answeredOn) {
    }

    record Recorded(String mallCode, String serviceCode, Source source, LocalDate answeredOn) {
    }

    @PostMapping("/api/v1/surveys")
    @ResponseStatus(HttpStatus.CREATED)
    @LimitedPublicWrite
    @Operation(summary = "Answer the satisfaction survey (SKM)", description = """
            A public caller gives the ticketId of a finished ticket or the submissionId of an issued application; each \
            is rated once (again: 409 ALREADY_ANSWERED; not finished or issued yet: 409 SURVEY_NOT_OPEN). The mall's \
            manager (bearer token) may enter paper questionnaires without a reference, optionally with answeredOn. \
            Each answer is 1 (tidak baik) to 4 (sangat baik); an element may be left out, but at least one must be \
            answered. An answer outside 1-4, an unknown element or a missing reference: 422 INVALID_SURVEY. Nothing \
            that names the respondent is stored; the reference only as a keyed hash.""")
    Recorded answer(@Valid @RequestBody SurveyRequest request) {
        boolean ticket = present(request.ticketId());
        boolean application = present(request.submissionId());
        if (ticket && application) {
            throw SurveyError.invalid("twoReferences");
        }
        Mall mall = malls.getByCode(request.mallCode());
        MallService service = catalogue.service(mall.id(), request.serviceCode());
        Map<String, Integer> answers = Scores.fromJson(request.answers());
        RespondentRequest r = request.respondent();
        Respondent respondent = r == null ? Respondent.NONE
                : Respondent.of(r.age(), r.sex(), r.education(), r.occupation());
        if (!ticket && !application) {
            StaffPrincipal staff = StaffPrincipal.current().orElseThrow(() -> SurveyError.invalid("reference"));
            return new Recorded(mall.code(), service.code(), Source.PAPER,
                    surveys.enterPaper(staff, mall, service, answers, respondent, request.answeredOn()));
        }
        if (request.answeredOn() != null) {
            throw SurveyError.invalid("answeredOn");
        }
        Surveys.Subject subject = ticket ? surveys.forTicket(TicketId.parse(request.ticketId().strip()))
                : surveys.forApplication(SubmissionId.parse(request.submissionId())
                        .orElseThrow(() -> new SubmissionError(SubmissionError.Code.SUBMISSION_NOT_FOUND)));
        if (!subject.mall().id().equals(mall.id()) || !subject.service().id().equals(service.id())) {
            throw SurveyError.invalid("mismatch", subject.mall().code(), subject.service().code());
        }
        return new Recorded(mall.code(), service.code(), Source.ONLINE,
                surveys.answer(subject, answers, respondent, Source.ONLINE));
    }

    record ElementResult(String code, String name, long respondents, BigDecimal nrr, BigDecimal ikm, Grade grade) {
    }

    record TrendResult(String month, long respondents, BigDecimal ikm, Grade grade) {
    }

    record MallResult(String mallCode, String name, long respondents, BigDecimal ikm, Grade grade) {
    }

    /**
     * The contract's fields ({@code respondents, elements, nrrAverage, ikm, grade}) first, then what a report adds.
     */
    record IkmResult(long respondents, List<ElementResult> elements, BigDecimal nrrAverage, BigDecimal ikm,
            Grade grade, String mallCode, String agencyCode, String serviceCode, LocalDate from, LocalDate to,
            boolean complete, List<String> unansweredElements, List<String> weakestElements,
            Map<Source, Long> sources, long population, int minimumSample, boolean sampleReached,
            List<TrendResult> trend, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<MallResult> malls) {
    }

    @GetMapping("/api/v1/malls/{mallCode}/ikm")
    @Operation(summary = "The satisfaction index (IKM) of a mall, an agency or a service over a period",
            description = """
                    Per element NRR = sum of scores / respondents who answered it, converted (x 25) and graded; the \
                    unit's IKM = mean of the NRRs x 25 in exact arithmetic, rounded half up to 2 decimals, graded \
                    A (from 88.31), B (76.61), C (65.00) or D. An element nobody answered has no NRR and the IKM is \
                    the mean over the answered ones (complete = false). Dates are the mall's local days; by default \
                    the last 12 months. The report adds the minimum sample (Krejcie-Morgan) for the population \
                    served, the 12-month trend and the weakest elements.""")
    IkmResult mall(@PathVariable String mallCode,
            @Parameter(description = "First day, YYYY-MM-DD") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Last day, YYYY-MM-DD") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String agencyCode, @RequestParam(required = false) String serviceCode,
            Locale locale) {
        return result(reports.forMall(mallCode, from, to, agencyCode, serviceCode), locale);
    }

    @GetMapping("/api/v1/ikm")
    @Operation(summary = "The national satisfaction index over every mall, with each mall's own")
    IkmResult national(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Locale locale) {
        return result(reports.national(from, to), locale);
    }

    private static IkmResult result(IkmReports.Report report, Locale locale) {
        Ikm ikm = report.ikm();
        IkmReports.Unit unit = report.unit();
        return new IkmResult(ikm.respondents(), ikm.elements().stream()
                .map(e -> new ElementResult(e.code(), e.element().name().in(locale), e.answered(), e.nrr(), e.ikm(),
                        e.grade()))
                .toList(), ikm.nrrAverage(), ikm.ikm(), ikm.grade(),
                unit.mall() == null ? null : unit.mall().code(), unit.agency() == null ? null : unit.agency().code(),
                unit.service() == null ? null : unit.service().code(), report.from(), report.to(), ikm.complete(),
                ikm.unanswered(), report.weakest().stream().map(Ikm.ElementScore::code).toList(),
                new TreeMap<>(report.sources()), report.population(), report.minimumSample(), report.sampleReached(),
                report.trend().stream().map(t -> new TrendResult(t.month().toString(), t.respondents(), t.ikm(),
                        t.grade())).toList(),
                report.malls().stream().map(m -> new MallResult(m.mall().code(), m.mall().name(), m.respondents(),
                        m.ikm(), m.grade())).toList());
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
