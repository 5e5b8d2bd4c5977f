-- The example host's own tables, made by the host's own Flyway (default schema, default history table).
-- `members` and `sessions` are names the forum uses too: the forum lives in the schema `forum`, so they never meet.
CREATE TABLE users (
    id       VARCHAR(40)  PRIMARY KEY,
    name     VARCHAR(40)  NOT NULL UNIQUE,
    email    VARCHAR(200) NOT NULL,
    password VARCHAR(200) NOT NULL
);
-- the host's paid memberships (nothing to do with forum members)
CREATE TABLE members (
    user_id VARCHAR(40) PRIMARY KEY REFERENCES users (id),
    plan    VARCHAR(20) NOT NULL
);
CREATE TABLE sessions (
    token   VARCHAR(64) PRIMARY KEY,
    user_id VARCHAR(40) NOT NULL REFERENCES users (id)
);
