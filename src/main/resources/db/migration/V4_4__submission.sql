-- Online applications (MPP Digital). Every row carries the mall and its region code.
CREATE TABLE submission (
    id                 UUID PRIMARY KEY,
    mall_id            BIGINT NOT NULL REFERENCES mall (id),
    region_code        VARCHAR(13) NOT NULL,
    service_id         BIGINT NOT NULL REFERENCES service (id),
    agency_id          BIGINT NOT NULL REFERENCES agency (id),
    citizen_id         UUID NOT NULL REFERENCES citizen (id),
    tracking_number    VARCHAR(20) UNIQUE,
    workflow_code      VARCHAR(60),
    state              VARCHAR(40),
    -- whether the state is one the workflow still moves on from (not terminal)
    state_open         BOOLEAN NOT NULL DEFAULT FALSE,
    state_entered_at   TIMESTAMP WITH TIME ZONE,
    due_at             TIMESTAMP WITH TIME ZONE,
    escalated_at       TIMESTAMP WITH TIME ZONE,
    assignee_id        BIGINT REFERENCES staff_account (id),
    purpose            VARCHAR(2000) NOT NULL DEFAULT '',
    channel            VARCHAR(80) NOT NULL,
    language           VARCHAR(5) NOT NULL DEFAULT 'id',
    output_document_id UUID,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_at       TIMESTAMP WITH TIME ZONE,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    -- a draft has neither a tracking number nor a state; a submitted application has both
    CHECK ((submitted_at IS NULL AND tracking_number IS NULL AND state IS NULL)
        OR (submitted_at IS NOT NULL AND tracking_number IS NOT NULL AND state IS NOT NULL))
);
CREATE INDEX submission_inbox ON submission (mall_id, agency_id, due_at) WHERE state_open;
CREATE INDEX submission_citizen ON submission (citizen_id, created_at);
CREATE INDEX submission_overdue ON submission (due_at) WHERE state_open AND escalated_at IS NULL;

CREATE TABLE submission_document (
    id             UUID PRIMARY KEY,
    submission_id  UUID NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    requirement_no INT NOT NULL CHECK (requirement_no >= 0),
    display_name   VARCHAR(200) NOT NULL,
    media_type     VARCHAR(60) NOT NULL,
    size_bytes     BIGINT NOT NULL CHECK (size_bytes > 0),
    sha256         CHAR(64) NOT NULL,
    content        BYTEA NOT NULL,
    uploaded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- documents sent with the application can no longer be removed; the applicant may add newer ones on revision
    sealed         BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX submission_document_of ON submission_document (submission_id, requirement_no, uploaded_at);

-- The timeline: every step of every application, with who took it and their note
CREATE TABLE submission_step (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    submission_id UUID NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_kind    VARCHAR(20) NOT NULL,
    actor_name    VARCHAR(200) NOT NULL,
    action        VARCHAR(40) NOT NULL,
    from_state    VARCHAR(40),
    to_state      VARCHAR(40),
    note          VARCHAR(2000) NOT NULL DEFAULT ''
);
CREATE INDEX submission_step_of ON submission_step (submission_id, at, id);

-- Tracking numbers run per mall per local day of the mall
CREATE TABLE tracking_counter (
    mall_id    BIGINT NOT NULL REFERENCES mall (id),
    local_date DATE NOT NULL,
    last_value INT NOT NULL,
    PRIMARY KEY (mall_id, local_date)
);
