// Package store keeps articles, stories and crawler state. Store is the only
// way the rest of Parallax reaches the database, so SQLite (the default: one
// file, zero setup) and PostgreSQL (when scaling out) are interchangeable and
// no SQL lives anywhere else.
package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/boilerplate"
	"github.com/parallax-news/parallax/internal/story"
)

// ErrNotFound is returned (wrapped) when a story or feed is not stored.
var ErrNotFound = errors.New("not found")

// Batch is one unit of work written by Commit: all of it or nothing.
type Batch struct {
	// Articles are new articles. One whose ID or non-empty URL is already
	// stored (or appears earlier in the batch) is ignored, so re-importing the
	// same file adds nothing.
	Articles []article.Article
	// Assign maps article ID to story ID, for new and re-assigned articles. A
	// story ID must be stored already or be in Stories; "" unassigns.
	Assign map[string]string
	// Stories are recomposed stories to upsert; each replaces the stored one
	// whole.
	Stories []story.Story
	// Delete names stories to remove, e.g. after a merge. Their articles must
	// have been re-assigned (in this batch or earlier).
	Delete []string
	// Paragraphs are counts of the paragraphs each site repeats, as the
	// importer learned them with these articles (boilerplate.Learner.Changed);
	// a stored count is replaced by a larger one, never by a smaller.
	Paragraphs []boilerplate.Count
}

// ListOptions selects and pages stories.
type ListOptions struct {
	Limit      int       // at most this many; <= 0 means no limit
	Offset     int       // skip this many first
	MinOutlets int       // only stories with at least this many distinct outlets
	Since      time.Time // only stories updated at or after Since, unless zero
	Query      string    // full-text words that the story or one of its articles must contain
}

// FeedState is the crawler's memory of one feed, so that polling is
// conditional (ETag, Last-Modified) and backs off on errors across restarts.
type FeedState struct {
	URL          string
	ETag         string
	LastModified string
	LastPolled   time.Time // zero if never polled
	NextPoll     time.Time // zero means as soon as possible
	ErrorCount   int       // consecutive failures
	LastError    string
}

// Store is the persistence interface. Implementations are safe for concurrent
// use; readers never block on, or fail because of, a running Commit.
type Store interface {
	// Unknown returns the articles of arts that are not stored yet, by ID and
	// by URL, and drops duplicates within arts itself (same ID or same
	// non-empty URL), keeping the first. Order is preserved.
	Unknown(ctx context.Context, arts []article.Article) ([]article.Article, error)
	// Commit writes a batch in one transaction: after a crash, a batch is
	// stored whole or not at all.
	Commit(ctx context.Context, b Batch) error
	// Assigned calls fn for every stored article published at or after since
	// and every article without a date, ordered by publication (undated first,
	// as the zero time sorts) then ID, with its story ID ("" if none). It
	// rebuilds the clusterer's window at start-up.
	Assigned(ctx context.Context, since time.Time, fn func(a article.Article, storyID string) error) error
	// StoryArticles returns the articles assigned to a story, by publication
	// then ID; none (and no error) for an unknown story.
	StoryArticles(ctx context.Context, storyID string) ([]article.Article, error)
	// Story returns one story, or an error wrapping ErrNotFound.
	Story(ctx context.Context, id string) (story.Story, error)
	// Stories returns one page of stories, most recently updated first, and
	// how many stories match o in all.
	Stories(ctx context.Context, o ListOptions) ([]story.Story, int, error)
	// Articles calls fn for every stored article, in the order they were added.
	Articles(ctx context.Context, fn func(a article.Article) error) error
	// SearchArticles returns up to limit articles matching the words of q
	// (all of them, stemmed, case and accents ignored), best match first,
	// title hits above text hits. q is plain words, not a query language:
	// operators and punctuation are taken literally; a trailing * on a word
	// matches prefixes. A search sees every article committed before it
	// started, even though article text is indexed in the background.
	SearchArticles(ctx context.Context, q string, limit int) ([]article.Article, error)
	// Counts returns how many articles and stories are stored.
	Counts(ctx context.Context) (articles, stories int, err error)

	// FeedState returns the stored state of the feed at url, or an error
	// wrapping ErrNotFound.
	FeedState(ctx context.Context, url string) (FeedState, error)
	// SaveFeedState inserts or replaces the state of feed st.URL.
	SaveFeedState(ctx context.Context, st FeedState) error
	// FeedStates returns the state of every known feed, by URL.
	FeedStates(ctx context.Context) ([]FeedState, error)

	// SaveOutletMap replaces the stored outlet map (the JSON that 'parallax
	// outlets map' prints) with data, which must be valid JSON, saved at at.
	SaveOutletMap(ctx context.Context, data []byte, at time.Time) error
	// OutletMap returns the stored outlet map and when it was saved, or an
	// error wrapping ErrNotFound when none has been saved.
	OutletMap(ctx context.Context) ([]byte, time.Time, error)

	// ParagraphCounts returns every stored paragraph count (see
	// Batch.Paragraphs), by site, for boilerplate.Learner.Restore.
	ParagraphCounts(ctx context.Context) ([]boilerplate.Count, error)

	// Close releases the database. It does not wait for the background
	// full-text indexing to finish; the next Open carries on.
	Close() error
}

// Open opens the store named by dsn and brings its schema up to date: a
// postgres:// or postgresql:// URL opens a PostgreSQL database (which must
// exist; Open creates the tables), and a file path opens (or creates) an
// SQLite database.
func Open(ctx context.Context, dsn string) (Store, error) {
	lower := strings.ToLower(dsn)
	switch {
	case strings.TrimSpace(dsn) == "":
		return nil, errors.New("no database given: pass --db with an SQLite file path or a postgres:// URL")
	case strings.HasPrefix(lower, "postgres://"), strings.HasPrefix(lower, "postgresql://"):
		s, err := openPostgres(ctx, dsn)
		if err != nil {
			return nil, err // not a nil *pgStore in a non-nil Store
		}
		return s, nil
	case strings.Contains(lower, "://"):
		return nil, fmt.Errorf("unsupported database URL %q: use an SQLite file path or a postgres:// URL for --db", redact(dsn))
	}
	s, err := openSQLite(ctx, dsn)
	if err != nil {
		return nil, err // not a nil *sqliteStore in a non-nil Store
	}
	return s, nil
}

// Redact returns dsn with any password in it hidden, for logs and messages
// that name the database.
func Redact(dsn string) string { return redact(dsn) }

// redact hides a password in a URL so that it never reaches a log or a
// terminal through an error message.
func redact(dsn string) string {
	scheme, rest, ok := strings.Cut(dsn, "://")
	if !ok {
		return dsn
	}
	authority := rest
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		authority = rest[:i]
	}
	if at := strings.LastIndex(authority, "@"); at >= 0 {
		if colon := strings.Index(authority[:at], ":"); colon >= 0 {
			rest = rest[:colon] + ":xxxxx" + rest[at:]
		}
	}
	return scheme + "://" + rest
}
