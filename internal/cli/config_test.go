package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lemstep/internal/keyscan"
)

// The requests to lemlist (here the test sandbox) and to `lemstep auth`'s
// check name lemstep's version; the demo's, which stay in this process, the
// client's default name.
func TestRequestsNameLemstep(t *testing.T) {
	h := newHookedSandbox(t)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"a command", []string{"campaigns"}, `"User-Agent": "lemstep/` + version + `"`},
		{"the key check", []string{"auth", "status"}, `"User-Agent": "lemstep/` + version + `"`},
		{"the demo", []string{"campaigns", "--demo"}, `"User-Agent": "lemstep"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			log := filepath.Join(t.TempDir(), "debug.log")
			if _, stderr, code := h.run(append(tc.args, "--debug-log", log)...); code != 0 {
				t.Fatalf("lemstep %s exited with %d: %s", strings.Join(tc.args, " "), code, stderr)
			}
			b, err := os.ReadFile(log)
			if err != nil {
				t.Fatal(err)
			}
			if n, want := bytes.Count(b, []byte("\n")), bytes.Count(b, []byte(tc.want)); n == 0 || want != n {
				t.Errorf("%d of the %d requests logged carry %s:\n%s", want, n, tc.want, b)
			}
		})
	}
}

// runWithStdin runs lemstep with stdin and fails when the key reaches
// either stream, in any form.
func runWithStdin(t *testing.T, key, stdin string, args ...string) (string, string, int) {
	t.Helper()
	streams, out, errOut := NewTestIOStreams(stdin)
	code := run(args, streams)
	for _, s := range [][]byte{out.Bytes(), errOut.Bytes()} {
		if form, found := keyscan.Find(s, key); found {
			t.Fatalf("lemstep printed %s:\n%s", form, s)
		}
	}
	return out.String(), errOut.String(), code
}

// A config file the TOML parser cannot read: its error quoted the value it
// choked on, which here is the key. The error names the file and the line,
// never the content.
func TestAConfigParseErrorNeverQuotesTheKey(t *testing.T) {
	h := newHookedSandbox(t)
	t.Setenv("LEMLIST_API_KEY", "")
	path := filepath.Join(h.state, "config", "lemstep", "config.toml")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	uuid := "12345678-9abc-4def-8123-456789abcdef"
	for _, tc := range []struct{ key, file string }{
		{uuid, "api_key = " + uuid + "\n"},
		{"1234567890123456", "api_key = 1234567890123456\n"},
		{h.key, "base_url = \"x\"\napi_key = " + h.key + "\n"},
		{h.key, "api_key = \"" + h.key + "\n"},
		{h.key, "api_key = '" + h.key + "' '" + h.key + "'\n"},
		{h.key, "[api_key]\n" + h.key + " = 1\n"},
	} {
		if err := os.WriteFile(path, []byte(tc.file), 0o600); err != nil {
			t.Fatal(err)
		}
		_, errOut, code := runWithStdin(t, tc.key, "", "campaigns")
		if code == 0 || !strings.Contains(errOut, "is not valid TOML") || !strings.Contains(errOut, "its content is not shown") {
			t.Errorf("config %q: exit %d, stderr %q", tc.file, code, errOut)
		}
		// Any 8 characters of the key in a row give it away.
		for i := 0; i+8 <= len(tc.key); i++ {
			if strings.Contains(errOut, tc.key[i:i+8]) {
				t.Errorf("config %q: stderr holds %q of the key: %q", tc.file, tc.key[i:i+8], errOut)
				break
			}
		}
	}
}

// A key file other users can read works, with a warning that says how to
// close it; the key is in neither stream.
func TestAWorldReadableKeyFileIsWarnedAbout(t *testing.T) {
	h := newHookedSandbox(t)
	t.Setenv("LEMLIST_API_KEY", "")
	path := filepath.Join(t.TempDir(), "key")
	if err := os.WriteFile(path, []byte(h.key+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runWithStdin(t, h.key, "", "campaigns", "--api-key-file", path)
	want := "Warning: the API key file " + path + " can be read by other users; run: chmod 600 " + path + "\n"
	if code != 0 || errOut != want {
		t.Fatalf("exit %d, stderr %q; want %q", code, errOut, want)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runWithStdin(t, h.key, "", "campaigns", "--api-key-file", path); code != 0 || errOut != "" {
		t.Fatalf("a private key file: exit %d, stderr %q", code, errOut)
	}
}

// `auth login` leaves the mode of a config directory it did not make, and
// refuses a link at its directory or at the config file.
func TestAuthLoginNeverChmodsOrFollowsALink(t *testing.T) {
	h := newHookedSandbox(t)
	t.Setenv("LEMLIST_API_KEY", "")
	dir := filepath.Join(h.state, "config", "lemstep")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runWithStdin(t, h.key, h.key+"\n", "auth", "login"); code != 0 {
		t.Fatalf("login: exit %d: %s", code, errOut)
	}
	if info, _ := os.Stat(dir); info.Mode().Perm() != 0o755 {
		t.Fatalf("login changed the mode of a directory it did not make to %v", info.Mode().Perm())
	}
	if info, _ := os.Stat(filepath.Join(dir, "config.toml")); info.Mode().Perm() != 0o600 {
		t.Fatalf("config mode %v, want 0600", info.Mode().Perm())
	}

	elsewhere := t.TempDir()
	victim := filepath.Join(elsewhere, "config.toml")
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, dir); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runWithStdin(t, h.key, h.key+"\n", "auth", "login")
	if code == 0 || !strings.Contains(errOut, "is a symbolic link") {
		t.Fatalf("login through a linked directory: exit %d, stderr %q", code, errOut)
	}
	if _, err := os.Stat(victim); err == nil {
		t.Fatal("the key was written where the link points")
	}

	if err := os.Remove(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(victim, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, filepath.Join(dir, "config.toml")); err != nil {
		t.Fatal(err)
	}
	_, errOut, code = runWithStdin(t, h.key, h.key+"\n", "auth", "login")
	if code == 0 || !strings.Contains(errOut, "is a symbolic link") {
		t.Fatalf("login through a linked file: exit %d, stderr %q", code, errOut)
	}
	if b, _ := os.ReadFile(victim); len(b) != 0 {
		t.Fatal("the key was written where the link points")
	}
}

// The config file is read up to a bound like every other input, so a huge
// one ends with an error instead of filling memory.
func TestAHugeConfigFileIsRefused(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv("LEMLIST_API_KEY", "")
	if err := os.MkdirAll(filepath.Join(dir, "lemstep"), 0o700); err != nil {
		t.Fatal(err)
	}
	huge := bytes.Repeat([]byte("# comment\n"), 1<<17) // 1.25 MiB
	if err := os.WriteFile(filepath.Join(dir, "lemstep", "config.toml"), huge, 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runWithStdin(t, "unused-key-0123456789", "", "campaigns")
	if code == exitOK || !strings.Contains(errOut, "larger than 64 KiB") {
		t.Fatalf("exit %d, stderr %q; want the config file refused at its bound", code, errOut)
	}
}
