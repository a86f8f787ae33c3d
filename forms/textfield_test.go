package forms

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"
	"pgregory.net/rapid"

	"lemstep/api"
)

func newTestField(t *testing.T, value string, multiline bool, width, rows int) (*TextField, *string) {
	t.Helper()
	v := value
	f := NewTextField("f", multiline, textRef{&v}).Title("Field").Rows(rows)
	f.WithWidth(width)
	f.Focus()
	return f, &v
}

func keys(f *TextField, names ...string) tea.Cmd {
	var last tea.Cmd
	for _, n := range names {
		_, last = f.Update(keyPress(n))
	}
	return last
}

func typeInto(f *TextField, s string) {
	for _, r := range s {
		f.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// shownRows is the field's text rows as a reader sees them.
func shownRows(f *TextField) []string {
	lines := strings.Split(ansi.Strip(f.View()), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(strings.TrimPrefix(strings.TrimPrefix(l, "┃ "), "  "), " ")
	}
	return lines[1:] // the title
}

func TestEnterInATextAreaIsANewLineAndTabMovesOn(t *testing.T) {
	f, v := newTestField(t, "Hi", true, 40, 4)
	keys(f, "enter")
	typeInto(f, "there")
	if *v != "Hi\nthere" {
		t.Fatalf("value = %q, want a new line typed by enter", *v)
	}
	f.WithPosition(huh.FieldPosition{Field: 0, FirstField: 0, LastField: 1})
	cmd := keys(f, "tab")
	if cmd == nil || cmd() != huh.NextField() {
		t.Fatalf("tab in a text area did not move to the next field")
	}
}

func TestEnterInALineFieldMovesOnAndPasteKeepsOneLine(t *testing.T) {
	f, v := newTestField(t, "Subject", false, 40, 1)
	f.WithPosition(huh.FieldPosition{Field: 0, FirstField: 0, LastField: 1})
	f.Update(tea.PasteMsg{Content: " one\r\ntwo\tthree"})
	if want := "Subject one two\tthree"; *v != want {
		t.Fatalf("value = %q, want %q", *v, want)
	}
	if cmd := keys(f, "enter"); cmd == nil || cmd() != huh.NextField() {
		t.Fatal("enter in a one-line field did not move on")
	}
}

func TestAnInvalidValueKeepsTheFocus(t *testing.T) {
	f, _ := newTestField(t, "12x", false, 40, 1)
	f.Validate(func(s string) error {
		if strings.ContainsAny(s, "x") {
			return fieldError("digits only")
		}
		return nil
	})
	if cmd := keys(f, "tab"); cmd != nil {
		t.Fatal("tab left a field holding an invalid value")
	}
	if f.Error() == nil || !strings.Contains(f.View(), "*") {
		t.Fatalf("the field does not show its error: %v\n%s", f.Error(), f.View())
	}
	keys(f, "backspace", "tab")
	if f.Error() != nil {
		t.Fatalf("fixed value still refused: %v", f.Error())
	}
}

func TestEditingKeysMoveAndDeleteAsInAnEditor(t *testing.T) {
	cases := []struct {
		name  string
		keys  []string
		typed string
		want  string
	}{
		{"home goes to the row's start", []string{"home"}, ">", "one two three\n>four five"},
		{"ctrl+home goes to the text's start", []string{"ctrl+home"}, ">", ">one two three\nfour five"},
		{"ctrl+end goes to the text's end", []string{"ctrl+home", "ctrl+end"}, "<", "one two three\nfour five<"},
		{"alt+left jumps a word", []string{"alt+left"}, "_", "one two three\nfour _five"},
		{"alt+left twice", []string{"alt+left", "alt+left"}, "_", "one two three\n_four five"},
		{"alt+right from the start", []string{"ctrl+home", "alt+right"}, "_", "one_ two three\nfour five"},
		{"alt+backspace deletes a word", []string{"alt+backspace"}, "", "one two three\nfour "},
		{"ctrl+w deletes a word", []string{"ctrl+w", "ctrl+w"}, "", "one two three\n"},
		{"ctrl+u deletes to the line's start", []string{"ctrl+u"}, "", "one two three\n"},
		{"ctrl+k deletes to the line's end", []string{"ctrl+home", "alt+right", "ctrl+k"}, "", "one\nfour five"},
		{"backspace at a line's start joins lines", []string{"ctrl+u", "backspace"}, "", "one two three"},
		{"delete at a line's end joins lines", []string{"up", "end", "delete"}, "", "one two threefour five"},
		{"up keeps the column", []string{"up"}, "|", "one two t|hree\nfour five"},
		{"down at the last row goes to the end", []string{"ctrl+home", "down", "down"}, "|", "one two three\nfour five|"},
		{"up at the first row goes to the start", []string{"up", "up"}, "|", "|one two three\nfour five"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, v := newTestField(t, "one two three\nfour five", true, 40, 4)
			keys(f, c.keys...)
			typeInto(f, c.typed)
			if *v != c.want {
				t.Fatalf("value = %q, want %q", *v, c.want)
			}
		})
	}
}

func TestHomeAndEndWorkOnTheWrappedRow(t *testing.T) {
	// Width 12 leaves 10 columns of text: "alpha beta " | "gamma".
	f, v := newTestField(t, "alpha beta gamma", true, 12, 4)
	keys(f, "home")
	typeInto(f, "^")
	if *v != "alpha beta ^gamma" {
		t.Fatalf("home went elsewhere than the wrapped row's start: %q", *v)
	}
	keys(f, "up", "end")
	typeInto(f, "$")
	if *v != "alpha beta$ ^gamma" {
		t.Fatalf("end went elsewhere than the wrapped row's end: %q", *v)
	}
}

func TestGraphemesMoveAndDeleteWhole(t *testing.T) {
	f, v := newTestField(t, "a👋🏽é", false, 40, 1)
	keys(f, "left")
	typeInto(f, "|")
	keys(f, "left", "backspace")
	if *v != "a|é" {
		t.Fatalf("value = %q, want the emoji and its skin tone removed together", *v)
	}
}

func TestControlCharactersNeverReachTheText(t *testing.T) {
	f, v := newTestField(t, "", true, 40, 4)
	f.Update(tea.PasteMsg{Content: "a\x1b[31mb\x07c\r\nd\xff"})
	if *v != "a[31mbc\nd" {
		t.Fatalf("value = %q", *v)
	}
}

// A long value shows only the rows that fit, the cursor's row among them.
func TestOnlyTheRowsThatFitAreDrawn(t *testing.T) {
	words := strings.Repeat("word ", 400)
	f, _ := newTestField(t, words, true, 30, 3)
	if got := shownRows(f); len(got) != 3 || !strings.HasPrefix(got[0], "word word") {
		t.Fatalf("rows drawn = %q, want 3 from the text's start", got)
	}
	keys(f, "ctrl+end")
	typeInto(f, "LAST")
	rows := shownRows(f)
	if len(rows) != 3 || !strings.Contains(rows[2], "LAST") {
		t.Fatalf("after ctrl+end the rows drawn are %q, want the end in view", rows)
	}
	f.Blur()
	if got := shownRows(f); !strings.HasPrefix(got[0], "word word") {
		t.Fatalf("a blurred field shows %q, want its beginning", got)
	}
}

func TestALongLineOpensAtItsBeginningAndAShortOneAtItsEnd(t *testing.T) {
	long := "Quick question about {{companyName}} and the roadmap for next year"
	f, v := newTestField(t, long, false, 30, 1)
	typeInto(f, "X")
	if !strings.HasPrefix(*v, "XQuick") {
		t.Fatalf("a long subject opened with the cursor elsewhere than its start: %q", *v)
	}
	if rows := shownRows(f); !strings.Contains(rows[0], "XQuick") {
		t.Fatalf("shows %q", rows)
	}
	g, w := newTestField(t, "2", false, 30, 1)
	typeInto(g, "0")
	if *w != "20" {
		t.Fatalf("a short value opened with the cursor elsewhere than its end: %q", *w)
	}
}

func TestALongLineScrollsWithTheCursorAndShowsItsBeginningWhenBlurred(t *testing.T) {
	long := strings.Repeat("abcdefghij", 10)
	f, _ := newTestField(t, long, false, 30, 1)
	keys(f, "end")
	if rows := shownRows(f); !strings.HasSuffix(strings.TrimSpace(rows[0]), "ij") {
		t.Fatalf("at the end the field shows %q", rows)
	}
	f.Blur()
	if rows := shownRows(f); !strings.HasPrefix(rows[0], "> abcdefghij") {
		t.Fatalf("blurred, the field shows %q", rows)
	}
}

// A blurred field draws itself once while nothing it shows changes; its
// description is read on each draw, so a live counter still updates.
func TestABlurredFieldReusesItsView(t *testing.T) {
	count := 0
	desc := "0 links"
	v := "x"
	f := NewTextField("f", true, textRef{&v}).Title("Links").Rows(2).
		Description(func() string { count++; return desc })
	f.WithWidth(40)
	first := f.View()
	if f.View() != first || count != 2 {
		t.Fatalf("views differ or description not read (%d)", count)
	}
	desc = "1 link"
	if !strings.Contains(f.View(), "1 link") {
		t.Fatal("a changed description was not drawn")
	}
	f.WithWidth(30)
	if strings.Contains(ansi.Strip(f.View()), strings.Repeat(" ", 35)) {
		t.Fatal("a resized field drew its old width")
	}
}

// Re-wrapping after an edit gives the rows a full wrap gives, whatever
// the edit: the incremental wrap is only a shortcut.
func TestRewrapMatchesAFullWrap(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		alphabet := []rune("ab  \u00e9\u4e16👋\n")
		text := rapid.StringOfN(rapid.SampledFrom(alphabet), 0, 300, -1).Draw(t, "text")
		width := rapid.IntRange(3, 30).Draw(t, "width")
		f := NewTextField("f", true, textRef{&text}).Rows(5)
		f.WithWidth(width + 3)
		f.Focus()
		ops := rapid.SliceOfN(rapid.SampledFrom([]string{
			"a", "b", " ", "\n", "世", "backspace", "delete", "left", "right", "up", "down",
			"alt+backspace", "ctrl+k", "home", "end", "paste",
		}), 1, 40).Draw(t, "ops")
		for _, op := range ops {
			switch {
			case op == "paste":
				f.Update(tea.PasteMsg{Content: "x y\nz"})
			case len([]rune(op)) == 1:
				typeInto(f, op)
			default:
				keys(f, op)
			}
			full := wrapAll(f.buf.lines, f.textWidth())
			if !slices.EqualFunc(full.rows, f.wrap.rows, slices.Equal) {
				t.Fatalf("after %q rows = %v, a full wrap gives %v (text %q)", op, f.wrap.rows, full.rows, f.Value())
			}
			if f.Value() != text {
				t.Fatalf("accessor holds %q, field %q", text, f.Value())
			}
		}
	})
}

