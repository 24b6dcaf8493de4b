-- The collaborative matrix model (implicit ALS factors), retrained by a job; the newest version is served.
CREATE TABLE recommend_matrix_model (
    version      integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at   timestamptz NOT NULL,
    description  text        NOT NULL,
    readers      text[]      NOT NULL,
    articles     text[]      NOT NULL,
    factors      integer     NOT NULL,
    reader_factors  bytea    NOT NULL,
    article_factors bytea    NOT NULL
);
