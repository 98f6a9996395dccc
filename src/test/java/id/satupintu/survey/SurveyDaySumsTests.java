package id.satupintu.survey;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import id.satupintu.SatuPintuTest;
import id.satupintu.demo.HistoryGenerator;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The day and month sums the IKM is read from equal a recount of the stored answers, after answers one by one and a
 * made-up history written in bulk; the index of a mall over a period of a whole month and days around it, read from
 * the sums, is the one computed from its raw answers.
 */
@SatuPintuTest
class SurveyDaySumsTests {

    /**
     * Ends of a period with a whole calendar month (July) and days of the months around it; months no other test
     * generates history for.
     */
    private static final LocalDate FROM = LocalDate.of(2026, 6, 26);
    private static final LocalDate TO = LocalDate.of(2026, 8, 4);

    @Autowired
    HistoryGenerator generator;

    @Autowired
    Surveys surveys;

    @Autowired
    IkmReports reports;

    @Autowired
    Malls malls;

    @Autowired
    JdbcClient jdbc;

    @Test
    void daySumsEqualARecountOfTheAnswers() {
        Mall tangerang = malls.getByCode("36.71");
        Mall wajo = malls.getByCode("73.13");
        generator.generate(FROM, TO, List.of(tangerang, wajo), false);

        long generated = jdbc.sql("SELECT count(*) FROM survey_response WHERE answered_on BETWEEN :from AND :to")
                .param("from", FROM).param("to", TO).query(Long.class).single();
        assertThat(generated).as("the history has survey answers").isGreaterThan(50);
        assertThat(counts()).isEqualTo(recountedCounts());
        assertThat(tallies()).isEqualTo(recountedTallies());
        assertThat(monthCounts()).isEqualTo(recountedMonthCounts());
        assertThat(monthTallies()).isEqualTo(recountedMonthTallies());

        Ikm fromSums = reports.ikmOf(tangerang.id(), FROM, TO).orElseThrow();
        Map<String, IkmCalculator.Tally> raw = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT a.element_code, count(*) AS n, sum(a.score) AS total
                FROM survey_response r JOIN survey_answer a ON a.response_id = r.id
                WHERE r.mall_id = :mall AND r.answered_on BETWEEN :from AND :to GROUP BY a.element_code
                """)
                .param("mall", tangerang.id().value()).param("from", FROM).param("to", TO)
                .query(rs -> {
                    raw.put(rs.getString("element_code"), new IkmCalculator.Tally(rs.getLong("n"),
                            rs.getLong("total")));
                });
        long respondents = jdbc.sql("SELECT count(*) FROM survey_response WHERE mall_id = :mall"
                        + " AND answered_on BETWEEN :from AND :to")
                .param("mall", tangerang.id().value()).param("from", FROM).param("to", TO).query(Long.class)
                .single();
        assertThat(fromSums).isEqualTo(IkmCalculator.compute(surveys.elements(), raw, respondents));
        assertThat(reports.ikmOfEachMall(FROM, TO).get(tangerang.id())).isEqualTo(fromSums);
    }

    private List<Map<String, Object>> counts() {
        return jdbc.sql("SELECT mall_id, answered_on, agency_id, service_id, source, respondents FROM survey_day_count"
                + " ORDER BY 1, 2, 4, 5").query().listOfRows();
    }

    private List<Map<String, Object>> recountedCounts() {
        return jdbc.sql("""
                SELECT mall_id, answered_on, min(agency_id) AS agency_id, service_id, source,
                       CAST(count(*) AS int) AS respondents
                FROM survey_response GROUP BY mall_id, answered_on, service_id, source ORDER BY 1, 2, 4, 5
                """).query().listOfRows();
    }

    private List<Map<String, Object>> monthCounts() {
        return jdbc.sql("SELECT mall_id, answered_on, source, respondents FROM survey_month_count ORDER BY 1, 2, 3")
                .query().listOfRows();
    }

    private List<Map<String, Object>> recountedMonthCounts() {
        return jdbc.sql("""
                SELECT mall_id, CAST(date_trunc('month', answered_on) AS date) AS answered_on, source,
                       CAST(count(*) AS int) AS respondents
                FROM survey_response GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                """).query().listOfRows();
    }

    private List<Map<String, Object>> monthTallies() {
        return jdbc.sql("SELECT mall_id, answered_on, element_code, answers, score_total FROM survey_month_tally"
                + " ORDER BY 1, 2, 3").query().listOfRows();
    }

    private List<Map<String, Object>> recountedMonthTallies() {
        return jdbc.sql("""
                SELECT r.mall_id, CAST(date_trunc('month', r.answered_on) AS date) AS answered_on, a.element_code,
                       CAST(count(*) AS int) AS answers, sum(a.score) AS score_total
                FROM survey_response r JOIN survey_answer a ON a.response_id = r.id
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                """).query().listOfRows();
    }

    private List<Map<String, Object>> tallies() {
        return jdbc.sql("SELECT mall_id, answered_on, agency_id, service_id, element_code, answers, score_total"
                + " FROM survey_day_tally ORDER BY 1, 2, 4, 5").query().listOfRows();
    }

    private List<Map<String, Object>> recountedTallies() {
        return jdbc.sql("""
                SELECT r.mall_id, r.answered_on, min(r.agency_id) AS agency_id, r.service_id, a.element_code,
                       CAST(count(*) AS int) AS answers, sum(a.score) AS score_total
                FROM survey_response r JOIN survey_answer a ON a.response_id = r.id
                GROUP BY r.mall_id, r.answered_on, r.service_id, a.element_code ORDER BY 1, 2, 4, 5
                """).query().listOfRows();
    }
}
