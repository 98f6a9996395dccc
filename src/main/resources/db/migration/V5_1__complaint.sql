-- Complaints (pengaduan) about a mall, an agency in it or one of its services.

-- What a complaint is about, as data: labels in both languages, in the order the form lists them
CREATE TABLE complaint_category (
    code       VARCHAR(40) PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$'),
    name_id    VARCHAR(120) NOT NULL,
    name_en    VARCHAR(120) NOT NULL,
    sort_order INT NOT NULL DEFAULT 0,
    active     BOOLEAN NOT NULL DEFAULT TRUE
);
INSERT INTO complaint_category (code, name_id, name_en, sort_order) VALUES
    ('SERVICE_SPEED', 'Kecepatan layanan', 'Speed of service', 10),
    ('STAFF_CONDUCT', 'Sikap dan perilaku petugas', 'Staff behaviour', 20),
    ('ILLEGAL_FEES', 'Biaya tidak resmi atau pungutan liar (pungli)', 'Unofficial fees or illegal levies (pungli)', 30),
    ('FACILITIES', 'Sarana dan prasarana', 'Facilities', 40),
    ('INFORMATION', 'Informasi dan persyaratan layanan', 'Information and requirements', 50),
    ('OTHER', 'Lainnya', 'Other', 90);

CREATE TABLE complaint (
    id                 UUID PRIMARY KEY,
    mall_id            BIGINT NOT NULL REFERENCES mall (id),
    -- ADU- and twelve characters of Crockford's base 32, stored without the prefix and dashes
    code               CHAR(12) NOT NULL UNIQUE,
    -- the agency the complaint is about; the manager may correct it when forwarding
    agency_id          BIGINT REFERENCES agency (id),
    service_id         BIGINT REFERENCES service (id),
    category_code      VARCHAR(40) NOT NULL REFERENCES complaint_category (code),
    description        VARCHAR(4000) NOT NULL,
    -- a signed-in citizen's complaint is linked to the account; an anonymous one may leave a contact
    citizen_id         UUID REFERENCES citizen (id) ON DELETE SET NULL,
    contact_email      VARCHAR(254),
    contact_phone      VARCHAR(20),
    language           VARCHAR(5) NOT NULL DEFAULT 'id',
    channel            VARCHAR(20) NOT NULL,
    workflow_code      VARCHAR(60) NOT NULL,
    state              VARCHAR(40) NOT NULL,
    -- whether staff or the system still have a step to take (not closed, not ended)
    state_open         BOOLEAN NOT NULL,
    state_entered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at             TIMESTAMP WITH TIME ZONE,
    escalated_at       TIMESTAMP WITH TIME ZONE,
    -- when it was last forwarded to the agency; officers of the agency see it from then on
    forwarded_at       TIMESTAMP WITH TIME ZONE,
    reopen_count       INT NOT NULL DEFAULT 0,
    rating             SMALLINT CHECK (rating BETWEEN 1 AND 5),
    -- SP4N-LAPOR!: asked for by the manager, then the report's id there and the last status it gave
    lapor_requested_at TIMESTAMP WITH TIME ZONE,
    lapor_id           VARCHAR(80),
    lapor_status       VARCHAR(20),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (citizen_id IS NULL OR (contact_email IS NULL AND contact_phone IS NULL))
);
CREATE INDEX complaint_mall ON complaint (mall_id, due_at) WHERE state_open;
CREATE INDEX complaint_agency ON complaint (mall_id, agency_id, due_at) WHERE forwarded_at IS NOT NULL;
CREATE INDEX complaint_overdue ON complaint (due_at) WHERE state_open AND escalated_at IS NULL;
CREATE INDEX complaint_lapor ON complaint (lapor_requested_at) WHERE lapor_requested_at IS NOT NULL AND state_open;
CREATE INDEX complaint_citizen ON complaint (citizen_id, created_at) WHERE citizen_id IS NOT NULL;

CREATE TABLE complaint_attachment (
    id           UUID PRIMARY KEY,
    complaint_id UUID NOT NULL REFERENCES complaint (id) ON DELETE CASCADE,
    display_name VARCHAR(200) NOT NULL,
    media_type   VARCHAR(60) NOT NULL,
    size_bytes   BIGINT NOT NULL CHECK (size_bytes > 0),
    sha256       CHAR(64) NOT NULL,
    content      BYTEA NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX complaint_attachment_of ON complaint_attachment (complaint_id, uploaded_at);

-- Every step with who took it, when and the note; visibility says what the complainant's page shows of it
CREATE TABLE complaint_step (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complaint_id UUID NOT NULL REFERENCES complaint (id) ON DELETE CASCADE,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_kind   VARCHAR(20) NOT NULL,
    actor_name   VARCHAR(200) NOT NULL,
    action       VARCHAR(60) NOT NULL,
    from_state   VARCHAR(40),
    to_state     VARCHAR(40),
    note         VARCHAR(4000) NOT NULL DEFAULT '',
    visibility   VARCHAR(10) NOT NULL CHECK (visibility IN ('PUBLIC', 'STEP_ONLY', 'INTERNAL'))
);
CREATE INDEX complaint_step_of ON complaint_step (complaint_id, at, id);
