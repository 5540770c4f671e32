package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"time"
)

//go:embed static
var staticFS embed.FS

// asset is one embedded static file with its content hash.
type asset struct {
	body  []byte
	hash  string
	ctype string
}

// assets serves the embedded stylesheet, script and icon. Pages link them
// as /static/NAME?v=HASH, so a file can be cached for a year: a new build
// with a changed file links a new URL.
type assets struct {
	files map[string]*asset
}

func loadAssets() (*assets, error) {
	as := &assets{files: map[string]*asset{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		ct := mime.TypeByExtension(path.Ext(p))
		if ct == "" {
			ct = "application/octet-stream"
		}
		as.files[path.Base(p)] = &asset{body: b, hash: hex.EncodeToString(sum[:6]), ctype: ct}
		return nil
	})
	return as, err
}

// url is the versioned address of a static file, for templates.
func (as *assets) url(name string) string {
	a, ok := as.files[name]
	if !ok {
		return "/static/" + name
	}
	return "/static/" + name + "?v=" + a.hash
}

func (as *assets) serve(w http.ResponseWriter, r *http.Request) {
	a, ok := as.files[r.PathValue("file")]
	if !ok {
		http.Error(w, "no such file", http.StatusNotFound)
		return
	}
	h := w.Header()
	h.Set("Content-Type", a.ctype)
	h.Set("ETag", `"`+a.hash+`"`)
	if r.URL.Query().Get("v") == a.hash {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "public, max-age=300")
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(a.body))
}

func (as *assets) favicon(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, as.url("icon.svg"), http.StatusMovedPermanently)
}

func handleRobots(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	_, _ = w.Write([]byte("User-agent: *\nDisallow: /api/\nDisallow: /search\n"))
}
