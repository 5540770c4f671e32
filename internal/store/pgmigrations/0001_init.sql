-- PostgreSQL schema. Identifiers and URLs use the "C" collation so that they
-- sort byte-wise, as in the SQLite store, whatever the database's locale.
-- Each table has an identity "n" that records insertion order; "id" is the
-- interchange identifier.

-- Search stems English words but, like the SQLite store, keeps stop words:
-- "AT&T" is the words "at" and "t", both English stop words, and "The Who"
-- is a band. It folds accents when the unaccent extension can be had (it
-- ships with PostgreSQL's contrib and is trusted, so a database owner may
-- create it); otherwise it still stems and folds case. Documents and queries
-- both go through the "parallax" configuration, so they agree.
DO $$
BEGIN
	BEGIN
		CREATE EXTENSION IF NOT EXISTS unaccent;
	EXCEPTION WHEN OTHERS THEN
		RAISE NOTICE 'unaccent is not available (%): search will not fold accents', SQLERRM;
	END;
	CREATE TEXT SEARCH DICTIONARY parallax_stem (TEMPLATE = snowball, Language = english);
	CREATE TEXT SEARCH CONFIGURATION parallax (COPY = pg_catalog.english);
	ALTER TEXT SEARCH CONFIGURATION parallax
		ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH parallax_stem;
	IF EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'unaccent') THEN
		ALTER TEXT SEARCH CONFIGURATION parallax
			ALTER MAPPING FOR word, hword, hword_part WITH unaccent, parallax_stem;
	ELSE
		ALTER TEXT SEARCH CONFIGURATION parallax
			ALTER MAPPING FOR word, hword, hword_part WITH parallax_stem;
	END IF;
END
$$;

CREATE TABLE stories (
	n          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id         text        COLLATE "C" NOT NULL UNIQUE,
	title      text        NOT NULL,
	summary    text        NOT NULL,
	updated    timestamptz NOT NULL,
	first_seen timestamptz NOT NULL,
	n_outlets  integer     NOT NULL,
	n_articles integer     NOT NULL,
	json       jsonb       NOT NULL, -- the whole story JSON, as served
	tsv        tsvector    GENERATED ALWAYS AS (
		setweight(to_tsvector('parallax', title), 'A') ||
		setweight(to_tsvector('parallax', summary), 'B')) STORED
);
CREATE INDEX stories_updated ON stories (updated DESC, id);
CREATE INDEX stories_tsv ON stories USING gin (tsv);

CREATE TABLE articles (
	n         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id        text        COLLATE "C" NOT NULL UNIQUE,
	outlet    text        NOT NULL,
	url       text        COLLATE "C" NOT NULL,
	title     text        NOT NULL,
	text      text        NOT NULL,
	published timestamptz,          -- NULL when unknown
	lang      text        NOT NULL,
	added_at  timestamptz NOT NULL DEFAULT now(),
	story_id  text        COLLATE "C" REFERENCES stories (id),
	-- Indexed as part of the insert, so a search sees every committed
	-- article; title hits weigh more than text hits.
	tsv       tsvector    GENERATED ALWAYS AS (
		setweight(to_tsvector('parallax', title), 'A') ||
		setweight(to_tsvector('parallax', text), 'B')) STORED
);
-- The same article reached through two feeds (two IDs) is stored once.
CREATE UNIQUE INDEX articles_url ON articles (url) WHERE url <> '';
CREATE INDEX articles_story ON articles (story_id);
CREATE INDEX articles_published ON articles (published NULLS FIRST, id);
CREATE INDEX articles_tsv ON articles USING gin (tsv);

-- parallax_tsquery turns plain user words into a query that cannot be a
-- syntax error: each word is parsed as a phrase the way documents are (so
-- "AT&T" or "U.S." match as written), all words must match, and a word ending
-- in * matches prefixes.
CREATE FUNCTION parallax_tsquery(words text[]) RETURNS tsquery
LANGUAGE plpgsql STABLE STRICT AS $$
DECLARE
	q tsquery := '';
	p tsquery;
	w text;
BEGIN
	FOREACH w IN ARRAY words LOOP
		IF right(w, 1) = '*' THEN
			p := phraseto_tsquery('parallax', rtrim(w, '*'));
			IF p::text <> '' THEN
				p := to_tsquery('simple', p::text || ':*');
			END IF;
		ELSE
			p := phraseto_tsquery('parallax', w);
		END IF;
		q := q && p;
	END LOOP;
	RETURN q;
END
$$;

CREATE TABLE feeds (
	url           text        COLLATE "C" PRIMARY KEY,
	etag          text        NOT NULL DEFAULT '',
	last_modified text        NOT NULL DEFAULT '',
	last_polled   timestamptz,          -- NULL if never polled
	next_poll     timestamptz,          -- NULL means as soon as possible
	error_count   integer     NOT NULL DEFAULT 0,
	last_error    text        NOT NULL DEFAULT ''
);
