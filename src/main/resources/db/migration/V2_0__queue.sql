-- Queue settings of a mall; a mall without a row uses the defaults
CREATE TABLE queue_settings (
    mall_id                 BIGINT PRIMARY KEY REFERENCES mall (id),
    max_priority_streak     INT NOT NULL DEFAULT 2 CHECK (max_priority_streak >= 1),
    max_recalls             INT NOT NULL DEFAULT 3 CHECK (max_recalls >= 0),
    recall_cooldown_seconds INT NOT NULL DEFAULT 30 CHECK (recall_cooldown_seconds >= 0)
);

-- The live state of a counter; its configuration (agency, services) belongs to the catalogue
CREATE TABLE queue_counter (
    mall_id         BIGINT NOT NULL,
    counter_id      BIGINT PRIMARY KEY,
    status          VARCHAR(8) NOT NULL CHECK (status IN ('OPEN', 'PAUSED', 'CLOSED')),
    pause_reason    VARCHAR(200),
    priority_streak INT NOT NULL DEFAULT 0,
    status_since    TIMESTAMP WITH TIME ZONE NOT NULL,
    FOREIGN KEY (mall_id, counter_id) REFERENCES counter (mall_id, id) ON DELETE CASCADE
);

-- Last number given per mall, local day and prefix: the row lock makes numbering gap-free under concurrency
CREATE TABLE ticket_number (
    mall_id     BIGINT NOT NULL REFERENCES mall (id),
    local_date  DATE NOT NULL,
    prefix      VARCHAR(2) NOT NULL,
    last_number INT NOT NULL,
    PRIMARY KEY (mall_id, local_date, prefix)
);

-- Tickets issued per service and local day, against the service's daily quota
CREATE TABLE service_day_usage (
    mall_id    BIGINT NOT NULL,
    service_id BIGINT NOT NULL,
    local_date DATE NOT NULL,
    issued     INT NOT NULL,
    PRIMARY KEY (mall_id, service_id, local_date),
    FOREIGN KEY (mall_id, service_id) REFERENCES service (mall_id, id)
);

CREATE TABLE ticket (
    id                     UUID PRIMARY KEY,
    mall_id                BIGINT NOT NULL REFERENCES mall (id),
    local_date             DATE NOT NULL,
    prefix                 VARCHAR(2) NOT NULL,
    seq                    INT NOT NULL CHECK (seq BETWEEN 1 AND 999),
    number                 VARCHAR(5) NOT NULL,
    service_id             BIGINT NOT NULL,
    first_service_id       BIGINT NOT NULL,
    priority_group         VARCHAR(20) CHECK (priority_group IN
                               ('ELDERLY', 'DISABILITY', 'PREGNANT', 'CHILD', 'DISASTER_VICTIM')),
    channel                VARCHAR(12) NOT NULL CHECK (channel IN ('KIOSK', 'API', 'APPOINTMENT')),
    status                 VARCHAR(10) NOT NULL CHECK (status IN
                               ('WAITING', 'CALLED', 'SERVING', 'DONE', 'NO_SHOW', 'CANCELLED')),
    arrival_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    queued_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    called_at              TIMESTAMP WITH TIME ZONE,
    started_at             TIMESTAMP WITH TIME ZONE,
    finished_at            TIMESTAMP WITH TIME ZONE,
    counter_id             BIGINT,
    recall_count           INT NOT NULL DEFAULT 0,
    last_called_at         TIMESTAMP WITH TIME ZONE,
    outcome                VARCHAR(12) CHECK (outcome IN ('COMPLETED', 'INCOMPLETE')),
    outcome_reason         VARCHAR(300),
    transfer_count         INT NOT NULL DEFAULT 0,
    wait_seconds           INT NOT NULL DEFAULT 0,
    walk_seconds           INT NOT NULL DEFAULT 0,
    service_seconds        INT NOT NULL DEFAULT 0,
    estimated_wait_minutes INT,
    UNIQUE (mall_id, local_date, prefix, seq),
    FOREIGN KEY (mall_id, service_id) REFERENCES service (mall_id, id),
    FOREIGN KEY (mall_id, counter_id) REFERENCES counter (mall_id, id)
);
CREATE INDEX ticket_waiting_idx ON ticket (mall_id, local_date, service_id, arrival_at) WHERE status = 'WAITING';
CREATE INDEX ticket_at_counter_idx ON ticket (counter_id) WHERE status IN ('CALLED', 'SERVING');
CREATE INDEX ticket_day_idx ON ticket (mall_id, local_date);

-- What happened to each ticket, in order: the record behind reports
CREATE TABLE ticket_event (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mall_id    BIGINT NOT NULL,
    ticket_id  UUID NOT NULL REFERENCES ticket (id),
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    type       VARCHAR(12) NOT NULL,
    counter_id BIGINT,
    service_id BIGINT,
    detail     VARCHAR(300)
);
CREATE INDEX ticket_event_ticket_idx ON ticket_event (ticket_id, id);
CREATE INDEX ticket_event_mall_idx ON ticket_event (mall_id, at);
