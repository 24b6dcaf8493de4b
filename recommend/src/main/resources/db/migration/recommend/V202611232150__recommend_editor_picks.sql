-- Articles the editors push into feeds, site-wide (section NULL) or in one section, until an optional end.
CREATE TABLE recommend_editor_pick (
    article_id varchar(128) PRIMARY KEY REFERENCES core_article (id) ON DELETE CASCADE,
    section    varchar(64),
    note       varchar(200),
    picked_at  timestamptz NOT NULL,
    until      timestamptz
);
