-- Sums of the survey per mall, local day, service and source: respondents, and per element the answers and their
-- total score. The IKM of any unit and period is computed from these exactly (it needs only counts and sums), so a
-- year of answers for every mall is read as a few thousand rows instead of millions of answers. Written in the
-- transaction that stores a questionnaire.
CREATE TABLE survey_day_count (
    mall_id     BIGINT NOT NULL,
    answered_on DATE NOT NULL,
    agency_id   BIGINT NOT NULL,
    service_id  BIGINT NOT NULL,
    source      VARCHAR(8) NOT NULL,
    respondents INT NOT NULL,
    PRIMARY KEY (mall_id, answered_on, service_id, source)
);

CREATE TABLE survey_day_tally (
    mall_id      BIGINT NOT NULL,
    answered_on  DATE NOT NULL,
    agency_id    BIGINT NOT NULL,
    service_id   BIGINT NOT NULL,
    element_code VARCHAR(8) NOT NULL,
    answers      INT NOT NULL,
    score_total  BIGINT NOT NULL,
    PRIMARY KEY (mall_id, answered_on, service_id, element_code)
);

INSERT INTO survey_day_count (mall_id, answered_on, agency_id, service_id, source, respondents)
SELECT mall_id, answered_on, min(agency_id), service_id, source, count(*)
FROM survey_response GROUP BY mall_id, answered_on, service_id, source;

INSERT INTO survey_day_tally (mall_id, answered_on, agency_id, service_id, element_code, answers, score_total)
SELECT r.mall_id, r.answered_on, min(r.agency_id), r.service_id, a.element_code, count(*), sum(a.score)
FROM survey_response r JOIN survey_answer a ON a.response_id = r.id
GROUP BY r.mall_id, r.answered_on, r.service_id, a.element_code;

-- The same per mall and calendar month (answered_on is the month's first day), whatever the service: a mall's year
-- or the nation's is then a few hundred rows. Filters by agency or service read the day sums.
CREATE TABLE survey_month_count (
    mall_id     BIGINT NOT NULL,
    answered_on DATE NOT NULL,
    source      VARCHAR(8) NOT NULL,
    respondents INT NOT NULL,
    PRIMARY KEY (mall_id, answered_on, source)
);

CREATE TABLE survey_month_tally (
    mall_id      BIGINT NOT NULL,
    answered_on  DATE NOT NULL,
    element_code VARCHAR(8) NOT NULL,
    answers      INT NOT NULL,
    score_total  BIGINT NOT NULL,
    PRIMARY KEY (mall_id, answered_on, element_code)
);

INSERT INTO survey_month_count (mall_id, answered_on, source, respondents)
SELECT mall_id, CAST(date_trunc('month', answered_on) AS date), source, sum(respondents)
FROM survey_day_count GROUP BY 1, 2, 3;

INSERT INTO survey_month_tally (mall_id, answered_on, element_code, answers, score_total)
SELECT mall_id, CAST(date_trunc('month', answered_on) AS date), element_code, sum(answers), sum(score_total)
FROM survey_day_tally GROUP BY 1, 2, 3;
