package id.satupintu.survey;

import java.util.List;
import java.util.Map;

import org.springframework.ui.Model;

/** What every questionnaire page shows: the elements, the profile's choices, and what was given already. */
final class SurveyForm {

    private SurveyForm() {
    }

    static void prepare(Model model, List<SurveyElement> elements, Map<String, ?> given) {
        model.addAttribute("elements", elements);
        model.addAttribute("given", given);
        model.addAttribute("sexes", Respondent.Sex.values());
        model.addAttribute("educations", Respondent.Education.values());
        model.addAttribute("occupations", Respondent.Occupation.values());
    }
}
