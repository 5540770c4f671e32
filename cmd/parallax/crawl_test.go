package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/crawl"
	"github.com/parallax-news/parallax/internal/nettest"
)

// crawlSite serves one RSS feed of two articles on loopback.
func crawlSite(t *testing.T) *httptest.Server {
	t.Helper()
	para := "The regional parliament voted on Tuesday to extend the coastal railway line by 80 kilometres, " +
		"approving a budget of 1.2 billion euros after a debate that lasted most of the day. Supporters said the " +
		"line would cut travel times between the port towns by half, while opponents questioned the cost estimates."
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			// Recent items: older ones are skipped by --max-age.
			date := time.Now().Add(-2 * time.Hour).UTC().Format(time.RFC1123Z)
			fmt.Fprintf(w, `<rss version="2.0"><channel><title>Coast News</title>
<item><title>Parliament extends the coastal railway</title><link>%[1]s/a/1.html</link><pubDate>%[2]s</pubDate></item>
<item><title>Coastal railway extension approved</title><link>%[1]s/a/2.html</link><pubDate>%[2]s</pubDate></item>
</channel></rss>`, srv.URL, date)
		case "/a/1.html", "/a/2.html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<html><head><title>Railway</title></head><body><article><h1>Railway</h1><p>%s</p><p>%s</p></article></body></html>`, para, para)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func writeOPML(t *testing.T, feeds ...string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>`)
	for i, f := range feeds {
		fmt.Fprintf(&b, `<outline type="rss" text="Coast News %d" xmlUrl="%s"/>`, i, f)
	}
	b.WriteString(`</body></opml>`)
	path := filepath.Join(t.TempDir(), "feeds.opml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCrawlOnce(t *testing.T) {
	srv := crawlSite(t)
	opml := writeOPML(t, srv.URL+"/feed.xml")
	db := filepath.Join(t.TempDir(), "p.db")
	args := []string{"crawl", "--once", "--db", db, "--opml", opml, "--allow-hosts", "127.0.0.1", "--host-delay", "0"}

	e, out, errb := testEnv("")
	if code := run(context.Background(), e, args); code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	for _, want := range []string{"1 feeds polled", "2 articles added", "the store holds 2 articles"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errb.String(), "crawl: 1/1 feeds") {
		t.Errorf("no progress line on stderr:\n%s", errb)
	}

	e, out, _ = testEnv("")
	if code := run(context.Background(), e, args); code != 0 || !strings.Contains(out.String(), "no feed is due yet") {
		t.Errorf("second run: exit %d, output:\n%s", code, out)
	}
}

func TestCrawlRefusesLoopbackWithoutAllowList(t *testing.T) {
	srv := crawlSite(t)
	opml := writeOPML(t, srv.URL+"/feed.xml")
	e, out, errb := testEnv("")
	code := run(context.Background(), e, []string{"crawl", "--once", "--db", filepath.Join(t.TempDir(), "p.db"), "--opml", opml})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	if !strings.Contains(out.String(), "1 failed") || !strings.Contains(out.String(), "address not allowed") {
		t.Errorf("output does not report the refused feed:\n%s", out)
	}
}

func TestCrawlOffline(t *testing.T) {
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dead := "http://" + ln.Addr().String() + "/feed.xml"
	ln.Close()
	opml := writeOPML(t, dead)
	e, out, errb := testEnv("")
	code := run(context.Background(), e, []string{"crawl", "--once", "--db", filepath.Join(t.TempDir(), "p.db"), "--opml", opml, "--allow-hosts", "127.0.0.1"})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	if !strings.Contains(out.String(), "no feed could be reached") || !strings.Contains(out.String(), "refused") {
		t.Errorf("output does not say the feeds are unreachable:\n%s", out)
	}
}

func TestCrawlUsage(t *testing.T) {
	for _, args := range [][]string{
		{"crawl", "--once", "extra-arg"},
		{"crawl", "--bogus"},
	} {
		e, _, _ := testEnv("")
		if code := run(context.Background(), e, args); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	e, _, errb := testEnv("")
	if code := run(context.Background(), e, []string{"crawl", "--once", "--allow-hosts", "10.0.0.0/99", "--db", filepath.Join(t.TempDir(), "p.db")}); code != 1 ||
		!strings.Contains(errb.String(), "--allow-hosts") {
		t.Errorf("bad allow-list: exit %d, %s", code, errb)
	}
}

// Crawling on one machine and building stories on another, through the
// queue: the crawler sends what it fetched, the importer stores it, and a
// second crawl sends nothing new.
func TestCrawlThroughQueue(t *testing.T) {
	q := nettest.NATS(t)
	srv := crawlSite(t)
	opml := writeOPML(t, srv.URL+"/feed.xml")
	crawlDB := filepath.Join(t.TempDir(), "crawler.db")
	crawlArgs := []string{"crawl", "--once", "--db", crawlDB, "--queue", q, "--opml", opml, "--allow-hosts", "127.0.0.1", "--host-delay", "0", "--force"}
	e, out, errb := testEnv("")
	if code := run(context.Background(), e, crawlArgs); code != 0 {
		t.Fatalf("crawl exit %d: %s", code, errb)
	}
	if !strings.Contains(out.String(), "2 articles sent to the queue") {
		t.Errorf("crawl output lacks the articles sent:\n%s", out)
	}

	db := filepath.Join(t.TempDir(), "stories.db")
	e, out, errb = testEnv("")
	if code := run(context.Background(), e, []string{"import", "--queue", q, "--once", "--db", db}); code != 0 {
		t.Fatalf("import exit %d: %s", code, errb)
	}
	if !strings.Contains(out.String(), "2 articles added") || !strings.Contains(out.String(), "the store holds 2 articles") {
		t.Errorf("import output:\n%s", out)
	}
	if n := countArticles(t, db); n != 2 {
		t.Errorf("the store holds %d articles, want 2", n)
	}

	e, out, errb = testEnv("")
	if code := run(context.Background(), e, crawlArgs); code != 0 {
		t.Fatalf("second crawl exit %d: %s", code, errb)
	}
	if !strings.Contains(out.String(), "0 articles sent to the queue") {
		t.Errorf("a second crawl sent articles again:\n%s", out)
	}
}

func TestImportQueueUnreachable(t *testing.T) {
	e, _, errb := testEnv("")
	db := filepath.Join(t.TempDir(), "p.db")
	if code := run(context.Background(), e, []string{"import", "--queue", "nats://127.0.0.1:1", "--once", "--db", db}); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if !strings.Contains(errb.String(), "connecting to the queue at nats://127.0.0.1:1") {
		t.Errorf("stderr: %s", errb)
	}
	e, _, errb = testEnv("")
	if code := run(context.Background(), e, []string{"import", "--queue", "nats://127.0.0.1:1", "--db", db, "x.jsonl"}); code != 1 || !strings.Contains(errb.String(), "not both") {
		t.Errorf("files and --queue: exit %d, %s", code, errb)
	}
}

func TestCrawlShardFlag(t *testing.T) {
	for in, ok := range map[string]bool{"1/1": true, "2/3": true, " 3 / 3 ": true, "0/3": false, "4/3": false, "1": false, "a/b": false} {
		k, n, err := parseShard(in)
		if err == nil {
			_, err = crawl.Shard(nil, k, n)
		}
		if (err == nil) != ok {
			t.Errorf("--shard %q: err %v, want ok %v", in, err, ok)
		}
	}
	srv := crawlSite(t)
	opml := writeOPML(t, srv.URL+"/feed.xml")
	db := filepath.Join(t.TempDir(), "p.db")
	e, out, errb := testEnv("")
	if code := run(context.Background(), e, []string{"crawl", "--once", "--db", db, "--opml", opml, "--allow-hosts", "127.0.0.1", "--host-delay", "0", "--shard", "1/1"}); code != 0 || !strings.Contains(out.String(), "2 articles added") {
		t.Errorf("--shard 1/1: exit %d\n%s%s", code, out, errb)
	}
	e, _, errb = testEnv("")
	if code := run(context.Background(), e, []string{"crawl", "--once", "--db", db, "--opml", opml, "--shard", "0/2"}); code != 1 || !strings.Contains(errb.String(), "--shard") {
		t.Errorf("--shard 0/2: exit %d, %s", code, errb)
	}
}
