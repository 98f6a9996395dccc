-- Secrets every instance shares when none is configured (token signing, NIK fingerprints), one row each
CREATE TABLE app_secret (
    name       VARCHAR(40) PRIMARY KEY,
    secret     BYTEA NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
INSERT INTO app_secret (name, secret, created_at) SELECT 'token-signing', secret, created_at FROM token_signing_key;
DROP TABLE token_signing_key;
