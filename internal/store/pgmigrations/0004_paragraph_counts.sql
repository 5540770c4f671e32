-- How many of each site's articles carried a short paragraph, known by the
-- paragraph's hash, for the paragraphs seen in two articles or more: what the
-- importer has learned of each site's boilerplate ("Story Continued Below",
-- "Sign up for Daily Newsletters"), so that a restarted process strips it
-- from the first new article on.
CREATE TABLE paragraph_counts (
	site     text    NOT NULL,
	hash     bigint  NOT NULL, -- the 64-bit hash, its bits read as a signed integer
	articles integer NOT NULL,
	PRIMARY KEY (site, hash)
);
