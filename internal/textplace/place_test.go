package textplace

import (
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// A place named in the HTML is found again in the text notation of the
// same email, though the link's address comes before its label in one and
// after it in the other.
func TestAPlaceNamedInHTMLIsFoundInTheText(t *testing.T) {
	html := `<p>We <a href="https://a.example/recieve">recieve</a> it; we recieve more.</p>`
	text := "We [recieve](https://a.example/recieve) it; we recieve more."
	h, x := NewIndex(html, Tags(html)), NewIndex(text, LinkAddresses(text))
	for _, c := range []struct {
		htmlAt int
		want   string // what follows the place in the text
	}{
		{strings.Index(html, "recieve</a>"), "recieve](https"},
		{strings.LastIndex(html, "recieve"), "recieve more"},
		{strings.Index(html, "recieve\""), "recieve) it"},
	} {
		p := h.Name(c.htmlAt, "recieve")
		at, ok := x.Find(p)
		if !ok || !strings.HasPrefix(text[at:], c.want) {
			t.Errorf("%+v found at %d (%v): %q, want %q", p, at, ok, text[at:], c.want)
		}
	}
}

func TestNameRefusesAPlaceWhereTheTextIsNot(t *testing.T) {
	x := NewIndex("hello world", nil)
	for _, c := range []struct {
		at int
		s  string
	}{{0, "world"}, {-1, "hello"}, {99, "hello"}, {3, ""}} {
		if p := x.Name(c.at, c.s); p != (Place{}) {
			t.Errorf("Name(%d, %q) = %+v", c.at, c.s, p)
		}
	}
}

// Every occurrence named is found where it was, whatever the markup.
func TestNameThenFindGivesBackTheOffset(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		parts := rapid.SliceOfN(rapid.SampledFrom([]string{"ab", "b", " ", "<i>", "</i>", `<a href="ab">`, "</a>", "a<", ">"}), 1, 30).Draw(t, "parts")
		html := strings.Join(parts, "")
		word := rapid.SampledFrom([]string{"ab", "b", "a"}).Draw(t, "word")
		x := NewIndex(html, Tags(html))
		for from := 0; ; {
			i := strings.Index(html[from:], word)
			if i < 0 {
				break
			}
			at := from + i
			if got, ok := x.Find(x.Name(at, word)); !ok || got != at {
				t.Fatalf("%q: %q at %d found at %d (%v)", html, word, at, got, ok)
			}
			from = at + len(word)
		}
	})
}

func TestTextAt(t *testing.T) {
	for in, want := range map[string]string{
		"{{ firstName | default: \"x\" }} rest": "{{ firstName | default: \"x\" }}",
		"{% if x %}yes":                         "{% if x %}",
		"{{ broken":                             "{{",
		"don't stop":                            "don't",
		"<p>":                                   "<",
		"Привет, мир":                           "Привет",
	} {
		if got := TextAt(in); got != want {
			t.Errorf("TextAt(%q) = %q, want %q", in, got, want)
		}
	}
}

// LineStart is where the line of the last offset begins, in any order of
// offsets.
func TestLineCursorKnowsWhereTheLineStarts(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		src := rapid.StringOfN(rapid.SampledFrom([]rune("ab\n ")), 0, 60, -1).Draw(t, "src")
		c := NewLineCursor(src)
		for _, off := range rapid.SliceOfN(rapid.IntRange(0, len(src)), 1, 10).Draw(t, "offsets") {
			line, _ := c.At(off)
			if want := strings.LastIndexByte(src[:off], '\n') + 1; c.LineStart() != want || line != strings.Count(src[:off], "\n")+1 {
				t.Fatalf("%q at %d: line %d starting at %d, want %d", src, off, line, c.LineStart(), want)
			}
		}
	})
}
