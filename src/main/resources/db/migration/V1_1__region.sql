-- Provinces, regencies/cities and districts with their Kemendagri codes (11, 11.01, 11.01.01)
CREATE TABLE region (
    code        VARCHAR(13) PRIMARY KEY,
    name        VARCHAR(150) NOT NULL,
    level       SMALLINT NOT NULL CHECK (level BETWEEN 1 AND 3),
    parent_code VARCHAR(13) REFERENCES region (code),
    CHECK ((level = 1) = (parent_code IS NULL))
);
CREATE INDEX region_parent_idx ON region (parent_code);

CREATE TABLE national_holiday (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    holiday_date DATE NOT NULL,
    kind         VARCHAR(2) NOT NULL CHECK (kind IN ('LN', 'CB')),
    name         VARCHAR(200) NOT NULL,
    UNIQUE (holiday_date, name)
);

CREATE TABLE mall (
    id                       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code                     VARCHAR(20) NOT NULL UNIQUE,
    name                     VARCHAR(200) NOT NULL,
    region_code              VARCHAR(13) NOT NULL REFERENCES region (code),
    address                  VARCHAR(500) NOT NULL,
    time_zone                VARCHAR(64) NOT NULL,
    open_on_collective_leave BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE mall_opening_hours (
    mall_id     BIGINT NOT NULL REFERENCES mall (id) ON DELETE CASCADE,
    day_of_week SMALLINT NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    opens       TIME NOT NULL,
    closes      TIME NOT NULL,
    break_start TIME,
    break_end   TIME,
    PRIMARY KEY (mall_id, day_of_week),
    CHECK (opens < closes),
    CHECK ((break_start IS NULL) = (break_end IS NULL)),
    CHECK (break_start IS NULL OR (opens < break_start AND break_start < break_end AND break_end < closes))
);

-- A mall's own decision for one day: closed for a local holiday or emergency, or open on a national day off
CREATE TABLE mall_day_override (
    mall_id BIGINT NOT NULL REFERENCES mall (id) ON DELETE CASCADE,
    day     DATE NOT NULL,
    open    BOOLEAN NOT NULL,
    name    VARCHAR(200) NOT NULL,
    PRIMARY KEY (mall_id, day)
);
