package id.satupintu.survey;

import id.satupintu.shared.LocalizedText;

/** One element (unsur) of the survey, such as {@code U1} requirements, with its question. */
public record SurveyElement(String code, int position, LocalizedText name, LocalizedText question) {
}
