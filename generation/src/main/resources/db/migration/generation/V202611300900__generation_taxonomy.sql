-- The newsroom's taxonomy for the tag tool: each section with a label and a description editors write, which the
-- zero-shot classifier compares articles with.
CREATE TABLE generation_section (
    name        varchar(64)   PRIMARY KEY,
    label       varchar(200)  NOT NULL,
    description varchar(1000) NOT NULL,
    updated_at  timestamptz   NOT NULL
);
