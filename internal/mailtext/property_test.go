package mailtext

import (
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// decodeOK decodes a generated message, which is always one lemstep edits
// as text.
func decodeOK(t *rapid.T, html string) Doc {
	doc, ok, why := Decode(html)
	if !ok {
		t.Fatalf("declined %q: %s", html, why)
	}
	return doc
}

func TestPropertyUneditedTextGivesBackTheHTML(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		html := genMessage(t)
		doc := decodeOK(t, html)
		if got := doc.Encode(doc.Text()); got != html {
			t.Fatalf("Encode(Text()) changed the message\n in: %q\nout: %q\ntext: %q", html, got, doc.Text())
		}
		// Through the full path too, not the shortcut for unchanged text.
		if got := encode(doc.d.toks, parseText(doc.Text(), doc.d.layout), doc.d.style, len(html)); got != html {
			t.Fatalf("parse and encode of the text changed the message\n in: %q\nout: %q\ntext: %q", html, got, doc.Text())
		}
		var srcs strings.Builder
		for _, tok := range doc.d.toks {
			srcs.WriteString(tok.src)
		}
		if srcs.String() != html {
			t.Fatalf("the tokens' sources do not cover the message:\n%q\n%q", srcs.String(), html)
		}
	})
}

// An edit is one of what a person does in the text: type words after a
// space, type a new paragraph, delete words, delete a paragraph.
type edit struct {
	name  string
	from  int // the text replaced is text[from:to]
	to    int
	with  string
	exact bool // the edited text is what Text shows afterwards, as typed
}

func genEdit(t *rapid.T, text string) (edit, bool) {
	afterSpace, seps := spacePositions(text), separatorPositions(text)
	switch rapid.IntRange(0, 4).Draw(t, "edit") {
	case 0:
		if len(afterSpace) == 0 {
			return edit{}, false
		}
		at := rapid.SampledFrom(afterSpace).Draw(t, "at")
		return edit{"type words", at, at, genWords(t, "words") + " ", true}, true
	case 1:
		if len(afterSpace) == 0 {
			return edit{}, false
		}
		at := rapid.SampledFrom(afterSpace).Draw(t, "at")
		mark := rapid.SampledFrom([]string{"**%s** ", "_%s_ ", "[%s](https://new.example/?a=1&b={{id}}) "}).Draw(t, "mark")
		// Not exact: typed inside a mark of its kind, a mark closes that one.
		return edit{"type a mark", at, at, strings.Replace(mark, "%s", genWords(t, "marked"), 1), false}, true
	case 2:
		at := rapid.SampledFrom(seps).Draw(t, "at")
		return edit{"type a paragraph", at, at, "\n\n" + genWords(t, "paragraph"), true}, true
	case 3:
		if len(afterSpace) < 2 {
			return edit{}, false
		}
		i := rapid.IntRange(0, len(afterSpace)-2).Draw(t, "from")
		j := rapid.IntRange(i+1, len(afterSpace)-1).Draw(t, "to")
		return edit{"delete words", afterSpace[i], afterSpace[j], "", false}, true
	default:
		if len(seps) < 2 {
			return edit{}, false
		}
		i := rapid.IntRange(0, len(seps)-2).Draw(t, "from")
		return edit{"delete a paragraph", seps[i], seps[i+1], "", false}, true
	}
}

// spacePositions are offsets just after a space that follows a character
// other than a space or a line break, and not before the backslash that
// marks an empty line: typing there never splits a mark, an escape or the
// indentation of an item.
func spacePositions(text string) []int {
	var at []int
	for i := 2; i <= len(text); i++ {
		if text[i-1] == ' ' && text[i-2] != ' ' && text[i-2] != '\n' && !strings.HasPrefix(text[i:], "\\\n") && text[i:] != "\\" {
			at = append(at, i)
		}
	}
	return at
}

// separatorPositions are the ends of blocks: before each blank line and at
// the end of the text.
func separatorPositions(text string) []int {
	var at []int
	for i := 0; i+1 < len(text); i++ {
		if text[i] == '\n' && text[i+1] == '\n' && (i == 0 || text[i-1] != '\n') {
			at = append(at, i)
		}
	}
	return append(at, len(text))
}

