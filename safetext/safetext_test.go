package safetext

import (
	"strings"
	"testing"
)

func TestCleanRemovesSequencesWhole(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "Hi {{firstName}},\n\tthanks", "Hi {{firstName}},\n\tthanks"},
		{"unicode", "Grüße, Zoë — 你好 👋", "Grüße, Zoë — 你好 👋"},
		{"OSC 0 title with BEL", "a\x1b]0;pwned\x07b", "ab"},
		{"OSC 52 clipboard with ST", "a\x1b]52;c;ZXZpbA==\x1b\\b", "ab"},
		{"CSI clear screen", "a\x1b[2Jb\x1b[1;31mred\x1b[0m", "abred"},
		{"DCS payload", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"APC", "a\x1b_payload\x1b\\b", "ab"},
		{"8-bit CSI", "a\u009b2Jb", "ab"},
		{"8-bit OSC ended by 8-bit ST", "a\u009d0;x\u009cb", "ab"},
		{"C0 controls", "a\x00b\x08c\rd\x7fe", "abcde"},
		{"charset escape", "a\x1b(Bb", "ab"},
		{"two-byte escape", "a\x1bcb", "ab"},
		{"invalid utf8", "a\xffb", "a\uFFFDb"},
		{"unterminated OSC", "a\x1b]0;never ends", "a"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Clean(c.in); got != c.want {
				t.Errorf("Clean(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"hello", "\x1b]52;c;AAAA\x07", "\x1b[2J", "\x1bPq\x1b\\", "\u009b1m", "a\tb\nc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Clean(s)
		for _, r := range out {
			if isControl(r) && r != '\t' && r != '\n' {
				t.Fatalf("Clean(%q) kept control %U in %q", s, r, out)
			}
		}
		if Clean(out) != out {
			t.Fatalf("Clean is not idempotent on %q", s)
		}
		if !strings.Contains(s, "\x1b") && !strings.ContainsAny(s, "\u0090\u009b\u009d\u0098\u009e\u009f") && isPlain(s) && out != s {
			t.Fatalf("plain text changed: %q -> %q", s, out)
		}
	})
}