// No drawn row is wider than the field.
func TestRowsFitTheWidth(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		text := rapid.StringOfN(rapid.SampledFrom([]rune("ab  \u4e16👋")), 0, 200, -1).Draw(t, "text")
		width := rapid.IntRange(4, 40).Draw(t, "width")
		f := NewTextField("f", true, textRef{&text}).Rows(50)
		f.WithWidth(width)
		f.Focus()
		keys(f, "ctrl+home")
		for _, l := range strings.Split(ansi.Strip(f.View()), "\n") {
			if w := ansi.StringWidth(l); w > width {
				t.Fatalf("row %q is %d wide in a %d-wide field", l, w, width)
			}
		}
	})
}

// keyPress builds the key a terminal sends for name ("ctrl+home",
// "alt+backspace", "a"); it panics on a name it cannot build, so a test
// never presses a key other than the one it names.
func keyPress(name string) tea.KeyPressMsg {
	codes := map[string]rune{
		"tab": tea.KeyTab, "enter": tea.KeyEnter, "esc": tea.KeyEscape, "backspace": tea.KeyBackspace,
		"delete": tea.KeyDelete, "up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft,
		"right": tea.KeyRight, "home": tea.KeyHome, "end": tea.KeyEnd, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown,
	}
	parts := strings.Split(name, "+")
	var msg tea.KeyPressMsg
	for _, mod := range parts[:len(parts)-1] {
		switch mod {
		case "ctrl":
			msg.Mod |= tea.ModCtrl
		case "alt":
			msg.Mod |= tea.ModAlt
		case "shift":
			msg.Mod |= tea.ModShift
		}
	}
	base := parts[len(parts)-1]
	if c, ok := codes[base]; ok {
		msg.Code = c
	} else {
		msg.Code = []rune(base)[0]
		if msg.Mod == 0 {
			msg.Text = base
		}
	}
	if msg.String() != name {
		panic("key " + name + " is built as " + msg.String())
	}
	return msg
}

