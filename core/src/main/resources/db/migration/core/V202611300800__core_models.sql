-- Models registered from the model store (newsdesk.models.dir): a name, the task it serves, its folder there.
CREATE TABLE core_model (
    name          varchar(64)  PRIMARY KEY,
    task          varchar(32)  NOT NULL,
    folder        varchar(256) NOT NULL,
    registered_at timestamptz  NOT NULL
);
