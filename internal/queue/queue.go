// Package queue carries articles from crawlers to the process that builds
// stories, through a NATS JetStream stream. Fetching and extracting pages,
// the slow and network-bound part of the work, can then run on several
// machines, while one process clusters and composes: clustering is
// sequential, and two builders would each see half of every story.
//
// The stream keeps an article until the builder acknowledges it, which it
// does only once the article is committed to the store; an article sent
// twice under one ID within an hour is kept once, and the store drops what
// it already holds, so a crawler or builder killed at any point loses
// nothing and duplicates nothing.
package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/parallax-news/parallax/internal/article"
)

// The names the stream and the builder's consumer go by on the server.
const (
	Stream   = "PARALLAX_ARTICLES"
	Subject  = "parallax.articles"
	Consumer = "parallax-builder"
)

// Options tune a Queue. The zero value means the defaults in brackets.
type Options struct {
	Log *slog.Logger // [discard]
	// Name tells the server who is connected, for its monitoring ["parallax"].
	Name string
	// Dedup is how long the stream remembers an article ID to drop a second
	// copy [1h].
	Dedup time.Duration
	// AckWait is how long the builder may take over a batch before the
	// server hands it out again [10m].
	AckWait time.Duration
	// Retry is how long a batch whose import failed waits before it is
	// handed out again [30s].
	Retry time.Duration
	// Wait is how long Consume waits for articles before it looks again (or,
	// draining, returns) [2s].
	Wait time.Duration
}

func (o *Options) defaults() {
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Name == "" {
		o.Name = "parallax"
	}
	set := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	set(&o.Dedup, time.Hour)
	set(&o.AckWait, 10*time.Minute)
	set(&o.Retry, 30*time.Second)
	set(&o.Wait, 2*time.Second)
}

// Queue is a connection to the article stream. It is safe for concurrent
// use.
type Queue struct {
	nc     *nats.Conn
	js     jetstream.JetStream
	stream jetstream.Stream
	opts   Options
	where  string // the server, without credentials, for messages
}

// Open connects to the NATS server at rawURL ("nats://host:4222") and
// creates the article stream there unless it exists.
func Open(ctx context.Context, rawURL string, opts Options) (*Queue, error) {
	opts.defaults()
	where := redact(rawURL)
	nc, err := nats.Connect(rawURL, nats.Name(opts.Name), nats.Timeout(10*time.Second), nats.MaxReconnects(-1))
	if err != nil {
		return nil, fmt.Errorf("connecting to the queue at %s: %w", where, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue at %s: %w", where, err)
	}
	st, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:       Stream,
		Subjects:   []string{Subject},
		Storage:    jetstream.FileStorage,
		Retention:  jetstream.WorkQueuePolicy, // gone once the builder has it stored
		Duplicates: opts.Dedup,
	})
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("creating the article stream on %s (the server must run JetStream: nats-server -js): %w", where, err)
	}
	return &Queue{nc: nc, js: js, stream: st, opts: opts, where: where}, nil
}

// Close ends the connection.
func (q *Queue) Close() { q.nc.Close() }

// Sent counts what Publish did with a batch of articles. An article larger
// than the server takes in one message is logged and counted in neither.
type Sent struct {
	New        int // stored in the stream
	Duplicates int // sent before within the dedup window
}

// Publish sends articles to the stream, each under its ID. It returns once
// the server has stored every one, or at the first failure, with what was
// sent before it.
func (q *Queue) Publish(ctx context.Context, arts []article.Article) (Sent, error) {
	var s Sent
	limit := q.nc.MaxPayload()
	for _, a := range arts {
		data, err := json.Marshal(a)
		if err != nil {
			return s, fmt.Errorf("encoding article %s: %w", a.ID, err)
		}
		if int64(len(data)) > limit {
			q.opts.Log.Warn("article larger than the queue takes; not sent (raise max_payload on the server)",
				"article", a.ID, "url", a.URL, "bytes", len(data), "max_payload", limit)
			continue
		}
		ack, err := q.js.Publish(ctx, Subject, data, jetstream.WithMsgID(a.ID))
		if err != nil {
			return s, fmt.Errorf("sending article %s to the queue at %s: %w", a.ID, q.where, err)
		}
		if ack.Duplicate {
			s.Duplicates++
		} else {
			s.New++
		}
	}
	return s, nil
}

