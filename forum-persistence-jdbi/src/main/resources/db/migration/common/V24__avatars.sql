-- Uploaded avatars (issue 15). The two images the server re-encoded live in the blob store under these random keys;
-- version grows with every upload and is part of the served address (browsers cache an avatar for a year).
-- Members without a row show the letter avatar. Deleting an account deletes the row with the rest of the personal data.
CREATE TABLE avatars (
    member_id BIGINT NOT NULL,
    large_key CHAR(32) NOT NULL,
    small_key CHAR(32) NOT NULL,
    format    VARCHAR(8) NOT NULL,
    version   BIGINT NOT NULL,
    CONSTRAINT pk_avatars PRIMARY KEY (member_id),
    CONSTRAINT ck_avatars_version CHECK (version > 0)
);

-- Blob cleanup asks whether any avatar names a blob.
CREATE INDEX ix_avatars_large ON avatars (large_key);
CREATE INDEX ix_avatars_small ON avatars (small_key);
