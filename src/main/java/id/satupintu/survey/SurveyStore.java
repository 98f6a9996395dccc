package id.satupintu.survey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.satupintu.shared.AgencyId;
import id.satupintu.shared.LocalizedText;
import id.satupintu.shared.MallId;
import id.satupintu.shared.MonthSplit;
import id.satupintu.shared.ServiceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Questionnaires and their answers in PostgreSQL, and the sums the index is computed from. */
@Repository
class SurveyStore {

    private final JdbcClient jdbc;

    SurveyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SurveyElement> elements() {
        return jdbc.sql("SELECT code, position, name_id, name_en, question_id, question_en FROM survey_element"
                        + " ORDER BY position")
                .query((rs, n) -> new SurveyElement(rs.getString("code"), rs.getInt("position"),
                        new LocalizedText(rs.getString("name_id"), rs.getString("name_en")),
                        new LocalizedText(rs.getString("question_id"), rs.getString("question_en"))))
                .list();
    }

    /** A questionnaire to store; {@code referenceHash} is empty for a paper one without a reference. */
    record NewResponse(MallId mall, AgencyId agency, ServiceId service, LocalDate answeredOn, Source source,
            String referenceHash, Map<String, Integer> answers, Respondent respondent) {
    }

    /**
     * Stores the questionnaire with its answers; false, with nothing stored, when its reference was answered before.
     * The unique reference decides, so two answers sent at the same moment cannot both count.
     */
    boolean insert(NewResponse r) {
        UUID id = UUID.randomUUID();
        Respondent p = r.respondent();
        int inserted = jdbc.sql("""
                INSERT INTO survey_response (mall_id, id, agency_id, service_id, answered_on, source, reference_hash,
                    age, sex, education, occupation)
                VALUES (:mall, :id, :agency, :service, :day, :source, :reference, :age, :sex, :education, :occupation)
                ON CONFLICT (mall_id, reference_hash) DO NOTHING
                """)
                .param("mall", r.mall().value()).param("id", id).param("agency", r.agency().value())
                .param("service", r.service().value()).param("day", r.answeredOn())
                .param("source", r.source().name()).param("reference", r.referenceHash())
                .param("age", p.age()).param("sex", name(p.sex())).param("education", name(p.education()))
                .param("occupation", name(p.occupation()))
                .update();
        if (inserted == 0) {
            return false;
        }
        List<Object> values = new ArrayList<>();
        r.answers().forEach((element, score) -> values.addAll(List.of(r.mall().value(), id, element, score)));
        jdbc.sql("INSERT INTO survey_answer (mall_id, response_id, element_code, score) VALUES "
                        + String.join(", ", java.util.Collections.nCopies(r.answers().size(), "(?, ?, ?, ?)")))
                .params(values)
                .update();
        addToDays(List.of(r));
        return true;
    }

    /**
     * Stores many questionnaires that carry no reference (made-up demo history) in a few statements: the responses,
     * their answers and the day sums.
     */
    void insertAll(List<NewResponse> responses) {
        if (responses.isEmpty()) {
            return;
        }
        Columns response = new Columns(10);
        Columns answer = new Columns(4);
        for (NewResponse r : responses) {
            if (r.referenceHash() != null) {
                throw new IllegalArgumentException("Questionnaires with a reference are stored one by one");
            }
            UUID id = UUID.randomUUID();
            Respondent p = r.respondent();
            response.add(r.mall().value(), id, r.agency().value(), r.service().value(), r.answeredOn(),
                    r.source().name(), p.age(), name(p.sex()), name(p.education()), name(p.occupation()));
            r.answers().forEach((element, score) -> answer.add(r.mall().value(), id, element, score));
        }
        jdbc.sql("""
                INSERT INTO survey_response (mall_id, id, agency_id, service_id, answered_on, source, age, sex,
                    education, occupation)
                SELECT * FROM unnest(CAST(:c0 AS bigint[]), CAST(:c1 AS uuid[]), CAST(:c2 AS bigint[]),
                    CAST(:c3 AS bigint[]), CAST(:c4 AS date[]), CAST(:c5 AS text[]), CAST(:c6 AS smallint[]),
                    CAST(:c7 AS text[]), CAST(:c8 AS text[]), CAST(:c9 AS text[]))
                """)
                .params(response.asParams())
                .update();
        jdbc.sql("""
                INSERT INTO survey_answer (mall_id, response_id, element_code, score)
                SELECT * FROM unnest(CAST(:c0 AS bigint[]), CAST(:c1 AS uuid[]), CAST(:c2 AS text[]),
                    CAST(:c3 AS smallint[]))
                """)
                .params(answer.asParams())
                .update();
        addToDays(responses);
    }

