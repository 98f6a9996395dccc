package id.satupintu.insight;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import id.satupintu.complaint.Complaints;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import id.satupintu.shared.MallId;
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
        Mall mall = malls.get(mallId);
        IkmReports.Report report = ikm.forMall(mall.code(), from, to, null, null);
        ZoneId zone = mall.timeZone();
        Complaints.Counts counts = complaints.countsOf(mallId, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant());
        long respondents = report.ikm().respondents();
        return Optional.of(new Figures(respondents == 0 ? null : report.ikm().ikm(), respondents, counts.received(),
                counts.resolved()));
    }
}
