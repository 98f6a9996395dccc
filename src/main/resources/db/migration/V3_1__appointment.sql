-- A mall's booking rules for one of its services; a service without a row (or disabled) takes no appointments
CREATE TABLE appointment_rules (
    mall_id                 BIGINT NOT NULL,
    service_id              BIGINT NOT NULL,
    enabled                 BOOLEAN NOT NULL DEFAULT TRUE,
    slot_minutes            INT NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
    seats_per_slot          INT NOT NULL CHECK (seats_per_slot BETWEEN 1 AND 1000),
    walk_in_share_percent   INT NOT NULL CHECK (walk_in_share_percent BETWEEN 0 AND 100),
    book_from_days          INT NOT NULL CHECK (book_from_days BETWEEN 0 AND 90),
    book_to_days            INT NOT NULL CHECK (book_to_days BETWEEN book_from_days AND 90),
    day_opens_at            TIME NOT NULL,
    check_in_before_minutes INT NOT NULL CHECK (check_in_before_minutes BETWEEN 0 AND 240),
    check_in_after_minutes  INT NOT NULL CHECK (check_in_after_minutes BETWEEN 0 AND 240),
    PRIMARY KEY (mall_id, service_id),
    FOREIGN KEY (mall_id, service_id) REFERENCES service (mall_id, id)
);

-- The seats of one slot, written when its day is first booked; booked never exceeds seats
CREATE TABLE appointment_slot (
    mall_id    BIGINT NOT NULL,
    service_id BIGINT NOT NULL,
    starts_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    local_date DATE NOT NULL,
    seats      INT NOT NULL CHECK (seats >= 0),
    booked     INT NOT NULL DEFAULT 0 CHECK (booked >= 0 AND booked <= seats),
    PRIMARY KEY (mall_id, service_id, starts_at),
    FOREIGN KEY (mall_id, service_id) REFERENCES service (mall_id, id)
);
CREATE INDEX appointment_slot_day_idx ON appointment_slot (mall_id, service_id, local_date);

-- A booking. The NIK itself is not kept: a keyed fingerprint matches it, a masked form shows it.
CREATE TABLE appointment (
    id              UUID PRIMARY KEY,
    booking_code    VARCHAR(8) NOT NULL UNIQUE,
    mall_id         BIGINT NOT NULL,
    service_id      BIGINT NOT NULL,
    starts_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    local_date      DATE NOT NULL,
    nik_fingerprint CHAR(64) NOT NULL,
    nik_masked      VARCHAR(16) NOT NULL,
    name            VARCHAR(120) NOT NULL,
    phone           VARCHAR(20),
    email           VARCHAR(254),
    language        VARCHAR(2) NOT NULL,
    channel         VARCHAR(10) NOT NULL CHECK (channel IN ('WEB', 'API')),
    status          VARCHAR(12) NOT NULL CHECK (status IN ('BOOKED', 'CHECKED_IN', 'CANCELLED', 'NO_SHOW')),
    booked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    checked_in_at   TIMESTAMP WITH TIME ZONE,
    ticket_id       UUID,
    cancelled_at    TIMESTAMP WITH TIME ZONE,
    cancel_reason   VARCHAR(20) CHECK (cancel_reason IN ('CITIZEN', 'MALL_CLOSURE')),
    reminded_at     TIMESTAMP WITH TIME ZONE,
    CHECK (phone IS NOT NULL OR email IS NOT NULL),
    FOREIGN KEY (mall_id, service_id, starts_at) REFERENCES appointment_slot (mall_id, service_id, starts_at)
);
-- One active booking per NIK, service and day
CREATE UNIQUE INDEX appointment_one_active_idx ON appointment (mall_id, service_id, local_date, nik_fingerprint)
    WHERE status IN ('BOOKED', 'CHECKED_IN');
CREATE INDEX appointment_day_idx ON appointment (mall_id, local_date, service_id, starts_at);
CREATE INDEX appointment_pending_idx ON appointment (starts_at) WHERE status = 'BOOKED';