func TestTypingTwoBracesOffersVariables(t *testing.T) {
	f, v := newTestField(t, "Hi ", true, 60, 4)
	f.Variables([]string{"favouriteTool"})
	typeInto(f, "{{")
	if !f.Completing() || !strings.Contains(ansi.Strip(f.View()), "{{firstName}}") {
		t.Fatalf("no completion after {{:\n%s", ansi.Strip(f.View()))
	}
	typeInto(f, "comp")
	view := ansi.Strip(f.View())
	if !strings.Contains(view, "{{companyName}}") || strings.Contains(view, "{{firstName}}") {
		t.Fatalf("the list is not narrowed to comp:\n%s", view)
	}
	keys(f, "down", "up", "enter")
	if *v != "Hi {{companyName}}" || f.Completing() {
		t.Fatalf("value = %q (completing %v), want the variable inserted and closed", *v, f.Completing())
	}
	typeInto(f, " and {{fav")
	keys(f, "tab")
	if *v != "Hi {{companyName}} and {{favouriteTool}}" {
		t.Fatalf("a campaign's own variable was not offered: %q", *v)
	}
}

func TestCompletionKeepsAClosingBraceAndOffersFilters(t *testing.T) {
	f, v := newTestField(t, "{{}}", false, 60, 1)
	keys(f, "home", "right", "right")
	typeInto(f, "first")
	keys(f, "enter")
	if *v != "{{firstName}}" {
		t.Fatalf("value = %q, want no second }}", *v)
	}
	g, w := newTestField(t, "", false, 60, 1)
	typeInto(g, "{{ firstName | def")
	keys(g, "enter")
	if *w != `{{ firstName | default: ` {
		t.Fatalf("value = %q, want the default filter with its colon", *w)
	}
}

