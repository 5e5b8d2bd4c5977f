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

-- Notification e-mails: the last e-mail per member and thread (no more until the member read that post) and the
-- unsubscribe links (SHA-256 of the token; scope THREAD / BOARD / KIND names what the link turns off).
CREATE TABLE email_notices (
    member_id       BIGINT NOT NULL,
    thread_id       BIGINT NOT NULL,
    post_number     INTEGER NOT NULL,
    source_position BIGINT NOT NULL,
    sent_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_email_notices PRIMARY KEY (member_id, thread_id)
);

CREATE TABLE email_unsubscribes (
    token_hash      VARCHAR(128) NOT NULL,
    member_id       BIGINT NOT NULL,
    scope           VARCHAR(16) NOT NULL,
    kind            VARCHAR(32) NOT NULL,
    thread_id       BIGINT,
    board_id        BIGINT,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_email_unsubscribes PRIMARY KEY (token_hash)
);

-- the mail consumer reads the alerts of one event
CREATE INDEX ix_alerts_source_position ON alerts (source_position);
