-- Retention (UU 27/2022): records past their period lose what identifies a person and keep what reports count.
-- anonymized_at marks a record that already went through it.

-- A booking past its period keeps mall, service, slot and status; name, contacts and NIK go.
ALTER TABLE appointment ADD COLUMN anonymized_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE appointment ALTER COLUMN nik_fingerprint DROP NOT NULL;
ALTER TABLE appointment DROP CONSTRAINT appointment_check;
ALTER TABLE appointment ADD CONSTRAINT appointment_contact_check
    CHECK (anonymized_at IS NOT NULL OR phone IS NOT NULL OR email IS NOT NULL);
ALTER TABLE appointment ADD CONSTRAINT appointment_anonymized_check
    CHECK (anonymized_at IS NULL OR (nik_fingerprint IS NULL AND phone IS NULL AND email IS NULL));
CREATE INDEX appointment_retention_idx ON appointment (ends_at) WHERE anonymized_at IS NULL;

-- A closed complaint past its period keeps mall, agency, category, state and dates; the text, the complainant and
-- the attachments go.
ALTER TABLE complaint ADD COLUMN anonymized_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX complaint_retention_idx ON complaint (updated_at) WHERE anonymized_at IS NULL AND NOT state_open;

-- A closed application past its period keeps what it was, where, when and its output document; its purpose and
-- the notes of its steps go (its uploaded documents go earlier, by their own period).
ALTER TABLE submission ADD COLUMN anonymized_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX submission_retention_idx ON submission (state_entered_at)
    WHERE anonymized_at IS NULL AND submitted_at IS NOT NULL AND NOT state_open;

CREATE INDEX processing_log_at ON processing_log (at);
