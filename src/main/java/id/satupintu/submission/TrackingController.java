package id.satupintu.submission;

import java.util.Locale;
import java.util.Optional;

import id.satupintu.shared.web.ProblemFactory;
import id.satupintu.workflow.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public tracking page: anyone with the tracking number sees where the application stands and its steps, but
 * no personal data and no notes (those are for the signed-in applicant).
 */
@Controller
class TrackingController {

    private final Submissions submissions;
    private final ApplicationViews views;
    private final ProblemFactory problems;

    TrackingController(Submissions submissions, ApplicationViews views, ProblemFactory problems) {
        this.submissions = submissions;
        this.views = views;
        this.problems = problems;
    }

    @GetMapping("/track")
    String form(@RequestParam(required = false) String number, Model model, Locale locale) {
        if (number == null || number.isBlank()) {
            return "submission/track";
        }
        Optional<TrackingNumber> parsed = TrackingNumber.parse(number);
        if (parsed.isPresent() && submissions.byTracking(parsed.get()).isPresent()) {
            return "redirect:/track/" + parsed.get();
        }
        model.addAttribute("number", number);
        model.addAttribute("error", problems.message("error.TRACKING_NUMBER_UNKNOWN", new Object[] {number.strip()},
                locale));
        return "submission/track";
    }

    @GetMapping("/track/{number}")
    String track(@PathVariable String number, Model model) {
        Submission s = TrackingNumber.parse(number).flatMap(submissions::byTracking)
                .orElseThrow(SubmissionError::notFound);
        model.addAttribute("view", views.of(s, Actor.SYSTEM));
        return "submission/tracking";
    }
}
