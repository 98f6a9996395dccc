-- A number that grows with every committed change to what issuing a ticket reads about malls, services and
-- counters, so that each application instance can keep that configuration in memory and check it is current with
-- one value read in the issuing transaction.
CREATE TABLE configuration_version (
    id      BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    version BIGINT NOT NULL
);
INSERT INTO configuration_version (version) VALUES (1);

CREATE FUNCTION bump_configuration_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE configuration_version SET version = version + 1;
    RETURN NULL;
END
$$;

-- Deferred to commit, so that a transaction takes the version row's lock last and never waits for another lock
-- while holding it.
DO $$
DECLARE
    configuration TEXT;
BEGIN
    FOREACH configuration IN ARRAY ARRAY['mall', 'mall_opening_hours', 'mall_day_override', 'national_holiday',
            'service', 'counter', 'counter_service'] LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I'
                || ' DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_configuration_version()',
                configuration || '_configuration_version', configuration);
    END LOOP;
END
$$;
