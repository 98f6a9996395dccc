-- Signed output documents as issued; only what the public verification page shows is kept beside the PDF
CREATE TABLE issued_document (
    id               UUID PRIMARY KEY,
    reference_number TEXT NOT NULL,
    title            TEXT NOT NULL,
    issuer_name      TEXT NOT NULL,
    service_name     TEXT NOT NULL,
    holder_masked    TEXT NOT NULL,
    zone             VARCHAR(40) NOT NULL,
    issued_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    sha256           CHAR(64) NOT NULL,
    pdf              BYTEA NOT NULL,
    revoked_at       TIMESTAMP WITH TIME ZONE,
    revoked_reason   VARCHAR(500),
    CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
);
CREATE INDEX issued_document_reference_idx ON issued_document (reference_number);

-- The development key that signs documents when no keystore is configured: one row, shared by every instance
CREATE TABLE document_signing_key (
    id          SMALLINT PRIMARY KEY CHECK (id = 1),
    private_key BYTEA NOT NULL,
    certificate BYTEA NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
