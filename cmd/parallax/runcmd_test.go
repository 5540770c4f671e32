package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// freeAddr returns a loopback address nobody listens on yet.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// TestRunEndToEnd starts `parallax run` against a feed served on loopback,
// waits until the site reports the crawled stories, then stops it as SIGINT
// would and checks that it shut down cleanly.
func TestRunEndToEnd(t *testing.T) {
	srv := crawlSite(t)
	opml := writeOPML(t, srv.URL+"/feed.xml")
	db := filepath.Join(t.TempDir(), "p.db")
	addr := freeAddr(t)

	stop, errb := startRun(t, "--db", db, "--addr", addr, "--opml", opml,
		"--allow-hosts", "127.0.0.1", "--host-delay", "0", "--token", "s3cret")

	var health struct{ Articles, Stories int }
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
		resp, err := http.Get("http://" + addr + "/healthz")
		if err != nil {
			continue
		}
		err = json.NewDecoder(resp.Body).Decode(&health)
		resp.Body.Close()
		if err == nil && health.Articles == 2 {
			break
		}
	}
	if health.Articles != 2 || health.Stories < 1 {
		t.Fatalf("run served %+v, want 2 articles in at least one story; log:\n%s", health, errb)
	}
	resp, err := http.Get("http://" + addr + "/api/stories?min_outlets=1")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Stories []struct{ Title string } `json:"stories"`
	}
	err = json.NewDecoder(resp.Body).Decode(&doc)
	resp.Body.Close()
	if err != nil {
		t.Fatalf("decoding /api/stories: %v", err)
	}

	// A crawl can be asked for through the API, with the token only.
	for _, tc := range []struct {
		auth string
		want int
	}{{"", http.StatusUnauthorized}, {"Bearer s3cret", http.StatusAccepted}} {
		req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/api/crawl", nil)
		if tc.auth != "" {
			req.Header.Set("Authorization", tc.auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.want {
			t.Errorf("POST /api/crawl with %q: %d, want %d", tc.auth, resp.StatusCode, tc.want)
		}
	}

	stop()
}

// TestRunLearnsMap starts run on a store that holds enough articles for a
// map but no saved map: run learns one at once, saves it, and the site
// places the outlets with it without a restart.
func TestRunLearnsMap(t *testing.T) {
	srv := crawlSite(t)
	opml := writeOPML(t, srv.URL+"/feed.xml")
	db := filepath.Join(t.TempDir(), "p.db")
	addr := freeAddr(t)
	if _, err := runErr(runImport, "--db", db, leaningArticles); err != nil {
		t.Fatal(err)
	}

	stop, errb := startRun(t, "--db", db, "--addr", addr, "--opml", opml,
		"--allow-hosts", "127.0.0.1", "--host-delay", "0", "--learn-map", "1h")
	get := func(path string) (int, string) {
		resp, err := http.Get("http://" + addr + path)
		if err != nil {
			return 0, ""
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	outletPath := "/api/outlets/" + url.PathEscape("Outlet <3>")
	deadline := time.Now().Add(60 * time.Second)
	var body string
	for time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
		var code int
		if code, body = get(outletPath); code == http.StatusOK && strings.Contains(body, `"left_right_learned":true`) {
			break
		}
	}
	if !strings.Contains(body, `"left_right_learned":true`) {
		t.Fatalf("run did not place Outlet <3> with a learned map: %s\nlog:\n%s", body, errb)
	}
	if code, _ := get("/api/map"); code != http.StatusOK {
		t.Errorf("/api/map: %d after run learned a map", code)
	}
	stop()
}

// startRun runs `parallax run` with args in the background. stop, which
// also runs when the test ends, cancels it and fails the test unless it
// exits cleanly within 30 s.
func startRun(t *testing.T, args ...string) (stop func(), errb *bytes.Buffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	e, _, errb := testEnv("")
	done := make(chan int, 1)
	go func() { done <- run(ctx, e, append([]string{"run"}, args...)) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			select {
			case code := <-done:
				if code != 0 {
					t.Errorf("run exited %d after cancel; log:\n%s", code, errb)
				}
			case <-time.After(30 * time.Second):
				t.Error("run did not stop within 30s of cancel")
			}
		})
	}
	t.Cleanup(stop)
	return stop, errb
}
