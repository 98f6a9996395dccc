package id.satupintu.insight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import id.satupintu.region.Mall;
import id.satupintu.shared.MallId;

/**
 * Where reports get satisfaction (IKM from the SKM survey) and complaints of a mall and period. The module that runs
 * the survey and complaints provides a bean of this type; until one exists, reports show "—" for these figures.
 */
public interface FeedbackFigures {

    /**
     * @param ikm         the index (25.00 to 100.00) per PermenPANRB 14/2017, or null without respondents
     * @param respondents survey answers in the period
     * @param complaints  complaints received in the period
     * @param resolved    of those, resolved
     */
    record Figures(BigDecimal ikm, long respondents, long complaints, long resolved) {
    }

    Optional<Figures> of(Mall mall, LocalDate from, LocalDate to);

    /** The figures of several malls over the same local days; a mall without figures is left out. */
    default Map<MallId, Figures> ofEach(Collection<Mall> malls, LocalDate from, LocalDate to) {
        Map<MallId, Figures> figures = new HashMap<>();
        for (Mall mall : malls) {
            of(mall, from, to).ifPresent(f -> figures.put(mall.id(), f));
        }
        return figures;
    }
}
