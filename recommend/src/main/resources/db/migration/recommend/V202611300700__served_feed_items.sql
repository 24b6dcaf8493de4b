-- What each served feed page held and how every candidate source ranked each item, logged when the page was
-- served, so the ranker can learn from source scores as they were at the impression (not recomputed later).
CREATE TABLE recommend_served_item (
    reader_id     varchar(128) NOT NULL,
    article_id    varchar(128) NOT NULL,
    served_at     timestamptz  NOT NULL,
    source_ranks  real[]       NOT NULL
);
CREATE INDEX recommend_served_item_pair ON recommend_served_item (reader_id, article_id, served_at);
CREATE INDEX recommend_served_item_time ON recommend_served_item (served_at);
