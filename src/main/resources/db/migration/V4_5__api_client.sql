-- Integrators (national MPP Digital, city super-apps) that call the API with OAuth2 client credentials
CREATE TABLE api_client (
    client_id   VARCHAR(60) PRIMARY KEY CHECK (client_id ~ '^[a-z0-9][a-z0-9-]{2,59}$'),
    name        VARCHAR(200) NOT NULL,
    secret_hash VARCHAR(200) NOT NULL,
    scopes      VARCHAR(200) NOT NULL,
    enabled     BOOLEAN NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
