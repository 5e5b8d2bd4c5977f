-- Member profiles and display settings; last_seen_at is written at most once per five minutes per member and node.
CREATE TABLE profiles (
    member_id       BIGINT NOT NULL,
    about           VARCHAR,
    location        VARCHAR(400),
    website         VARCHAR(1200),
    signature       VARCHAR,
    signature_html  VARCHAR,
    time_zone       VARCHAR(64),
    date_style      VARCHAR(32) DEFAULT 'ISO' NOT NULL,
    hide_last_seen  BOOLEAN DEFAULT FALSE NOT NULL,
    hide_signatures BOOLEAN DEFAULT FALSE NOT NULL,
    last_seen_at    TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT pk_profiles PRIMARY KEY (member_id)
);

-- The device of a session, for the member's list of signed-in devices; rows from before have none.
ALTER TABLE sessions ADD COLUMN user_agent VARCHAR(1200);
ALTER TABLE sessions ADD COLUMN ip VARCHAR(64);
ALTER TABLE sessions ADD COLUMN last_used_at TIMESTAMP(6) WITH TIME ZONE;

-- The member list's orders (name already has its unique key index).
CREATE INDEX ix_members_joined ON members (joined_at, id);
CREATE INDEX ix_members_messages ON members (message_count, id);
CREATE INDEX ix_members_reaction_score ON members (reaction_score, id);
