-- Articles, their derived embeddings, deletions the index must learn about, readers and their events.

CREATE SEQUENCE core_content_change_seq;

CREATE TABLE core_article (
    id                varchar(128) PRIMARY KEY,
    title             text         NOT NULL,
    standfirst        text,
    body_raw          text,
    body_text         text,
    body_format       varchar(8)   NOT NULL,
    section           varchar(64)  NOT NULL,
    tags              text[]       NOT NULL DEFAULT '{}',
    authors           text[]       NOT NULL DEFAULT '{}',
    language          varchar(16)  NOT NULL,
    kind              varchar(16)  NOT NULL,
    published_at      timestamptz,
    source_updated_at timestamptz,
    canonical_url     text,
    images            jsonb        NOT NULL DEFAULT '[]',
    duration_seconds  integer,
    version           bigint       NOT NULL,
    change_seq        bigint       NOT NULL,
    created_at        timestamptz  NOT NULL,
    modified_at       timestamptz  NOT NULL
);
CREATE INDEX core_article_section_published ON core_article (section, published_at DESC);
CREATE INDEX core_article_published ON core_article (published_at DESC);
CREATE INDEX core_article_change_seq ON core_article (change_seq);

-- A deleted article leaves a tombstone so that a derived store (the Lucene index) that missed the delete can
-- catch up from its last change sequence number.
CREATE TABLE core_article_tombstone (
    article_id varchar(128) NOT NULL,
    change_seq bigint       NOT NULL,
    deleted_at timestamptz  NOT NULL
);
CREATE INDEX core_article_tombstone_change_seq ON core_article_tombstone (change_seq);

-- Document vectors, cached so that rebuilding the index does not embed again; content_hash says what was embedded.
CREATE TABLE core_article_embedding (
    article_id   varchar(128) PRIMARY KEY REFERENCES core_article (id) ON DELETE CASCADE,
    model        varchar(128) NOT NULL,
    content_hash varchar(64)  NOT NULL,
    vector       bytea        NOT NULL,
    passages     integer      NOT NULL,
    updated_at   timestamptz  NOT NULL
);

CREATE TABLE core_reader (
    id            varchar(128) PRIMARY KEY,
    first_seen_at timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL
);

-- Reader events are kept even after their article is deleted (no foreign key): they are the reader's history.
CREATE TABLE core_reader_event (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reader_id       varchar(128) NOT NULL REFERENCES core_reader (id),
    client_event_id varchar(128) NOT NULL,
    type            varchar(16)  NOT NULL,
    article_id      varchar(128),
    target          varchar(200),
    seconds         integer,
    source          varchar(32),
    position        integer,
    occurred_at     timestamptz  NOT NULL,
    received_at     timestamptz  NOT NULL,
    CONSTRAINT core_reader_event_client_id UNIQUE (reader_id, client_event_id)
);
CREATE INDEX core_reader_event_reader_time ON core_reader_event (reader_id, occurred_at DESC, id DESC);
CREATE INDEX core_reader_event_article ON core_reader_event (article_id, occurred_at DESC);
CREATE INDEX core_reader_event_time ON core_reader_event (occurred_at);
