-- Imports of export dumps (issue 19, "export/import"). One row per dump loaded into this forum: it marks the forum as
-- made by that dump (a second import of the same dump is allowed and changes nothing; another dump is refused) and
-- records how many lines of the dump are committed, so an interrupted import goes on where it stopped.
CREATE TABLE imports (
    dump_id         VARCHAR(64) NOT NULL,
    format_version  INTEGER NOT NULL,
    started_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    lines_done      BIGINT NOT NULL,
    finished_at     TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT pk_imports PRIMARY KEY (dump_id)
);
