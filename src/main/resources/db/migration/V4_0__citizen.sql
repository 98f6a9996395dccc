-- Citizens' accounts (MPP Digital). The NIK is kept encrypted (AES-GCM) and as a keyed fingerprint to find the
-- account by; the masked form is what is shown.
CREATE TABLE citizen (
    id              UUID PRIMARY KEY,
    nik_fingerprint CHAR(64) NOT NULL UNIQUE,
    nik_encrypted   BYTEA NOT NULL,
    nik_masked      VARCHAR(16) NOT NULL,
    full_name       VARCHAR(200) NOT NULL,
    email           VARCHAR(254),
    phone           VARCHAR(20),
    region_code     VARCHAR(13),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sign_in_at TIMESTAMP WITH TIME ZONE
);

-- One-time codes that sign a citizen up or in, kept as a keyed hash. A sign-up code carries what the new account
-- needs, already checked with the population registry; citizen_id is the id that account will get. A sign-in code
-- names the account, or none when the NIK and contact matched no account: then no code was sent and none is
-- accepted, and the visitor cannot tell.
CREATE TABLE citizen_code (
    id              UUID PRIMARY KEY,
    purpose         VARCHAR(10) NOT NULL CHECK (purpose IN ('SIGN_UP', 'SIGN_IN')),
    code_hash       CHAR(64) NOT NULL,
    citizen_id      UUID,
    email           VARCHAR(254),
    phone           VARCHAR(20),
    nik_fingerprint CHAR(64),
    nik_encrypted   BYTEA,
    nik_masked      VARCHAR(16),
    full_name       VARCHAR(200),
    region_code     VARCHAR(13),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        SMALLINT NOT NULL DEFAULT 0,
    used_at         TIMESTAMP WITH TIME ZONE,
    CHECK (purpose = 'SIGN_IN' OR (citizen_id IS NOT NULL AND nik_fingerprint IS NOT NULL
        AND nik_encrypted IS NOT NULL AND nik_masked IS NOT NULL AND full_name IS NOT NULL))
);

CREATE INDEX citizen_code_expires_idx ON citizen_code (expires_at);