    /** Adds questionnaires to the sums of their days and months. */
    private void addToDays(List<NewResponse> responses) {
        record Day(long mall, LocalDate day, long agency, long service) {
        }
        Map<List<Object>, long[]> counts = new LinkedHashMap<>();
        Map<List<Object>, long[]> tallies = new LinkedHashMap<>();
        for (NewResponse r : responses) {
            Day day = new Day(r.mall().value(), r.answeredOn(), r.agency().value(), r.service().value());
            counts.computeIfAbsent(List.of(day, r.source().name()), k -> new long[1])[0]++;
            r.answers().forEach((element, score) -> {
                long[] tally = tallies.computeIfAbsent(List.of(day, element), k -> new long[2]);
                tally[0]++;
                tally[1] += score;
            });
        }
        Columns count = new Columns(6);
        counts.forEach((key, n) -> {
            Day day = (Day) key.get(0);
            count.add(day.mall(), day.day(), day.agency(), day.service(), key.get(1), n[0]);
        });
        Columns tally = new Columns(7);
        tallies.forEach((key, t) -> {
            Day day = (Day) key.get(0);
            tally.add(day.mall(), day.day(), day.agency(), day.service(), key.get(1), t[0], t[1]);
        });
        jdbc.sql("""
                INSERT INTO survey_day_count (mall_id, answered_on, agency_id, service_id, source, respondents)
                SELECT * FROM unnest(CAST(:c0 AS bigint[]), CAST(:c1 AS date[]), CAST(:c2 AS bigint[]),
                    CAST(:c3 AS bigint[]), CAST(:c4 AS text[]), CAST(:c5 AS int[]))
                ON CONFLICT (mall_id, answered_on, service_id, source)
                DO UPDATE SET respondents = survey_day_count.respondents + excluded.respondents
                """)
                .params(count.asParams())
                .update();
        jdbc.sql("""
                INSERT INTO survey_day_tally (mall_id, answered_on, agency_id, service_id, element_code, answers,
                    score_total)
                SELECT * FROM unnest(CAST(:c0 AS bigint[]), CAST(:c1 AS date[]), CAST(:c2 AS bigint[]),
                    CAST(:c3 AS bigint[]), CAST(:c4 AS text[]), CAST(:c5 AS int[]), CAST(:c6 AS bigint[]))
                ON CONFLICT (mall_id, answered_on, service_id, element_code)
                DO UPDATE SET answers = survey_day_tally.answers + excluded.answers,
                    score_total = survey_day_tally.score_total + excluded.score_total
                """)
                .params(tally.asParams())
                .update();
        jdbc.sql("""
                INSERT INTO survey_month_count (mall_id, answered_on, source, respondents)
                SELECT mall, CAST(date_trunc('month', day) AS date), source, sum(n)
                FROM unnest(CAST(:c0 AS bigint[]), CAST(:c1 AS date[]), CAST(:c4 AS text[]), CAST(:c5 AS int[]))
                    AS c(mall, day, source, n)
                GROUP BY 1, 2, 3
                ON CONFLICT (mall_id, answered_on, source)
                DO UPDATE SET respondents = survey_month_count.respondents + excluded.respondents
                """)
                .params(count.asParams())
                .update();
        jdbc.sql("""
                INSERT INTO survey_month_tally (mall_id, answered_on, element_code, answers, score_total)
                SELECT mall, CAST(date_trunc('month', day) AS date), element, sum(n), sum(total)
                FROM unnest(CAST(:c0 AS bigint[]), CAST(:c1 AS date[]), CAST(:c4 AS text[]), CAST(:c5 AS int[]),
                    CAST(:c6 AS bigint[])) AS t(mall, day, element, n, total)
                GROUP BY 1, 2, 3
                ON CONFLICT (mall_id, answered_on, element_code)
                DO UPDATE SET answers = survey_month_tally.answers + excluded.answers,
                    score_total = survey_month_tally.score_total + excluded.score_total
                """)
                .params(tally.asParams())
                .update();
    }

    /** Values gathered column by column, sent as one array literal per column ({@code :c0}, {@code :c1}, ...). */
    private static final class Columns {
        private final List<StringBuilder> columns = new ArrayList<>();

        Columns(int width) {
            for (int i = 0; i < width; i++) {
                columns.add(new StringBuilder("{"));
            }
        }

        void add(Object... values) {
            for (int i = 0; i < values.length; i++) {
                StringBuilder column = columns.get(i);
                if (column.length() > 1) {
                    column.append(',');
                }
                // Every value here is a number, a date, an id or an enum name: nothing to quote.
                column.append(values[i] == null ? "NULL" : values[i].toString());
            }
        }

