package id.satupintu.survey;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Answers as callers send them, made into scores; what is not a whole number is refused, not rounded. */
final class Scores {

    private Scores() {
    }

    /** From JSON, where {@code null} leaves the element out; {@code 2.5} or {@code "3"} are refused. */
    static Map<String, Integer> fromJson(Map<String, JsonNode> answers) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        if (answers != null) {
            answers.forEach((element, value) -> {
                if (value == null || value.isNull()) {
                    scores.put(element, null);
                } else if (value.isIntegralNumber() && value.canConvertToInt()) {
                    scores.put(element, value.intValue());
                } else {
                    throw SurveyError.invalid("score", element, value.toString());
                }
            });
        }
        return scores;
    }

    /** From form fields named after the elements ({@code U1} ...); an empty field leaves the element out. */
    static Map<String, Integer> fromForm(Map<String, String> fields, Iterable<SurveyElement> elements) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (SurveyElement element : elements) {
            String value = fields.get(element.code());
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                scores.put(element.code(), Integer.parseInt(value.strip()));
            } catch (NumberFormatException e) {
                throw SurveyError.invalid("score", element.code(), value.strip());
            }
        }
        return scores;
    }
}
