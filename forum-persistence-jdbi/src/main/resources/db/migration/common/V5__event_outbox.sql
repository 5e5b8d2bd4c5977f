-- The event outbox (docs/outbox.md): every domain event, stored in the transaction of its change.
-- Positions come from the one row of outbox_head, incremented inside that transaction: its row lock makes
-- transactions that write events commit one after the other in position order, so a consumer that has seen
-- position p can never later find a smaller position appear (as it could with a sequence).
CREATE TABLE events (
    position    BIGINT PRIMARY KEY,
    type        VARCHAR(100) NOT NULL,
    payload     VARCHAR NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE outbox_head (
    id          INTEGER PRIMARY KEY,
    position    BIGINT NOT NULL,
    CONSTRAINT ck_outbox_head_single_row CHECK (id = 1)
);

INSERT INTO outbox_head (id, position) VALUES (1, 0);

-- One row per durable consumer: the position of the last event it handled, and the node holding its lease.
CREATE TABLE outbox_consumers (
    name        VARCHAR(100) PRIMARY KEY,
    position    BIGINT NOT NULL,
    lease_owner VARCHAR(100),
    lease_until TIMESTAMP(6) WITH TIME ZONE
);
