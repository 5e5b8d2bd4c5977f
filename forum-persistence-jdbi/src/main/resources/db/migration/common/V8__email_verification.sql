-- E-mail verification and change of address (issue 12, section 3).
-- Members who joined before verification existed count as verified, so turning verification on locks nobody out;
-- from here on every insert names the column, and a row that did not would start unverified.
ALTER TABLE members ADD COLUMN email_verified BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE members ALTER COLUMN email_verified SET DEFAULT FALSE;

-- Verification links. Only the SHA-256 of a token is stored; the token itself exists in the e-mail alone. purpose
-- CONFIRM_ADDRESS marks the member's address verified (it must still be their address), CHANGE_ADDRESS makes email
-- their address. request_position is the outbox position of the request the link answers: a newer request closes
-- older open links of its kind, a redelivered one adds a second row for the same position (see docs/mail.md).
CREATE TABLE email_verifications (
    token_hash       VARCHAR(128) NOT NULL,
    member_id        BIGINT NOT NULL,
    email            VARCHAR(400) NOT NULL,
    purpose          VARCHAR(32) NOT NULL,
    request_position BIGINT NOT NULL,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    used_at          TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT pk_email_verifications PRIMARY KEY (token_hash)
);

CREATE INDEX ix_email_verifications_member ON email_verifications (member_id);
CREATE INDEX ix_email_verifications_expiry ON email_verifications (expires_at);
