-- Incident reports. The body holds special-category personal data (GDPR Art. 9): it is kept only
-- as long as RETENTION_DAYS allows, and only staff with the admin token can read it.
CREATE TABLE reports (
  id              uuid        PRIMARY KEY,
  reference       text        NOT NULL UNIQUE,
  idempotency_key text        NOT NULL UNIQUE,
  body            jsonb       NOT NULL,
  body_sha256     text        NOT NULL,
  received_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX reports_received_at ON reports (received_at);
