-- The nation's sums of a few days (the edges of a period around its whole months) are read by date across all
-- malls, which the primary keys (mall first) cannot serve.
CREATE INDEX survey_day_count_by_date ON survey_day_count (answered_on);
CREATE INDEX survey_day_tally_by_date ON survey_day_tally (answered_on);
