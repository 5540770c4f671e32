package web

import (
	"context"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// findChromium returns the path of a Chromium or Chrome binary, or "".
// $PARALLAX_CHROMIUM names one explicitly.
func findChromium() string {
	if p := os.Getenv("PARALLAX_CHROMIUM"); p != "" {
		return p
	}
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestBrowser loads the site in real headless Chromium: the front page and
// story pages show facts, sources and narratives, a slider changes the
// order of the front page, and no payload from an article runs.
// Screenshots go to the test's artifact directory (keep them with
// go test -run Browser -artifacts -outputdir DIR).
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("the browser test takes several seconds: run it without -short")
	}
	bin := findChromium()
	if bin == "" {
		t.Skip("no Chromium found (looked for /usr/bin/chromium and chromium, chromium-browser, google-chrome on PATH; set PARALLAX_CHROMIUM): install Debian's chromium package to run the browser test")
	}
	f := newFixture(t, Options{})
	srv := httptest.NewServer(f.h) // listens on 127.0.0.1
	defer srv.Close()
	shots := t.ArtifactDir()

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	defer cancelT()
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	do("starting Chromium "+bin, chromedp.Navigate("about:blank"))

	shot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		p := filepath.Join(shots, name+".png")
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", p)
	}
	// noPayloadRan checks what a payload would have done, and that the page
	// holds no element a payload could have smuggled in.
	noPayloadRan := func(where string) {
		t.Helper()
		xss, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof window.__xss !== "undefined"`))
		if err != nil {
			t.Fatalf("%s: %v", where, err)
		}
		title, err := chromedp.Run(ctx, chromedp.Title())
		if err != nil {
			t.Fatalf("%s: %v", where, err)
		}
		bad, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
			const bad = [];
			for (const el of document.querySelectorAll("*")) {
				for (const a of el.attributes) {
					if (a.name.startsWith("on")) bad.push(el.tagName + " " + a.name);
					if ((a.name === "href" || a.name === "src") && !/^(https?:|\/|#)/i.test(a.value.trim())) bad.push(el.tagName + " " + a.name + "=" + a.value);
				}
				if (["IFRAME", "IMG", "OBJECT", "EMBED", "STYLE"].includes(el.tagName)) bad.push(el.tagName);
				if (el.tagName === "SCRIPT" && !/^\/static\/app\.js/.test(el.getAttribute("src") || "")) bad.push("SCRIPT " + el.outerHTML.slice(0, 80));
			}
			return bad;
		})()`))
		if err != nil {
			t.Fatalf("%s: %v", where, err)
		}
		if xss || title == "pwned" {
			t.Errorf("%s: a payload ran (window.__xss set: %v, title %q)", where, xss, title)
		}
		if len(bad) > 0 {
			t.Errorf("%s: elements or attributes that only a payload could add: %q", where, bad)
		}
	}
	titles := func() []string {
		t.Helper()
		out, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".card h2 a")].map(a => a.textContent)`))
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	count := func(sel string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+jsString(sel)+`).length`))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	media := func(scheme string) {
		t.Helper()
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
		if err != nil {
			t.Fatal(err)
		}
	}

	// The front page lists the stories; the left-leaning one leads the
	// right-leaning one when the sliders are centred (it is newer).
	do("loading the front page", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS(".stories")))
	before := titles()
	if len(before) < 5 {
		t.Fatalf("front page shows %d stories, want at least 5: %q", len(before), before)
	}
	noPayloadRan("front page")
	shot("front")

	// Moving the left-right slider to the right puts the right-leaning
	// story first; the form submits itself and the choice lands in the URL.
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(cdppage.LoadEventFired, nil, chromedp.Evaluate[chromedp.Void](
		`const lr = document.getElementById("lr"); lr.value = "2"; lr.dispatchEvent(new Event("change"))`))); err != nil {
		t.Fatalf("moving the slider: %v", err)
	}
	do("reloading", chromedp.WaitVisible(chromedp.CSS(".stories")))
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	after := titles()
	if slices.Equal(before, after) {
		t.Errorf("moving the left-right slider did not change the order: %q", after)
	}
	l, r := slices.Index(after, "Westmark parliament passes the Ostrava water treaty"), slices.Index(after, "Carrow port workers end their strike")
	if l < 0 || r < 0 || r > l {
		t.Errorf("with the slider to the right, the right-leaning story should lead the left-leaning one: %q", after)
	}
	if u, _ := url.Parse(loc); u == nil || u.Query().Get("lr") != "2" || u.Query().Has("est") {
		t.Errorf("the slider's choice is not kept in the URL as lr=2 alone: %s", loc)
	}
	if v, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID("lr"))); err != nil || v != "2" {
		t.Errorf("the slider does not show the chosen value after reload: %q %v", v, err)
	}
	shot("front-right")

	// A story page in the house layout.
	do("loading a story", chromedp.Navigate(srv.URL+"/story/"+f.sampleStories[1]), chromedp.WaitVisible(chromedp.CSS(".facts")))
	if n := count(".fact"); n == 0 {
		t.Error("the story page shows no facts")
	}
	if n := count(".sources-line a"); n < 2 {
		t.Errorf("the story page's Sources line links %d outlets, want at least 2", n)
	}
	if n := count(".narrative"); n == 0 {
		t.Error("the story page shows no narratives")
	}
	if n := count(".outlet-list > li"); n < 2 {
		t.Errorf("the story page lists the articles of %d outlets, want at least 2", n)
	}
	// Opening a fact shows each outlet's sentence.
	do("opening a fact", chromedp.Click(chromedp.CSS(".fact summary")), chromedp.WaitVisible(chromedp.CSS(".fact .evidence blockquote")))
	if open, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector(".fact details").open`)); err != nil || !open {
		t.Errorf("a fact does not open to its evidence: %v", err)
	}
	noPayloadRan("story page")
	shot("story")

	// The same page on a phone, in dark mode.
	media("dark")
	do("emulating a phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(".facts")))
	if overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`)); err != nil || overflow {
		t.Errorf("the story page is wider than a phone's screen (%v)", err)
	}
	shot("story-phone-dark")
	do("loading the front page", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS(".stories")))
	if overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`)); err != nil || overflow {
		t.Errorf("the front page is wider than a phone's screen (%v)", err)
	}
	shot("front-phone-dark")
	media("light")
	do("back to a desktop", chromedp.EmulateViewport(1280, 900))

	do("loading an outlet", chromedp.Navigate(srv.URL+"/outlet/TASS"), chromedp.WaitVisible(chromedp.CSS(".ratings")))
	if n := count(".ratings .prov"); n < 2 {
		t.Errorf("the outlet page shows the provenance of %d ratings, want 2", n)
	}
	shot("outlet")
	do("searching", chromedp.Navigate(srv.URL+"/search?q=gas"), chromedp.WaitVisible(chromedp.CSS(".hits")))
	shot("search")

	// Pages built from hostile articles: no payload runs, whatever the
	// reader opens or hovers.
	for _, p := range []string{"/story/" + url.PathEscape(payloadID), "/story/" + f.storyOf(t, "xss-1"), "/search?q=bridge", "/search?q=Title"} {
		do("loading "+p, chromedp.Navigate(srv.URL+p), chromedp.WaitReady(chromedp.CSS("main")))
		do("poking "+p, chromedp.Evaluate[chromedp.Void](`for (const d of document.querySelectorAll("details")) d.open = true;
			for (const el of document.querySelectorAll("a, h3, li, span")) { el.dispatchEvent(new MouseEvent("mouseover", {bubbles: true})); el.dispatchEvent(new FocusEvent("focus")); }`))
		noPayloadRan(p)
		if p == "/story/"+url.PathEscape(payloadID) {
			shot("story-payloads")
		}
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// storyOf returns the ID of the story an article belongs to.
func (f *fixture) storyOf(tb testing.TB, articleID string) string {
	tb.Helper()
	stories, _, err := f.st.Stories(context.Background(), storeList(0, 0, 1, ""))
	if err != nil {
		tb.Fatal(err)
	}
	for _, s := range stories {
		for _, a := range s.Articles {
			if a.ID == articleID {
				return s.ID
			}
		}
	}
	tb.Fatalf("no story holds article %s", articleID)
	return ""
}
