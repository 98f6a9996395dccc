package id.satupintu.survey;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The optional profile of the questionnaire: age, sex, education and occupation, each may be left out. Nothing in it
 * names the person.
 */
public record Respondent(Integer age, Sex sex, Education education, Occupation occupation) {

    public static final Respondent NONE = new Respondent(null, null, null, null);
    public static final int MIN_AGE = 10;
    public static final int MAX_AGE = 120;

    public enum Sex { MALE, FEMALE }

    public enum Education { SD, SMP, SMA, D1_D3, D4_S1, S2, S3 }

    public enum Occupation { PNS, TNI_POLRI, SWASTA, WIRAUSAHA, PELAJAR, LAINNYA }

    public Respondent {
        if (age != null && (age < MIN_AGE || age > MAX_AGE)) {
            throw SurveyError.invalid("age", MIN_AGE, MAX_AGE);
        }
    }

    /** A profile from what a form or a caller sent; blanks are left out, unknown values refused. */
    public static Respondent of(Integer age, String sex, String education, String occupation) {
        return new Respondent(age, parse(Sex.class, "sex", sex), parse(Education.class, "education", education),
                parse(Occupation.class, "occupation", occupation));
    }

    /** A profile from form fields {@code age}, {@code sex}, {@code education} and {@code occupation}. */
    static Respondent fromForm(Map<String, String> fields) {
        String age = fields.get("age");
        Integer years = null;
        if (age != null && !age.isBlank()) {
            try {
                years = Integer.valueOf(age.strip());
            } catch (NumberFormatException e) {
                throw SurveyError.invalid("age", MIN_AGE, MAX_AGE);
            }
        }
        return of(years, fields.get("sex"), fields.get("education"), fields.get("occupation"));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SurveyError.invalid("profile", field, value, Arrays.toString(type.getEnumConstants()));
        }
    }
}
