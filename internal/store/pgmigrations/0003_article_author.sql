-- The byline of each article, '' when unknown: an opinion writer is placed
-- on the spectrum by their own rating rather than their outlet's. Articles
-- stored before it was kept have none.
ALTER TABLE articles ADD COLUMN author text NOT NULL DEFAULT '';
