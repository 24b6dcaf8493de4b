-- Versions of the learned feed ranker with their validation metrics; the newest promoted one is served.
CREATE TABLE recommend_ranker_model (
    version        integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at     timestamptz      NOT NULL,
    features       text[]           NOT NULL,
    examples       integer          NOT NULL,
    positives      integer          NOT NULL,
    epochs         integer          NOT NULL,
    valid_auc      double precision NOT NULL,
    heuristic_auc  double precision NOT NULL,
    previous_auc   double precision,
    promoted       boolean          NOT NULL,
    parameters     bytea            NOT NULL
);
