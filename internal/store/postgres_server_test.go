package store

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// The PostgreSQL tests run against PARALLAX_PG_DSN when it is set (a URL of
// a role that may CREATE DATABASE; each test gets its own database, dropped
// afterwards), or else against a private server that the first such test
// starts from the local PostgreSQL binaries (initdb, pg_ctl) on 127.0.0.1 and
// that TestMain stops. Without either, they are skipped, or fail when
// PARALLAX_PG_REQUIRED is set.

// pgTest is the test binary's PostgreSQL server, started on first use so that
// runs that need no PostgreSQL (and the crash test's helper processes) never
// start one.
var pgTest struct {
	once sync.Once
	srv  *pgServer
	err  error
	n    atomic.Int64 // databases created
}

type pgServer struct {
	admin string // URL of the maintenance database
	dir   string // data and socket directory of a private server; "" for PARALLAX_PG_DSN
	ctl   []string
}

func TestMain(m *testing.M) {
	code := m.Run()
	if pgTest.srv != nil {
		pgTest.srv.stop()
	}
	os.Exit(code)
}

// requirePG returns the test server, or skips t saying why there is none.
func requirePG(t testing.TB) *pgServer {
	t.Helper()
	pgTest.once.Do(func() { pgTest.srv, pgTest.err = startPG() })
	if pgTest.err != nil && os.Getenv("PARALLAX_PG_REQUIRED") != "" {
		// CI sets this so that a broken PostgreSQL setup fails the run
		// instead of silently skipping the tests.
		t.Fatalf("PostgreSQL tests required (PARALLAX_PG_REQUIRED is set) but cannot run: %v", pgTest.err)
	}
	if pgTest.err != nil {
		t.Skipf("PostgreSQL tests skipped: %v (install PostgreSQL, e.g. apt-get install postgresql, or set PARALLAX_PG_DSN)", pgTest.err)
	}
	return pgTest.srv
}

// openPG opens a Store on a new, empty database and returns it with the
// database's URL, for reopening.
func openPG(t testing.TB) (Store, string) {
	t.Helper()
	dsn := newPGDatabase(t)
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, dsn
}

// newPGDatabase creates an empty database, dropped when t ends.
func newPGDatabase(t testing.TB) string {
	t.Helper()
	srv := requirePG(t)
	name := fmt.Sprintf("parallax_test_%d_%d", os.Getpid(), pgTest.n.Add(1))
	ctx := context.Background()
	if err := srv.exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := srv.exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("dropping the test database: %v", err)
		}
	})
	return withDatabase(srv.admin, name)
}

// withDatabase replaces the database name in a postgres:// URL.
func withDatabase(dsn, name string) string {
	scheme, rest, _ := strings.Cut(dsn, "://")
	query := ""
	if i := strings.IndexAny(rest, "?"); i >= 0 {
		rest, query = rest[:i], rest[i:]
	}
	host, _, _ := strings.Cut(rest, "/")
	return scheme + "://" + host + "/" + name + query
}

func (s *pgServer) exec(ctx context.Context, sql string) error {
	conn, err := pgx.Connect(ctx, s.admin)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql)
	return err
}

func startPG() (*pgServer, error) {
	if dsn := os.Getenv("PARALLAX_PG_DSN"); dsn != "" {
		srv := &pgServer{admin: dsn}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.exec(ctx, "SELECT 1"); err != nil {
			return nil, fmt.Errorf("PARALLAX_PG_DSN: %w", err)
		}
		return srv, nil
	}
	bin, err := pgBinDir()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "parallax-pg-")
	if err != nil {
		return nil, err
	}
	var asUser []string
	if os.Geteuid() == 0 {
		// initdb and postgres refuse to run as root: run them as postgres,
		// in a directory that user owns.
		u, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("running as root and there is no postgres user to run the server as: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
		asUser = []string{"runuser", "-u", "postgres", "--"}
	}
	run := func(args ...string) error {
		args = append(asUser, args...)
		out, err := exec.Command(args[0], args[1:]...).CombinedOutput()
		if err != nil {
			return fmt.Errorf("%s: %w\n%s", strings.Join(args, " "), err, out)
		}
		return nil
	}
	data := filepath.Join(dir, "data")
	if err := run(filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres", "-A", "trust",
		"-E", "UTF8", "--no-locale", "--no-sync"); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	// Durability is not under test here; fsync off makes CREATE DATABASE and
	// commits fast.
	opts := fmt.Sprintf("-h 127.0.0.1 -p %d -k %s -c fsync=off -c synchronous_commit=off -c full_page_writes=off", port, dir)
	ctl := append(append([]string{}, asUser...), filepath.Join(bin, "pg_ctl"), "-D", data)
	if err := run(filepath.Join(bin, "pg_ctl"), "-D", data, "-l", filepath.Join(dir, "log"),
		"-w", "-t", "60", "-o", opts, "start"); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return &pgServer{
		admin: fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port),
		dir:   dir,
		ctl:   ctl,
	}, nil
}

func (s *pgServer) stop() {
	if s.dir == "" {
		return
	}
	args := append(append([]string{}, s.ctl...), "-m", "immediate", "-w", "stop")
	if out, err := exec.Command(args[0], args[1:]...).CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "stopping the test PostgreSQL server: %v\n%s", err, out)
	}
	os.RemoveAll(s.dir)
}

// pgBinDir finds the directory of initdb and pg_ctl: on PATH, or in Debian's
// /usr/lib/postgresql/<version>/bin, newest version first.
func pgBinDir() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool {
		vi, _ := strconv.Atoi(filepath.Base(filepath.Dir(dirs[i])))
		vj, _ := strconv.Atoi(filepath.Base(filepath.Dir(dirs[j])))
		return vi > vj
	})
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	return "", errors.New("no PostgreSQL server binaries (initdb, pg_ctl) found and PARALLAX_PG_DSN is not set")
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
