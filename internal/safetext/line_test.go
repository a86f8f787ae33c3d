package safetext

import (
	"strings"
	"testing"
	"unicode"
)

func TestLineFoldsAndShowsInvisibles(t *testing.T) {
	for _, c := range []cleanCase{
		{"plain stays", "Spring outreach", "Spring outreach"},
		{"newline cannot make a row", "Spring\nFake row   active", "Spring Fake row active"},
		{"CRLF, tabs and runs", "  a\r\n\tb  \u2028 c\u00a0d ", "a b c d"},
		{"escapes removed first", "Odd \x1b[31mred\x1b[0m\nname", "Odd red name"},
		{"right-to-left override", "invoice\u202egpj.exe", "invoice⟨U+202E⟩gpj.exe"},
		{"every bidi control", "\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c",
			"⟨U+202A⟩⟨U+202B⟩⟨U+202C⟩⟨U+202D⟩⟨U+2066⟩⟨U+2067⟩⟨U+2068⟩⟨U+2069⟩⟨U+200E⟩⟨U+200F⟩⟨U+061C⟩"},
		{"zero-width characters", "cam\u200b_1\u200c\u2060\ufeff", "cam⟨U+200B⟩_1⟨U+200C⟩⟨U+2060⟩⟨U+FEFF⟩"},
		{"lone joiner", "a\u200db", "a⟨U+200D⟩b"},
		{"joiner inside an emoji kept", "team 👩\u200d💻 and 👨\u200d👩\u200d👧 ❤\ufe0f\u200d🔥", "team 👩\u200d💻 and 👨\u200d👩\u200d👧 ❤\ufe0f\u200d🔥"},
		{"empty", "", ""},
		{"only space", " \n\t ", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Line(c.in); got != c.want {
				t.Errorf("Line(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestVisibleKeepsLines(t *testing.T) {
	in := "Hi\n\u202eevil\u200b\n\x1b[2Jbye"
	if got, want := Visible(in), "Hi\n⟨U+202E⟩evil⟨U+200B⟩\nbye"; got != want {
		t.Errorf("Visible(%q) = %q, want %q", in, got, want)
	}
}

func TestFindControl(t *testing.T) {
	for _, c := range []struct {
		in, name, pos string
	}{
		{"ab\x1b[1m", "ESC (U+001B)", "character 3"},
		{"one\ntwo\x00", "NUL (U+0000)", "line 2, column 4"},
		{"x\u009b2J\nmore", "the C1 control U+009B", "line 1, column 2"},
		{"é\x7f", "DEL (U+007F)", "character 2"},
		{"caf\xe9", "a byte that is not UTF-8", "character 4"},
	} {
		ctl, ok := FindControl(c.in)
		if !ok || ctl.Name() != c.name || ctl.Position(c.in) != c.pos {
			t.Errorf("FindControl(%q) = %v %q at %q; want %q at %q", c.in, ok, ctl.Name(), ctl.Position(c.in), c.name, c.pos)
		}
	}
	for _, fine := range []string{"", "tab\tnewline\nCR\r", "Grüße 👋 \ufffd"} {
		if ctl, ok := FindControl(fine); ok {
			t.Errorf("FindControl(%q) found %s", fine, ctl.Name())
		}
	}
}

// Whatever the input, Line gives one clean line: no control, no line
// break, no invisible character but an emoji's joiner, no space at either
// end or twice in a row, and it is stable.
func FuzzLine(f *testing.F) {
	for _, s := range []string{"a\nb", "\u202eabc", "👩\u200d💻", "\x1b]0;x\x07y", " \u2028 ", "a\xffb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Line(in)
		if strings.ContainsFunc(out, func(r rune) bool {
			return isControl(r) || (unicode.IsSpace(r) && r != ' ') || (Invisible(r) && r != 0x200d)
		}) {
			t.Fatalf("Line(%q) = %q holds a control, a line break or an invisible character", in, out)
		}
		if strings.HasPrefix(out, " ") || strings.HasSuffix(out, " ") || strings.Contains(out, "  ") {
			t.Fatalf("Line(%q) = %q has stray spaces", in, out)
		}
		if again := Line(out); again != out {
			t.Fatalf("Line is not stable: %q then %q", out, again)
		}
	})
}

func TestLinePartKeepsItsEdges(t *testing.T) {
	for in, want := range map[string]string{
		"Head of Growth, ": "Head of Growth, ",
		"\n here.\n":       " here. ",
		"x":                "x",
		"  ":               "",
		"a\x1b[2Jb ":       "ab ",
	} {
		if got := LinePart(in); got != want {
			t.Errorf("LinePart(%q) = %q, want %q", in, got, want)
		}
	}
}
