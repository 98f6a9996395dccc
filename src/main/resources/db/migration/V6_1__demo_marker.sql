-- Marks a database that holds demo data; the demo loader writes it. Tools that fill a database with made-up activity
-- (the history generator) refuse a database without it.
CREATE TABLE demo_database (
    id        BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    marked_at TIMESTAMP WITH TIME ZONE NOT NULL
);
-- A database the demo loader filled before the marker existed: it has the demo integrator.
INSERT INTO demo_database (marked_at)
SELECT now() WHERE EXISTS (SELECT 1 FROM api_client WHERE client_id = 'superapp-demo');

-- Days of made-up history already written per mall, so that an interrupted run goes on where it stopped.
CREATE TABLE demo_history_day (
    mall_id BIGINT NOT NULL REFERENCES mall (id),
    period  DATE NOT NULL,
    done_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (mall_id, period)
);
