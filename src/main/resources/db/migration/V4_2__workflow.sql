-- Workflow definitions as data: states, actions, roles and deadlines, as JSON validated by the application
CREATE TABLE workflow_definition (
    code       VARCHAR(60) PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$'),
    version    INT NOT NULL CHECK (version > 0),
    definition JSONB NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- The workflow a service's online applications follow; a service without a row follows the default
CREATE TABLE service_workflow (
    service_id    BIGINT PRIMARY KEY REFERENCES service (id) ON DELETE CASCADE,
    workflow_code VARCHAR(60) NOT NULL REFERENCES workflow_definition (code)
);
CREATE INDEX service_workflow_code_idx ON service_workflow (workflow_code);
