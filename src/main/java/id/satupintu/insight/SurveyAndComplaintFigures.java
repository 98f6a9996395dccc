package id.satupintu.insight;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import id.satupintu.complaint.Complaints;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import id.satupintu.shared.MallId;
import id.satupintu.survey.Ikm;
import id.satupintu.survey.IkmReports;
import org.springframework.stereotype.Component;

/** The reports' satisfaction and complaint figures, from the survey's exact IKM and the complaints received. */
@Component
class SurveyAndComplaintFigures implements FeedbackFigures {

    private final IkmReports ikm;
    private final Complaints complaints;
    private final Malls malls;

    SurveyAndComplaintFigures(IkmReports ikm, Complaints complaints, Malls malls) {
        this.ikm = ikm;
        this.complaints = complaints;
        this.malls = malls;
    }

    @Override
    public Optional<Figures> of(MallId mallId, LocalDate from, LocalDate to) {
        return Optional.of(figures(malls.get(mallId), ikm.ikmOf(mallId, from, to).orElse(null), from, to));
    }

    @Override
    public Map<MallId, Figures> ofEach(Collection<MallId> mallIds, LocalDate from, LocalDate to) {
        Map<MallId, Ikm> indices = ikm.ikmOfEachMall(from, to);
        Map<MallId, Figures> figures = new HashMap<>();
        for (MallId mallId : mallIds) {
            figures.put(mallId, figures(malls.get(mallId), indices.get(mallId), from, to));
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
