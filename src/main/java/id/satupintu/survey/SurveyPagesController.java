package id.satupintu.survey;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import id.satupintu.catalogue.Catalogue;
import id.satupintu.queue.TicketId;
import id.satupintu.shared.QrCodes;
import id.satupintu.shared.web.LimitedPublicWrite;
import id.satupintu.shared.web.ProblemFactory;
import id.satupintu.submission.SubmissionError;
import id.satupintu.submission.SubmissionId;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The citizen's questionnaire, reached from a finished ticket's status page (link and QR code) or from an issued
 * application's page. The ticket or application id in the address is what entitles to one answer.
 */
@Controller
class SurveyPagesController {

    private final Surveys surveys;
    private final Catalogue catalogue;
    private final ProblemFactory problems;

    SurveyPagesController(Surveys surveys, Catalogue catalogue, ProblemFactory problems) {
        this.surveys = surveys;
        this.catalogue = catalogue;
        this.problems = problems;
    }

    @GetMapping("/survey/ticket/{id}")
    String ticket(@PathVariable String id, Model model, HttpServletResponse response) {
        return form(() -> surveys.forTicket(TicketId.parse(id)), "/survey/ticket/" + id, model, response);
    }

    @PostMapping("/survey/ticket/{id}")
    @LimitedPublicWrite
    String answerTicket(@PathVariable String id, @RequestParam Map<String, String> fields, Model model,
            Locale locale, HttpServletResponse response) {
        return answer(() -> surveys.forTicket(TicketId.parse(id)), "/survey/ticket/" + id, fields, model, locale,
                response);
    }

    /** The QR code of the ticket's survey, for the status page shown on a screen the citizen does not hold. */
    @GetMapping(path = "/survey/ticket/{id}/qr.svg", produces = "image/svg+xml")
    ResponseEntity<String> ticketQr(@PathVariable String id) {
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/survey/ticket/{id}")
                .buildAndExpand(TicketId.parse(id)).toUriString();
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).body(QrCodes.svg(url, url));
    }

    @GetMapping("/survey/application/{id}")
    String application(@PathVariable String id, Model model, HttpServletResponse response) {
        return form(() -> surveys.forApplication(applicationId(id)), "/survey/application/" + id, model, response);
    }

    @PostMapping("/survey/application/{id}")
    @LimitedPublicWrite
    String answerApplication(@PathVariable String id, @RequestParam Map<String, String> fields, Model model,
            Locale locale, HttpServletResponse response) {
        return answer(() -> surveys.forApplication(applicationId(id)), "/survey/application/" + id, fields, model,
                locale, response);
    }

    @GetMapping("/survey/thanks")
    String thanks(Model model) {
        return message(model, "thanks");
    }

    private String form(Supplier<Surveys.Subject> subjectOf, String action, Model model,
            HttpServletResponse response) {
        Surveys.Subject subject;
        try {
            subject = subjectOf.get();
        } catch (SurveyError e) {
            response.setStatus(ProblemFactory.statusOf(e.code().kind()).value());
            return message(model, "notOpen");
        }
        if (surveys.answered(subject)) {
            return message(model, "answered");
        }
        return show(subject, action, Map.of(), model);
    }

    private String answer(Supplier<Surveys.Subject> subjectOf, String action, Map<String, String> fields,
            Model model, Locale locale, HttpServletResponse response) {
        Surveys.Subject subject = null;
        try {
            subject = subjectOf.get();
            surveys.answer(subject, Scores.fromForm(fields, surveys.elements()), Respondent.fromForm(fields),
                    Source.ONLINE);
            return "redirect:/survey/thanks";
        } catch (SurveyError e) {
            response.setStatus(ProblemFactory.statusOf(e.code().kind()).value());
            if (subject == null || e.code() == SurveyError.Code.SURVEY_NOT_OPEN) {
                return message(model, "notOpen");
            }
            if (e.code() == SurveyError.Code.ALREADY_ANSWERED) {
                return message(model, "answered");
            }
            model.addAttribute("error", problems.detail(e, locale));
            return show(subject, action, fields, model);
        }
    }

    private String show(Surveys.Subject subject, String action, Map<String, ?> given, Model model) {
        model.addAttribute("action", action);
        model.addAttribute("mall", subject.mall());
        model.addAttribute("service", subject.service());
        model.addAttribute("agency", catalogue.agency(subject.mall().id(), subject.service().agencyId()));
        SurveyForm.prepare(model, surveys.elements(), given);
        return "survey/form";
    }

    private static String message(Model model, String which) {
        model.addAttribute("which", which);
        return "survey/message";
    }

    private static SubmissionId applicationId(String id) {
        return SubmissionId.parse(id).orElseThrow(() -> new SubmissionError(SubmissionError.Code.SUBMISSION_NOT_FOUND));
    }
}
