CREATE TABLE staff_account (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      VARCHAR(80) NOT NULL UNIQUE CHECK (username = lower(username)),
    password_hash VARCHAR(200) NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    role          VARCHAR(20) NOT NULL CHECK (role IN ('NATIONAL_ADMIN', 'MALL_MANAGER', 'OFFICER')),
    mall_id       BIGINT REFERENCES mall (id),
    agency_id     BIGINT REFERENCES agency (id),
    enabled       BOOLEAN NOT NULL DEFAULT TRUE,
    CHECK ((role = 'NATIONAL_ADMIN' AND mall_id IS NULL AND agency_id IS NULL)
        OR (role = 'MALL_MANAGER' AND mall_id IS NOT NULL AND agency_id IS NULL)
        OR (role = 'OFFICER' AND mall_id IS NOT NULL AND agency_id IS NOT NULL))
);

-- Key that signs the API's bearer tokens when none is configured; one row, shared by every instance
CREATE TABLE token_signing_key (
    id         SMALLINT PRIMARY KEY CHECK (id = 1),
    secret     BYTEA NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
