-- The outlet map learned from stored articles ('parallax outlets map --save'),
-- kept whole as the JSON the command prints: the positions, the phrases that
-- put them there and the axes. Only the latest map is kept.
CREATE TABLE outlet_map (
	id       INTEGER PRIMARY KEY CHECK (id = 1),
	saved_at INTEGER NOT NULL, -- microseconds since the Unix epoch, UTC
	json     TEXT    NOT NULL
);