        Map<String, Object> asParams() {
            Map<String, Object> params = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                params.put("c" + i, columns.get(i) + "}");
            }
            return params;
        }
    }

    boolean answered(MallId mall, String referenceHash) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM survey_response WHERE mall_id = :mall"
                        + " AND reference_hash = :reference)")
                .param("mall", mall.value()).param("reference", referenceHash)
                .query(Boolean.class).single();
    }

    /** Which responses to count: a mall (or all), an agency, a service, and local days from..to. */
    record Filter(MallId mall, AgencyId agency, ServiceId service, LocalDate from, LocalDate to) {
    }

    /** How responses are grouped: all together, per month, or per mall. */
    enum Grouping {
        ALL("0"), MONTH("date_trunc('month', r.answered_on)::date"), MALL("r.mall_id");

        private final String key;

        Grouping(String key) {
            this.key = key;
        }
    }

    /** The sums of one group: per element, and the respondents per source. */
    record Group(Map<String, IkmCalculator.Tally> tallies, Map<Source, Long> sources) {

        long respondents() {
            return sources.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * The groups that have responses, keyed by month (a {@link LocalDate} on its first day), mall id, or 0. Without
     * an agency or service, whole calendar months come from the monthly sums and the other days from the daily ones.
     */
    Map<Object, Group> groups(Filter filter, Grouping grouping) {
        Map<Object, Group> groups = new LinkedHashMap<>();
        List<Object> params = new ArrayList<>();
        String counts = sums(filter, params, "survey_day_count", "survey_month_count", "source, respondents");
        String tallies = sums(filter, params, "survey_day_tally", "survey_month_tally",
                "element_code, answers, score_total");
        // Respondents per source and answers per element in one round trip.
        jdbc.sql("SELECT " + grouping.key + " AS k, 'S' AS kind, r.source AS item, sum(r.respondents) AS n,"
                        + " 0 AS total FROM " + counts + " GROUP BY 1, 3"
                        + " UNION ALL SELECT " + grouping.key + " AS k, 'E' AS kind, r.element_code AS item,"
                        + " sum(r.answers) AS n, sum(r.score_total) AS total FROM " + tallies + " GROUP BY 1, 3"
                        + " ORDER BY 1")
                .params(params)
                .query(rs -> {
                    Group group = group(groups, rs.getObject("k"));
                    if ("S".equals(rs.getString("kind"))) {
                        group.sources().put(Source.valueOf(rs.getString("item")), rs.getLong("n"));
                    } else {
                        group.tallies().put(rs.getString("item"),
                                new IkmCalculator.Tally(rs.getLong("n"), rs.getLong("total")));
                    }
                });
        return groups;
    }

    /** The sums of the filter's days as a derived table {@code r}: from the day table, or months and days. */
    private static String sums(Filter filter, List<Object> params, String dayTable, String months, String columns) {
        if (filter.agency() != null || filter.service() != null) {
            return dayTable + " r" + where(filter, params);
        }
        MonthSplit split = MonthSplit.of(filter.from(), filter.to());
        String mall = filter.mall() == null ? "" : " AND mall_id = ?";
        List<String> parts = new ArrayList<>();
        if (split.hasWholeMonths()) {
            parts.add("SELECT mall_id, answered_on, " + columns + " FROM " + months
                    + " WHERE answered_on BETWEEN ? AND ?" + mall);
            params.addAll(List.of(split.fullFrom(), split.fullTo()));
            if (filter.mall() != null) {
                params.add(filter.mall().value());
            }
        }
        // The days before the first whole month and after the last one (all of them when there is none).
        List<LocalDate[]> edges = new ArrayList<>();
        if (split.hasWholeMonths()) {
            edges.add(new LocalDate[] {split.from(), split.fullFrom().minusDays(1)});
            edges.add(new LocalDate[] {split.fullTo().plusDays(1), split.to()});
        } else {
            edges.add(new LocalDate[] {split.from(), split.to()});
        }
        for (LocalDate[] days : edges) {
            if (!days[0].isAfter(days[1])) {
                parts.add("SELECT mall_id, answered_on, " + columns + " FROM " + dayTable
                        + " WHERE answered_on BETWEEN ? AND ?" + mall);
                params.addAll(List.of(days[0], days[1]));
                if (filter.mall() != null) {
                    params.add(filter.mall().value());
                }
            }
        }
        return "(" + String.join(" UNION ALL ", parts) + ") r";
    }

    private static Group group(Map<Object, Group> groups, Object key) {
        Object normalized = key instanceof java.sql.Date date ? date.toLocalDate() : key;
        return groups.computeIfAbsent(normalized, k -> new Group(new HashMap<>(), new EnumMap<>(Source.class)));
    }

    private static String where(Filter filter, List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE r.answered_on BETWEEN ? AND ?");
        params.add(filter.from());
        params.add(filter.to());
        if (filter.mall() != null) {
            where.append(" AND r.mall_id = ?");
            params.add(filter.mall().value());
        }
        if (filter.agency() != null) {
            where.append(" AND r.agency_id = ?");
            params.add(filter.agency().value());
        }
        if (filter.service() != null) {
            where.append(" AND r.service_id = ?");
            params.add(filter.service().value());
        }
        return where.toString();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
