package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
