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

-- Full-text indexes, written by the Go code, not by triggers. Article text
-- is indexed behind Commit, in chunks (see sqlite_index.go), because
-- tokenizing it is most of the cost of an import; fts_state records how far
-- the index has got, in the same transaction as each chunk. articles_fts
-- reads its text from articles (external content), so that text is stored
-- once; stories_fts keeps its own copy of the short titles and summaries so
-- that a story upsert can replace its entry by rowid.
CREATE TABLE fts_state (
	name   TEXT    PRIMARY KEY,
	last_n INTEGER NOT NULL -- articles.n of the last indexed article
);
INSERT INTO fts_state (name, last_n) VALUES ('articles', 0);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title, text,
	content = 'articles', content_rowid = 'n',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
-- A 16 MB pending-terms buffer (default 1 MB) lets an import batch of a few
-- hundred articles reach disk as one segment instead of several, so there is
-- less merging; it costs memory only while a large batch is being written.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 16777216);
-- Articles are never updated in place; this keeps the index right if rows are
-- ever pruned.
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles
WHEN old.n <= (SELECT last_n FROM fts_state WHERE name = 'articles') BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.n, old.title, old.text);
END;

CREATE VIRTUAL TABLE stories_fts USING fts5 (
	title, summary,
	tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TABLE feeds (
	url           TEXT    PRIMARY KEY,
	etag          TEXT    NOT NULL DEFAULT '',
	last_modified TEXT    NOT NULL DEFAULT '',
	last_polled   INTEGER,          -- NULL if never polled
	next_poll     INTEGER,          -- NULL means as soon as possible
	error_count   INTEGER NOT NULL DEFAULT 0,
	last_error    TEXT    NOT NULL DEFAULT ''
);
