package safetext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

type cleanCase struct{ name, in, want string }

func runCases(t *testing.T, cases []cleanCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Clean(c.in); got != c.want {
				t.Errorf("Clean(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestCleanKeepsText(t *testing.T) {
	runCases(t, []cleanCase{
		{"plain", "Hi {{firstName}},\n\tthanks", "Hi {{firstName}},\n\tthanks"},
		{"unicode", "Grüße, Zoë — 你好 👋", "Grüße, Zoë — 你好 👋"},
		{"empty", "", ""},
		{"replacement character stays", "a\uFFFDb", "a\uFFFDb"},
		{"invalid utf8", "a\xffb", "a\uFFFDb"},
		{"lone continuation byte", "a\x80b", "a\uFFFDb"},
	})
}

func TestCleanRemovesOSC(t *testing.T) {
	runCases(t, []cleanCase{
		{"OSC 0 title, BEL", "a\x1b]0;pwned\x07b", "ab"},
		{"OSC 0 title, ST", "a\x1b]0;pwned\x1b\\b", "ab"},
		{"OSC 2 title with UTF-8", "a\x1b]2;Grüße\x07b", "ab"},
		{"OSC 52 clipboard, BEL", "a\x1b]52;c;ZXZpbA==\x07b", "ab"},
		{"OSC 52 clipboard, ST", "a\x1b]52;c;ZXZpbA==\x1b\\b", "ab"},
		{"OSC 8 hyperlink keeps its text", "\x1b]8;;http://evil.example\x07link\x1b]8;;\x07", "link"},
		{"8-bit OSC, 8-bit ST", "a\u009d0;x\u009cb", "ab"},
		{"8-bit OSC 52, BEL", "a\u009d52;c;ZXZpbA==\x07b", "ab"},
		{"7-bit OSC, 8-bit ST", "a\x1b]0;x\u009cb", "ab"},
		{"unterminated", "a\x1b]0;never ends", "a"},
		{"ESC inside OSC starts the next sequence", "a\x1b]0;t\x1b[2Jb", "ab"},
		{"C1 inside OSC ends it", "a\x1b]0;t\u0085b", "ab"},
		{"CAN cancels OSC", "a\x1b]0;t\x18b", "ab"},
	})
}

func TestCleanRemovesCSI(t *testing.T) {
	runCases(t, []cleanCase{
		{"clear screen", "a\x1b[2Jb", "ab"},
		{"SGR colours", "\x1b[1;31mred\x1b[0m", "red"},
		{"cursor position", "a\x1b[10;20Hb", "ab"},
		{"device status report", "a\x1b[6nb", "ab"},
		{"private mode", "a\x1b[?1049hb", "ab"},
		{"intermediate byte", "a\x1b[1 qb", "ab"},
		{"8-bit CSI clear screen", "a\u009b2Jb", "ab"},
		{"8-bit CSI SGR", "\u009b31mred", "red"},
		{"raw 8-bit byte is not UTF-8", "a\x9b2Jb", "a\uFFFD2Jb"},
		{"newline inside is carried out", "a\x1b[1\n2Jb", "a\nb"},
		{"bell inside is dropped", "a\x1b[1\x072Jb", "ab"},
		{"SUB cancels", "a\x1b[12\x1a3Jb", "a3Jb"},
		{"ESC restarts", "a\x1b[12\x1b[2Jb", "ab"},
		{"non-ASCII ends it", "a\x1b[1é", "aé"},
		{"unterminated", "a\x1b[12;", "a"},
	})
}

func TestCleanRemovesControlStrings(t *testing.T) {
	runCases(t, []cleanCase{
		{"DCS sixel", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"DCS DECRQSS", "a\x1bP$qm\x1b\\b", "ab"},
		{"8-bit DCS", "a\u0090q#0\u009cb", "ab"},
		{"APC", "a\x1b_Gf=100;AAAA\x1b\\b", "ab"},
		{"8-bit APC", "a\u009fpayload\u009cb", "ab"},
		{"PM", "a\x1b^privacy\x1b\\b", "ab"},
		{"8-bit PM", "a\u009eprivacy\u009cb", "ab"},
		{"SOS", "a\x1bXstring\x1b\\b", "ab"},
		{"8-bit SOS", "a\u0098string\u009cb", "ab"},
		{"newline inside is swallowed", "a\x1bPx\ny\x1b\\b", "ab"},
	})
}

func TestCleanRemovesEscapesAndControls(t *testing.T) {
	runCases(t, []cleanCase{
		{"charset (nF)", "a\x1b(Bb", "ab"},
		{"nF with two intermediates", "a\x1b$)Ab", "ab"},
		{"reset (RIS)", "a\x1bcb", "ab"},
		{"save cursor", "a\x1b7b", "ab"},
		{"keypad mode", "a\x1b=b", "ab"},
		{"ESC ESC", "a\x1b\x1b[2Jb", "ab"},
		{"newline after ESC is carried out, the escape goes on", "a\x1b\nbc", "a\nc"},
		{"ESC then non-ASCII", "a\x1béb", "aéb"},
		{"trailing ESC", "ab\x1b", "ab"},
		{"C0 controls", "a\x00b\x08c\rd\x7fe\x0bf\x0cg", "abcdefg"},
		{"CRLF", "a\r\nb", "a\nb"},
		{"bell", "a\x07b", "ab"},
		{"lone 8-bit ST", "a\u009cb", "ab"},
		{"other C1", "a\u0085b\u0084c\u008ed", "abcd"},
		{"tabs and newlines kept", "\t\n\t", "\t\n\t"},
	})
}

// hostile reports why out may not be printed on a terminal, or "".
func hostile(out string) string {
	if !utf8.ValidString(out) {
		return "invalid UTF-8"
	}
	for _, r := range out {
		switch {
		case r == '\t' || r == '\n':
		case r == 0x1b:
			return "ESC"
		case r < 0x20 || r == 0x7f:
			return "a C0 control"
		case r >= 0x80 && r <= 0x9f:
			return "a C1 control"
		}
	}
	return ""
}

// withoutControls is s with every control except tab and newline removed.
func withoutControls(s string) string {
	return strings.Map(func(r rune) rune {
		if isControl(r) && r != '\t' && r != '\n' {
			return -1
		}
		return r
	}, s)
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"hello", "a\tb\nc", "\x1b]52;c;AAAA\x07", "\x1b]0;t\x1b\\", "\x1b[2J", "\x1bPq\x1b\\",
		"\u009b1m", "\u009d0;x\u009c", "\x1b_x\x1b\\", "\x1b(B", "\x9b\x9d", "\x1b[1\x1a2J",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Clean(s)
		if why := hostile(out); why != "" {
			t.Fatalf("Clean(%q) = %q holds %s", s, out, why)
		}
		if Clean(out) != out {
			t.Fatalf("Clean is not idempotent on %q", s)
		}
		// Without ESC or an 8-bit introducer nothing is a sequence: only the
		// controls themselves go.
		if utf8.ValidString(s) && !strings.ContainsAny(s, "\x1b\u0090\u0098\u009b\u009d\u009e\u009f") {
			if want := withoutControls(s); out != want {
				t.Fatalf("Clean(%q) = %q, want %q", s, out, want)
			}
		}
	})
}

func BenchmarkClean(b *testing.B) {
	plain := strings.Repeat("Hi {{firstName}}, are you free next week? ", 40)
	dirty := strings.Repeat("Hi \x1b[1m{{firstName}}\x1b[0m,\x1b]0;t\x07 free? ", 40)
	b.Run("plain", func(b *testing.B) {
		for b.Loop() {
			_ = Clean(plain)
		}
	})
	b.Run("dirty", func(b *testing.B) {
		for b.Loop() {
			_ = Clean(dirty)
		}
	})
}
