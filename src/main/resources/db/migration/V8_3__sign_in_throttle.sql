-- Failed sign-ins per account and per source address, shared by every instance; a row whose lock has passed and
-- whose window is over counts for nothing and may be removed
CREATE TABLE sign_in_failure (
    door         VARCHAR(10) NOT NULL CHECK (door IN ('STAFF', 'CLIENT', 'CITIZEN')),
    subject_kind VARCHAR(10) NOT NULL CHECK (subject_kind IN ('ACCOUNT', 'ADDRESS')),
    subject      VARCHAR(200) NOT NULL,
    failures     INTEGER NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (door, subject_kind, subject)
);

-- Security events (audit): sign-in locks and the like, apart from the processing log of personal data
CREATE TABLE security_event (
    id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at      TIMESTAMP WITH TIME ZONE NOT NULL,
    kind    VARCHAR(30) NOT NULL,
    subject VARCHAR(200) NOT NULL,
    address VARCHAR(64),
    detail  VARCHAR(300)
);
CREATE INDEX security_event_at ON security_event (at);
