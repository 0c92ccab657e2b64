-- Leadership among instances sharing one database. The holder of a lease is fenced by its token: a token that is
-- no longer the latest means another instance has taken over, and the old one must not act.
CREATE TABLE leases (
    name         TEXT   NOT NULL PRIMARY KEY,
    token        BIGINT NOT NULL,
    holder       TEXT   NOT NULL,
    acquired_at  BIGINT NOT NULL
);
