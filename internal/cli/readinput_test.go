package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// endless is `yes |` on stdin: "y\n" for ever. served counts what was read.
type endless struct{ served int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "y\n"[i%2]
	}
	e.served += int64(len(p))
	return len(p), nil
}

// An endless input ends the command at once with exit 2 and the bound, and
// lemstep reads no more than the bound (and a buffer) of it, so memory stays
// bounded whatever the input: `yes | lemstep update … --message-file -` and
// /dev/zero used to grow until the kernel killed the process.
func TestEndlessInputsEndAtTheirBound(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	t.Setenv("XDG_STATE_HOME", filepath.Join(dir, "state"))
	t.Setenv("LEMLIST_BASE_URL", "http://127.0.0.1:1/api")
	tests := []struct {
		name  string
		args  []string
		stdin bool
		limit int64
		want  string
	}{
		{"message on stdin", []string{"update", "seq_1", "stp_1", "--type", "email", "--message-file", "-", "--dry-run"}, true,
			maxMessageInput, "stdin is larger than 10 MiB, the most lemstep reads for a message; nothing was sent"},
		{"apply file on stdin", []string{"apply", "--dry-run", "-"}, true,
			maxApplyInput, "stdin is larger than 64 MiB, the most lemstep reads for a list of updates; nothing was sent"},
		{"message file", []string{"update", "seq_1", "stp_1", "--type", "email", "--message-file", "/dev/zero", "--dry-run"}, false,
			maxMessageInput, "/dev/zero is larger than 10 MiB, the most lemstep reads for a message"},
		{"key file", []string{"--api-key-file", "/dev/zero", "campaigns"}, false,
			maxKeyInput, "/dev/zero is larger than 4 KiB, the most lemstep reads for an API key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.stdin {
				if _, err := os.Stat("/dev/zero"); err != nil {
					t.Skip("no /dev/zero here")
				}
			}
			in := &endless{}
			var out, errOut bytes.Buffer
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			code := Run(tt.args, in, &out, &errOut)
			runtime.ReadMemStats(&after)
			if code != exitUsage || !strings.Contains(errOut.String(), tt.want) {
				t.Fatalf("exit %d, stderr %q; want exit 2 and %q", code, errOut.String(), tt.want)
			}
			if out.Len() != 0 {
				t.Errorf("stdout %q, want nothing", out.String())
			}
			if tt.stdin && in.served > tt.limit+64<<10 {
				t.Errorf("read %d bytes of an endless stdin, want at most the bound %d and a buffer", in.served, tt.limit)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > uint64(3*tt.limit)+16<<20 {
				t.Errorf("allocated %d MiB reading an endless input bounded at %d MiB", alloc>>20, tt.limit>>20)
			}
		})
	}
}