func TestPropertyEditsChangeOnlyWhatWasEdited(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		html := genMessage(t)
		doc := decodeOK(t, html)
		text := doc.Text()
		e, ok := genEdit(t, text)
		if !ok {
			t.Skip("no place for this edit")
		}
		edited := text[:e.from] + e.with + text[e.to:]
		out := doc.Encode(edited)

		again, ok, why := Decode(out)
		if !ok {
			t.Fatalf("%s: the HTML written is declined (%s)\n%q", e.name, why, out)
		}
		want := edited
		if !e.exact {
			want = render(parseText(edited, doc.d.layout), doc.d.layout)
		}
		if again.Text() != want {
			t.Fatalf("%s: the edit is not what the HTML says\nwant %q\n got %q\nhtml %q", e.name, want, again.Text(), out)
		}
		checkLocal(t, doc, parseText(edited, doc.d.layout), html, out)
	})
}

// checkLocal asserts that the HTML before and after the edited tokens is
// the message's own: the tokens the edit left at the start and at the end
// keep their bytes. Two exceptions are the edit's own markup: a closing tag
// whose opening tag was edited, and a bare '&', '<' or '{' now followed by
// new text (it is written as a reference).
func checkLocal(t *rapid.T, doc Doc, edited []token, html, out string) {
	old := doc.d.toks
	p := 0
	for p < len(old) && p < len(edited) && same(&old[p], &edited[p]) {
		p++
	}
	for p > 0 && isOpen(old[p-1].kind) {
		p-- // where a new element starts right after an open tag, either may be the new one
	}
	s := 0
	for s < len(old)-p && s < len(edited)-p && same(&old[len(old)-1-s], &edited[len(edited)-1-s]) {
		s++
	}
	// A bare '&', '<' or '{' whose following name the edit reaches is
	// written as a reference.
	r := p
	for r > 0 && p-r < 42 && old[r-1].src != "" && (isNameByte(old[r-1].src[0]) || strings.ContainsRune("#/!?{%", rune(old[r-1].src[0]))) && len(old[r-1].src) == 1 {
		r--
	}
	for k := p - 1; k >= r-1 && k >= 0; k-- {
		if old[k].kind == kChar && len(old[k].src) == 1 && mustEscape(old[k].r) {
			p = k
			break
		}
	}
	// The old index of an edited token at the start or the end, or -1.
	oldIndex := func(q int) int {
		switch {
		case q < p:
			return q
		case q >= len(edited)-s:
			return q - len(edited) + len(old)
		}
		return -1
	}
	for k := len(old) - s; k < len(old); k++ {
		ke := k - len(old) + len(edited)
		if isClose(old[k].kind) && oldIndex(int(edited[ke].pair)) != int(old[k].pair) {
			s = len(old) - 1 - k
		}
	}
	keptStart, keptEnd := 0, 0
	for _, tok := range old[:p] {
		keptStart += len(tok.src)
	}
	for _, tok := range old[len(old)-s:] {
		keptEnd += len(tok.src)
	}
	if !strings.HasPrefix(out, html[:keptStart]) || !strings.HasSuffix(out, html[len(html)-keptEnd:]) {
		t.Fatalf("markup outside the edit changed\n in: %q\nout: %q\nkept %q … %q", html, out, html[:keptStart], html[len(html)-keptEnd:])
	}
}

// TestPropertyAnyTextWritesHTMLThatReadsBack: whatever is typed, the HTML
// written decodes to the text as lemstep shows it.
func TestPropertyAnyTextWritesHTMLThatReadsBack(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		doc := decodeOK(t, genMessage(t))
		typed := rapid.StringOf(rapid.SampledFrom([]rune("ab *_[]()\\{}%-\n<>&\"'é\u00a0"))).Draw(t, "typed")
		text := doc.Text()
		at := rapid.IntRange(0, len(text)).Draw(t, "at")
		for at > 0 && at < len(text) && !isRuneStart(text[at]) {
			at--
		}
		edited := text[:at] + typed + text[at:]
		out := doc.Encode(edited)
		again, ok, why := Decode(out)
		if !ok {
			t.Fatalf("declined (%s): %q", why, out)
		}
		want := render(parseText(edited, doc.d.layout), doc.d.layout)
		if again.Text() != want {
			t.Fatalf("want %q\n got %q\nhtml %q", want, again.Text(), out)
		}
	})
}

func isRuneStart(c byte) bool { return c&0xc0 != 0x80 }
