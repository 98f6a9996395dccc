package id.satupintu.survey;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * The satisfaction index of a unit over a period. Every value is worked out exactly and rounded once, for showing:
 * {@code nrr} and {@code nrrAverage} to four decimals, {@code ikm} (25-100) to two. An element nobody answered has no
 * NRR; the index is then the mean over the elements that were answered, and {@link #complete()} is false. With no
 * answer at all there is no index.
 */
public record Ikm(long respondents, List<ElementScore> elements, BigDecimal nrrAverage, BigDecimal ikm, Grade grade) {

    /** One element: how many answered it, its NRR (1-4) and the NRR converted to 25-100 and graded. */
    public record ElementScore(SurveyElement element, long answered, BigDecimal nrr, BigDecimal ikm, Grade grade) {

        public String code() {
            return element.code();
        }

        public boolean isAnswered() {
            return answered > 0;
        }
    }

    public ElementScore element(String code) {
        return elements.stream().filter(e -> e.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No element " + code));
    }

    public boolean hasIndex() {
        return ikm != null;
    }

    /** Whether every element was answered by someone, so that the index covers all of them. */
    public boolean complete() {
        return elements.stream().allMatch(ElementScore::isAnswered);
    }

    public List<String> unanswered() {
        return elements.stream().filter(e -> !e.isAnswered()).map(ElementScore::code).toList();
    }

    /** The answered elements with the lowest NRR, weakest first; equal ones in the order of the form. */
    public List<ElementScore> weakest(int count) {
        return elements.stream().filter(ElementScore::isAnswered)
                .sorted(Comparator.comparing(ElementScore::nrr))
                .limit(count).toList();
    }

    public boolean isWeak(ElementScore score, int among) {
        return weakest(among).contains(score);
    }
}