func TestEscClosesTheListAndItStaysClosedForThatWord(t *testing.T) {
	f, v := newTestField(t, "", true, 60, 4)
	typeInto(f, "{{fi")
	keys(f, "esc")
	if f.Completing() {
		t.Fatal("esc did not close the list")
	}
	typeInto(f, "r")
	if f.Completing() {
		t.Fatal("the dismissed list opened again within the same word")
	}
	keys(f, "enter")
	if *v != "{{fir\n" {
		t.Fatalf("enter with the list closed did not type a new line: %q", *v)
	}
}

func TestAnInvitationNoteCountsItsCharactersAsTyped(t *testing.T) {
	d := newDriver(t, New(sampleStep(api.LinkedinInvite), testOptions(80)))
	d.focus("message")
	before := d.plain()
	if !strings.Contains(before, "/300 characters") {
		t.Fatalf("no invitation note counter:\n%s", before)
	}
	d.typeText("!!")
	n := utf8.RuneCountInString(d.form.Edited().Message)
	if !strings.Contains(d.plain(), fmt.Sprintf("%d/300 characters", n)) {
		t.Fatalf("the counter does not follow the typing (%d):\n%s", n, d.plain())
	}
}

// A description that ends in a full stop one column past the field's
// width wraps the last word: nothing is cut off.
func TestADescriptionEndingAtTheEdgeKeepsItsFullStop(t *testing.T) {
	f := New(sampleStep(api.Email), testOptions(80))
	f.SetWidth(98)
	d := newDriver(t, f)
	if view := d.plain(); !contains(view, "1500.") {
		t.Fatalf("the delay's help lost its full stop:\n%s", view)
	}
}
