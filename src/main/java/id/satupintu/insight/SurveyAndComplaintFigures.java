package id.satupintu.insight;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import id.satupintu.complaint.Complaints;
import id.satupintu.region.Mall;
import id.satupintu.shared.MallId;
import id.satupintu.survey.Ikm;
import id.satupintu.survey.IkmReports;
import org.springframework.stereotype.Component;

/** The reports' satisfaction and complaint figures, from the survey's exact IKM and the complaints received. */
@Component
class SurveyAndComplaintFigures implements FeedbackFigures {

    private final IkmReports ikm;
    private final Complaints complaints;

    SurveyAndComplaintFigures(IkmReports ikm, Complaints complaints) {
        this.ikm = ikm;
        this.complaints = complaints;
    }

    @Override
    public Optional<Figures> of(Mall mall, LocalDate from, LocalDate to) {
        return Optional.of(figures(mall, ikm.ikmOf(mall.id(), from, to).orElse(null), from, to));
    }

    @Override
    public Map<MallId, Figures> ofEach(Collection<Mall> chosen, LocalDate from, LocalDate to) {
        Map<MallId, Ikm> indices = ikm.ikmOfEachMall(from, to);
        Map<MallId, Figures> figures = new HashMap<>();
        for (Mall mall : chosen) {
            figures.put(mall.id(), figures(mall, indices.get(mall.id()), from, to));
        }
        return figures;
    }

    private Figures figures(Mall mall, Ikm index, LocalDate from, LocalDate to) {
        ZoneId zone = mall.timeZone();
        Complaints.Counts counts = complaints.countsOf(mall.id(), from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant());
        long respondents = index == null ? 0 : index.respondents();
        return new Figures(respondents == 0 ? null : index.ikm(), respondents, counts.received(), counts.resolved());
    }
}
