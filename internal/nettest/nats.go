package nettest

import (
	"bufio"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// NATS starts a private nats-server with JetStream on a free loopback port,
// storing in a temporary folder, and returns its URL; the server stops when
// the test ends. Without a nats-server binary (Debian's package
// nats-server) the test is skipped, or fails when PARALLAX_NATS_REQUIRED is
// set, as CI sets it.
func NATS(t testing.TB) string {
	t.Helper()
	bin := natsBinary()
	if bin == "" {
		if os.Getenv("PARALLAX_NATS_REQUIRED") != "" {
			t.Fatal("queue tests required (PARALLAX_NATS_REQUIRED is set) but no nats-server binary was found")
		}
		t.Skip("queue tests skipped: no nats-server binary (apt-get install nats-server)")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cmd := exec.Command(bin, "-a", "127.0.0.1", "-p", strconv.Itoa(port), "-js", "-sd", t.TempDir())
	out, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting nats-server: %v", err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	ready := make(chan string, 1)
	go func() {
		var log strings.Builder
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			log.WriteString(sc.Text() + "\n")
			if strings.Contains(sc.Text(), "Server is ready") {
				ready <- ""
				for sc.Scan() { // keep the pipe drained
				}
				return
			}
		}
		ready <- log.String()
	}()
	select {
	case log := <-ready:
		if log != "" {
			t.Fatalf("nats-server did not start:\n%s", log)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("nats-server did not get ready in 20s")
	}
	return "nats://127.0.0.1:" + strconv.Itoa(port)
}

func natsBinary() string {
	if p, err := exec.LookPath("nats-server"); err == nil {
		return p
	}
	for _, p := range []string{"/usr/sbin/nats-server", "/usr/local/bin/nats-server", "/usr/bin/nats-server"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}
