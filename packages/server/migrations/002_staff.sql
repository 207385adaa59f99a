-- The staff side: review of reports (status, notes, referrals), evidence images, accounts and
-- sessions, the audit log, and the counters of every rate limit, so that several server processes
-- on one PostgreSQL behave as one.

-- Review status of a report: new -> in-review -> referred -> closed, or spam.
ALTER TABLE reports ADD COLUMN status text NOT NULL DEFAULT 'new'
  CHECK (status IN ('new', 'in-review', 'referred', 'closed', 'spam'));
ALTER TABLE reports ADD COLUMN status_changed_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX reports_status ON reports (status, received_at);
-- The description folded for search (lower case, no diacritics, ł as l), written by the server
-- when a report arrives, so that search behaves alike on every database and collation.
ALTER TABLE reports ADD COLUMN search_text text;

-- Evidence images. They arrive before their report (PUT, then POST), so there is no foreign key:
-- the retention job removes images whose report never came, and every deletion of a report
-- removes its images in the same transaction.
CREATE TABLE report_attachments (
  id           uuid        PRIMARY KEY,
  report_id    uuid        NOT NULL,
  content_type text        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  bytes        integer     NOT NULL,
  sha256       text        NOT NULL,
  data         bytea       NOT NULL,
  received_at  timestamptz NOT NULL
);
CREATE INDEX report_attachments_report ON report_attachments (report_id);

-- Staff accounts, made on the server's machine with `npm run staff -- add EMAIL`. Never deleted
-- (the audit log names them), only disabled.
CREATE TABLE staff_accounts (
  id                   uuid        PRIMARY KEY,
  email                text        NOT NULL UNIQUE,
  role                 text        NOT NULL CHECK (role IN ('moderator', 'admin')),
  password_hash        text        NOT NULL,
  must_change_password boolean     NOT NULL DEFAULT true,
  totp_required        boolean     NOT NULL DEFAULT false,
  totp_secret          text,
  totp_pending_secret  text,
  totp_last_step       bigint,
  disabled_at          timestamptz,
  created_at           timestamptz NOT NULL,
  password_changed_at  timestamptz NOT NULL
);

-- Sessions: the cookie holds a random id; only its SHA-256 is stored, so a copy of the database
-- cannot be used to sign in.
CREATE TABLE staff_sessions (
  id_sha256    text        PRIMARY KEY,
  account_id   uuid        NOT NULL REFERENCES staff_accounts (id) ON DELETE CASCADE,
  csrf_token   text        NOT NULL,
  created_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);
CREATE INDEX staff_sessions_account ON staff_sessions (account_id);

CREATE TABLE report_notes (
  id         uuid        PRIMARY KEY,
  report_id  uuid        NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  author_id  uuid        NOT NULL REFERENCES staff_accounts (id),
  body       text        NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX report_notes_report ON report_notes (report_id, created_at);

-- To whom a report was passed on (police, an NGO, an ombudsman), and when.
CREATE TABLE report_referrals (
  id          uuid        PRIMARY KEY,
  report_id   uuid        NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  referred_to text        NOT NULL,
  referred_on date        NOT NULL,
  recorded_by uuid        NOT NULL REFERENCES staff_accounts (id),
  recorded_at timestamptz NOT NULL
);
CREATE INDEX report_referrals_report ON report_referrals (report_id, recorded_at);

-- Who did what, when. Holds no report content: a deleted report leaves its reference here as a
-- tombstone. Append-only: the rules below turn any UPDATE or DELETE into nothing.
CREATE TABLE audit_log (
  id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at               timestamptz NOT NULL,
  actor_kind       text        NOT NULL CHECK (actor_kind IN ('staff', 'token', 'reporter', 'system')),
  actor_id         uuid        REFERENCES staff_accounts (id),
  actor_email      text,
  action           text        NOT NULL,
  report_reference text,
  details          jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_report ON audit_log (report_reference, id);
CREATE RULE audit_log_no_update AS ON UPDATE TO audit_log DO INSTEAD NOTHING;
CREATE RULE audit_log_no_delete AS ON DELETE TO audit_log DO INSTEAD NOTHING;

-- Fixed-window counters of every rate limit (reports, evidence, withdrawals, sign-in per account
-- and per address). Keys are keyed hashes, never a raw address or e-mail.
CREATE TABLE rate_limit_counters (
  key            text        PRIMARY KEY,
  hits           integer     NOT NULL,
  window_ends_at timestamptz NOT NULL
);

-- Secrets the server makes for itself on first start, shared by every process (the key of the
-- hashes above).
CREATE TABLE server_secrets (
  name  text PRIMARY KEY,
  value text NOT NULL
);
