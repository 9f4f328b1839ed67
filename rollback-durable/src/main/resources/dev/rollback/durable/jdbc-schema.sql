-- The JDBC journal's tables (PostgreSQL 15 and H2 2.3). The journal creates them when absent; to
-- create them yourself, replace rollback_ with your prefix (and qualify with your schema).
-- Each entry is a row; each scope's entries form a SHA-256 hash chain (see docs/durability.md).

CREATE TABLE IF NOT EXISTS rollback_owner (
    owner_id      VARCHAR(32)  NOT NULL PRIMARY KEY,
    machine       VARCHAR(300) NOT NULL,
    pid           BIGINT       NOT NULL,
    process_start VARCHAR(40),
    opened_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at     TIMESTAMP WITH TIME ZONE
);

CREATE TABLE IF NOT EXISTS rollback_scope (
    scope_id  VARCHAR(100) NOT NULL PRIMARY KEY,
    parent_id VARCHAR(100),
    owner_id  VARCHAR(32)  NOT NULL,
    holder_id VARCHAR(32)  NOT NULL,
    state     VARCHAR(12)  NOT NULL,
    opened_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX IF NOT EXISTS rollback_scope_state ON rollback_scope (state);

CREATE TABLE IF NOT EXISTS rollback_entry (
    scope_id VARCHAR(100)     NOT NULL,
    position INTEGER          NOT NULL,
    kind     VARCHAR(16)      NOT NULL,
    payload  VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (scope_id, position)
);
