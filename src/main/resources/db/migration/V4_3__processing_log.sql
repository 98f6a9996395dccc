-- Processing log of personal data (UU 27/2022): who processed whose data, when and why
CREATE TABLE processing_log (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_kind VARCHAR(20) NOT NULL,
    actor_ref  VARCHAR(80) NOT NULL,
    actor_name VARCHAR(200) NOT NULL,
    citizen_id UUID,
    purpose    VARCHAR(40) NOT NULL,
    subject    VARCHAR(300) NOT NULL
);
CREATE INDEX processing_log_citizen ON processing_log (citizen_id, at);
