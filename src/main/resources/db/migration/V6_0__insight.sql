-- Insight: the read models behind the floor monitor, the mall reports and the national view. They are fed by the
-- modules' events (or rebuilt from the raw records) and never read the raw tickets for a report.

-- Waiting and service times are kept as histograms in fixed buckets, so that days add up to weeks, months and years
-- and percentiles come from the summed counts. Bucket i (1-based) holds times from its lower bound below up to the
-- next one: 1-minute buckets up to 30 minutes, 2 minutes up to 1 hour, 5 minutes up to 2 hours, 15 minutes up to
-- 4 hours, then one bucket for 4 hours and more. InsightHistogram in Java has the same bounds.
CREATE FUNCTION insight_bucket(seconds BIGINT) RETURNS INT LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT width_bucket(greatest(seconds, 0), ARRAY[0,60,120,180,240,300,360,420,480,540,600,660,720,780,840,900,960,1020,1080,1140,1200,1260,1320,1380,1440,1500,1560,1620,1680,1740,1800,1920,2040,2160,2280,2400,2520,2640,2760,2880,3000,3120,3240,3360,3480,3600,3900,4200,4500,4800,5100,5400,5700,6000,6300,6600,6900,7200,8100,9000,9900,10800,11700,12600,13500,14400]::BIGINT[])
$$;

-- Counts one more item in slot {slot} of {state}; a NULL slot counts nothing.
CREATE FUNCTION insight_tally(state INT[], slot INT) RETURNS INT[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    IF slot IS NOT NULL THEN
        state[slot] := state[slot] + 1;
    END IF;
    RETURN state;
END
$$;

CREATE FUNCTION insight_time_step(state INT[], seconds BIGINT) RETURNS INT[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT insight_tally(state, insight_bucket(seconds))
$$;

-- Adds two histograms of the same length element by element.
CREATE FUNCTION insight_add(a INT[], b INT[]) RETURNS INT[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    IF a IS NULL THEN
        RETURN b;
    END IF;
    IF b IS NULL THEN
        RETURN a;
    END IF;
    FOR i IN 1 .. array_length(a, 1) LOOP
        a[i] := a[i] + b[i];
    END LOOP;
    RETURN a;
END
$$;

-- Histogram of times in seconds (NULLs are not counted), of arrival hours 0-23, and the sum of histograms.
CREATE AGGREGATE insight_time_histogram(BIGINT) (SFUNC = insight_time_step, STYPE = INT[],
    INITCOND = '{0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0}');
CREATE AGGREGATE insight_hour_histogram(INT) (SFUNC = insight_tally, STYPE = INT[],
    INITCOND = '{0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0}');
CREATE AGGREGATE insight_sum(INT[]) (SFUNC = insight_add, STYPE = INT[]);

-- Ended tickets per mall, local day of the mall and the service the visitor came for (their first service).
-- called = served + no-shows: the tickets whose wait is known. wait_* covers called tickets, service_* served ones;
-- hour_histogram counts arrivals by the mall's local hour (slot 1 is 00:00-00:59).
CREATE TABLE insight_service_day (
    mall_id           BIGINT NOT NULL,
    period            DATE NOT NULL,
    service_id        BIGINT NOT NULL,
    agency_id         BIGINT NOT NULL,
    tickets           INT NOT NULL,
    walk_in           INT NOT NULL,
    booked            INT NOT NULL,
    priority          INT NOT NULL,
    served            INT NOT NULL,
    completed         INT NOT NULL,
    no_show           INT NOT NULL,
    cancelled         INT NOT NULL,
    called            INT NOT NULL,
    wait_sum          BIGINT NOT NULL,
    service_sum       BIGINT NOT NULL,
    wait_histogram    INT[] NOT NULL,
    service_histogram INT[] NOT NULL,
    hour_histogram    INT[] NOT NULL,
    PRIMARY KEY (mall_id, period, service_id)
);

-- The same per calendar month (period is the month's first day): a year is twelve rows per service.
CREATE TABLE insight_service_month (LIKE insight_service_day INCLUDING ALL);

-- Tickets already counted, so that an event delivered twice is counted once; pruned after a while.
CREATE TABLE insight_ticket_counted (
    ticket_id  UUID PRIMARY KEY,
    counted_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX insight_ticket_counted_at ON insight_ticket_counted (counted_at);

-- Bookings made for a mall's local day, by where they stand now (recounted from the bookings on every change).
CREATE TABLE insight_booking_day (
    mall_id    BIGINT NOT NULL,
    period     DATE NOT NULL,
    booked     INT NOT NULL,
    checked_in INT NOT NULL,
    cancelled  INT NOT NULL,
    no_show    INT NOT NULL,
    PRIMARY KEY (mall_id, period)
);

-- Online applications: when each was submitted and finished (the mall's local dates), and whether it missed a
-- deadline (escalated or deemed approved: the system had to act on it).
CREATE TABLE insight_application (
    submission_id UUID PRIMARY KEY,
    mall_id       BIGINT NOT NULL,
    service_id    BIGINT NOT NULL,
    agency_id     BIGINT NOT NULL,
    submitted_on  DATE NOT NULL,
    finished_on   DATE,
    breached      BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX insight_application_submitted ON insight_application (mall_id, submitted_on);
CREATE INDEX insight_application_finished ON insight_application (mall_id, finished_on);

-- A mall's targets for the floor monitor: the average wait it aims at, and the wait that raises an alert.
CREATE TABLE insight_target (
    mall_id             BIGINT PRIMARY KEY REFERENCES mall (id),
    target_wait_minutes INT NOT NULL CHECK (target_wait_minutes BETWEEN 1 AND 600),
    alert_wait_minutes  INT NOT NULL CHECK (alert_wait_minutes BETWEEN 1 AND 600)
);
