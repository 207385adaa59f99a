-- Sign-in through the city's identity provider (OpenID Connect, when OIDC_ISSUER is set).

-- How a session was opened: a password (with a second factor when required) or the identity
-- provider (whose own sign-in, and second factor, the city manages).
ALTER TABLE staff_sessions ADD COLUMN via text NOT NULL DEFAULT 'password' CHECK (via IN ('password', 'oidc'));

-- A sign-in on its way through the identity provider: the PKCE verifier and nonce of one state,
-- kept in the database so that any server process can finish it; used once, and for 10 minutes.
CREATE TABLE oidc_sign_ins (
  state_sha256  text        PRIMARY KEY,
  code_verifier text        NOT NULL,
  nonce         text        NOT NULL,
  created_at    timestamptz NOT NULL
);
