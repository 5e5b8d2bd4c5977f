-- Password reset links (issue 12, section 3). Only the SHA-256 of a token is stored; the token itself exists in the
-- e-mail alone. request_position is the outbox position of the PasswordResetRequested event the link answers: a
-- redelivered request adds a second row for the same position (see docs/mail.md).
CREATE TABLE password_resets (
    token_hash       VARCHAR(128) NOT NULL,
    member_id        BIGINT NOT NULL,
    request_position BIGINT NOT NULL,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    used_at          TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT pk_password_resets PRIMARY KEY (token_hash)
);

-- a used link kills the member's other open links
CREATE INDEX ix_password_resets_member ON password_resets (member_id);
CREATE INDEX ix_password_resets_expiry ON password_resets (expires_at);