// Handler stores a batch of articles; Consume acknowledges them only when it
// returns nil.
type Handler func(ctx context.Context, arts []article.Article) error

// Consume hands the stream's articles to handle in batches of at most n,
// until ctx ends, or, when drain is set, until the stream has none left.
// A batch whose handler fails is handed out again after Options.Retry, so
// that nothing is lost while the store is away; a message that is no
// article is logged and dropped, since no retry could store it.
func (q *Queue) Consume(ctx context.Context, n int, drain bool, handle Handler) error {
	if n <= 0 {
		n = 200
	}
	cons, err := q.stream.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable:       Consumer,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       q.opts.AckWait,
		MaxAckPending: 10 * n,
	})
	if err != nil {
		return fmt.Errorf("joining the article stream on %s: %w", q.where, err)
	}
	until := "interrupted"
	if drain {
		until = "empty"
	}
	q.opts.Log.Info("reading articles from the queue", "queue", q.where, "until", until)
	if info, err := cons.Info(ctx); err == nil && info.NumWaiting > 0 {
		// Clustering is sequential: two builders would each see part of
		// every story.
		q.opts.Log.Warn("another process is already reading this queue; run one 'parallax import --queue' per store", "queue", q.where)
	}
	for ctx.Err() == nil {
		batch, err := cons.Fetch(n, jetstream.FetchMaxWait(q.opts.Wait))
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			return fmt.Errorf("reading from the queue at %s: %w", q.where, err)
		}
		msgs, arts := q.decode(batch)
		if err := batch.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && ctx.Err() == nil {
			if drain && len(msgs) == 0 {
				// Not an empty queue: a queue that could not be read.
				return fmt.Errorf("reading from the queue at %s: %w", q.where, err)
			}
			q.opts.Log.Warn("reading from the queue", "err", err)
		}
		if len(msgs) == 0 {
			if drain {
				break
			}
			continue
		}
		if err := handle(ctx, arts); err != nil {
			for _, m := range msgs {
				_ = m.NakWithDelay(q.opts.Retry) // unacknowledged, it comes back after AckWait anyway
			}
			if ctx.Err() != nil {
				break
			}
			if drain {
				return err
			}
			q.opts.Log.Error("storing articles from the queue failed; they will be handed out again", "articles", len(arts), "retry_in", q.opts.Retry, "err", err)
			continue
		}
		for _, m := range msgs {
			// Stored is stored: an acknowledgement lost on the way only
			// brings the article back, and the store drops it.
			if err := m.DoubleAck(context.WithoutCancel(ctx)); err != nil {
				q.opts.Log.Warn("acknowledging a stored article", "err", err)
			}
		}
	}
	return nil
}

// decode reads a batch's articles, dropping (and logging) messages that are
// not articles.
func (q *Queue) decode(b jetstream.MessageBatch) ([]jetstream.Msg, []article.Article) {
	var msgs []jetstream.Msg
	var arts []article.Article
	for m := range b.Messages() {
		var a article.Article
		if err := json.Unmarshal(m.Data(), &a); err != nil {
			seq := uint64(0)
			if md, merr := m.Metadata(); merr == nil {
				seq = md.Sequence.Stream
			}
			q.opts.Log.Error("queue message is not an article; dropped", "stream_sequence", seq, "bytes", len(m.Data()), "err", err)
			_ = m.Term()
			continue
		}
		msgs = append(msgs, m)
		arts = append(arts, a)
	}
	return msgs, arts
}

// redact drops the passwords from a server URL, or a comma-separated list
// of them, shown to the user.
func redact(raw string) string {
	parts := strings.Split(raw, ",")
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if u, err := url.Parse(p); err == nil && u.User != nil {
			if _, ok := u.User.Password(); ok {
				u.User = url.UserPassword(u.User.Username(), "xxxxx")
				p = u.String()
			}
		}
		parts[i] = p
	}
	return strings.Join(parts, ",")
}
