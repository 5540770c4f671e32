-- Times are INTEGER unix microseconds, UTC: they sort and compare as numbers.
-- Each table has an INTEGER PRIMARY KEY "n" so that the external-content FTS5
-- indexes can key on a rowid that VACUUM never renumbers; "id" is the
-- interchange identifier.

CREATE TABLE stories (
	n          INTEGER PRIMARY KEY,
	id         TEXT    NOT NULL UNIQUE,
	title      TEXT    NOT NULL,
	summary    TEXT    NOT NULL,
	updated    INTEGER NOT NULL,
	first_seen INTEGER NOT NULL,
	n_outlets  INTEGER NOT NULL,
	n_articles INTEGER NOT NULL,
	json       TEXT    NOT NULL -- the whole story JSON, as served
);
CREATE INDEX stories_updated ON stories (updated DESC, id);

CREATE TABLE articles (
	n         INTEGER PRIMARY KEY,
	id        TEXT    NOT NULL UNIQUE,
	outlet    TEXT    NOT NULL,
	url       TEXT    NOT NULL,
	title     TEXT    NOT NULL,
	text      TEXT    NOT NULL,
	published INTEGER,          -- NULL when unknown
	lang      TEXT    NOT NULL,
	added_at  INTEGER NOT NULL,
	story_id  TEXT    REFERENCES stories (id)
);
-- The same article reached through two feeds (two IDs) is stored once.
CREATE UNIQUE INDEX articles_url ON articles (url) WHERE url <> '';
CREATE INDEX articles_story ON articles (story_id);
CREATE INDEX articles_published ON articles (published, id);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title, text,
	content = 'articles', content_rowid = 'n',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts (rowid, title, text) VALUES (new.n, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.n, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.n, old.title, old.text);
	INSERT INTO articles_fts (rowid, title, text) VALUES (new.n, new.title, new.text);
END;

CREATE VIRTUAL TABLE stories_fts USING fts5 (
	title, summary,
	content = 'stories', content_rowid = 'n',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER stories_fts_insert AFTER INSERT ON stories BEGIN
	INSERT INTO stories_fts (rowid, title, summary) VALUES (new.n, new.title, new.summary);
END;
CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN
	INSERT INTO stories_fts (stories_fts, rowid, title, summary) VALUES ('delete', old.n, old.title, old.summary);
END;
CREATE TRIGGER stories_fts_update AFTER UPDATE OF title, summary ON stories BEGIN
	INSERT INTO stories_fts (stories_fts, rowid, title, summary) VALUES ('delete', old.n, old.title, old.summary);
	INSERT INTO stories_fts (rowid, title, summary) VALUES (new.n, new.title, new.summary);
END;

CREATE TABLE feeds (
	url           TEXT    PRIMARY KEY,
	etag          TEXT    NOT NULL DEFAULT '',
	last_modified TEXT    NOT NULL DEFAULT '',
	last_polled   INTEGER,          -- NULL if never polled
	next_poll     INTEGER,          -- NULL means as soon as possible
	error_count   INTEGER NOT NULL DEFAULT 0,
	last_error    TEXT    NOT NULL DEFAULT ''
);
