-- Agencies (tenants) present in a mall
CREATE TABLE agency (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mall_id    BIGINT NOT NULL REFERENCES mall (id),
    code       VARCHAR(20) NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]*$'),
    name_id    VARCHAR(200) NOT NULL,
    name_en    VARCHAR(200) NOT NULL,
    sort_order INT NOT NULL DEFAULT 0,
    UNIQUE (mall_id, code),
    UNIQUE (mall_id, id)
);

-- A service as this mall publishes it: the six public components of its standard, its legal basis and the
-- mall's own settings for it (ticket prefix, daily quota, online or not)
CREATE TABLE service (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mall_id           BIGINT NOT NULL REFERENCES mall (id),
    agency_id         BIGINT NOT NULL,
    code              VARCHAR(40) NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]*$'),
    name_id           VARCHAR(200) NOT NULL,
    name_en           VARCHAR(200) NOT NULL,
    requirements      TEXT NOT NULL,
    procedure         TEXT NOT NULL,
    completion_time   VARCHAR(300) NOT NULL,
    fee               VARCHAR(500) NOT NULL,
    fee_legal_basis   VARCHAR(300) NOT NULL,
    product           VARCHAR(300) NOT NULL,
    complaint_channel VARCHAR(500) NOT NULL,
    legal_basis       VARCHAR(500) NOT NULL DEFAULT '',
    ticket_prefix     VARCHAR(2) NOT NULL CHECK (ticket_prefix ~ '^[A-Z]{1,2}$'),
    daily_quota       INT CHECK (daily_quota > 0),
    online            BOOLEAN NOT NULL DEFAULT FALSE,
    active            BOOLEAN NOT NULL DEFAULT TRUE,
    version           INT NOT NULL DEFAULT 0,
    UNIQUE (mall_id, code),
    UNIQUE (mall_id, id),
    FOREIGN KEY (mall_id, agency_id) REFERENCES agency (mall_id, id)
);
CREATE INDEX service_agency_idx ON service (mall_id, agency_id);

CREATE TABLE counter (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mall_id   BIGINT NOT NULL REFERENCES mall (id),
    agency_id BIGINT NOT NULL,
    name      VARCHAR(60) NOT NULL,
    UNIQUE (mall_id, name),
    UNIQUE (mall_id, id),
    FOREIGN KEY (mall_id, agency_id) REFERENCES agency (mall_id, id)
);

CREATE TABLE counter_service (
    mall_id    BIGINT NOT NULL,
    counter_id BIGINT NOT NULL,
    service_id BIGINT NOT NULL,
    PRIMARY KEY (mall_id, counter_id, service_id),
    FOREIGN KEY (mall_id, counter_id) REFERENCES counter (mall_id, id) ON DELETE CASCADE,
    FOREIGN KEY (mall_id, service_id) REFERENCES service (mall_id, id) ON DELETE CASCADE
);
