package findreplace

import (
	"strings"
	"testing"

	"lemstep/api"
)

func mustCompile(t *testing.T, q Query) *Matcher {
	t.Helper()
	m, err := Compile(q)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestFindSaysTextOrHTML(t *testing.T) {
	m := mustCompile(t, Query{Pattern: "acme"})
	html := `<p>Hi, acme here.</p><p><a href="https://acme.example/cal">book</a></p>`
	got := m.find(api.FieldMessage, html, true)
	if len(got) != 2 {
		t.Fatalf("found %d matches, want 2: %+v", len(got), got)
	}
	if got[0].Where != InText || got[0].Skip != "" {
		t.Errorf("first match: where %q skip %q, want text and replaceable", got[0].Where, got[0].Skip)
	}
	if got[1].Where != InHTML || got[1].Skip != "" {
		t.Errorf("second match: where %q skip %q, want html and replaceable", got[1].Where, got[1].Skip)
	}
	if got[0].Before != "Hi, " || got[0].After != " here. book" {
		t.Errorf("context of the text match = %q | %q", got[0].Before, got[0].After)
	}
}

func TestFindVisibleOnlyAcrossMarkup(t *testing.T) {
	m := mustCompile(t, Query{Pattern: "Acme Robotics"})
	got := m.find(api.FieldMessage, `<p>at Acme <b>Robotics</b> &amp; co</p>`, true)
	if len(got) != 1 || got[0].Skip != skipAcrossMarkup || got[0].Where != InText {
		t.Fatalf("got %+v, want one match a reader sees across a tag, not replaceable", got)
	}
	m = mustCompile(t, Query{Pattern: "R&D"})
	got = m.find(api.FieldMessage, `<p>our R&amp;D team</p>`, true)
	if len(got) != 1 || got[0].Skip != skipAcrossMarkup || got[0].Text != "R&D" {
		t.Fatalf("an entity: got %+v", got)
	}
}

func TestFindEdgeOfLiquidAndTag(t *testing.T) {
	m := mustCompile(t, Query{Pattern: "Name}} at"})
	got := m.find(api.FieldSubject, "Hi {{firstName}} at Acme", false)
	if len(got) != 1 || !strings.Contains(got[0].Skip, "Liquid expression") {
		t.Fatalf("got %+v, want a match across the edge of a Liquid expression, skipped", got)
	}
	m = mustCompile(t, Query{Pattern: `p>Hi`})
	got = m.find(api.FieldMessage, "<p>Hi</p>", true)
	if len(got) != 1 || !strings.Contains(got[0].Skip, "HTML tag") || got[0].Where != InHTML {
		t.Fatalf("got %+v, want a match across the edge of a tag, skipped", got)
	}
}

func TestFindLineColumnAndCase(t *testing.T) {
	m := mustCompile(t, Query{Pattern: "acme", IgnoreCase: true})
	got := m.find(api.FieldMessage, "Hello\nwe at Acme ACME ÀCME", false)
	if len(got) != 2 || got[0].Line != 2 || got[0].Column != 7 || got[1].Column != 12 {
		t.Fatalf("got %+v", got)
	}
	if _, err := Compile(Query{Pattern: "a(", Regex: true}); err == nil {
		t.Error("a broken regular expression compiled")
	}
	if _, err := Compile(Query{}); err == nil {
		t.Error("an empty pattern compiled")
	}
	if got := mustCompile(t, Query{Pattern: "x*", Regex: true}).find(api.FieldSubject, "abc", false); len(got) != 0 {
		t.Errorf("empty matches were reported: %+v", got)
	}
}

func TestReplaceSkipsWhatWouldBreak(t *testing.T) {
	m := mustCompile(t, Query{Pattern: "Acme"})
	value := `<p>Acme</p><a href="https://x/Acme">Acme</a>{{companyName | default: "Acme"}}`
	ms := m.find(api.FieldMessage, value, true)
	got, done := m.replaceIn(value, true, ms, nil, `Nova "Labs"`)
	want := `<p>Nova "Labs"</p><a href="https://x/Acme">Nova "Labs"</a>{{companyName | default: "Acme"}}`
	if got != want {
		t.Fatalf("replaced:\n got %s\nwant %s", got, want)
	}
	skipped := 0
	for _, mt := range done {
		if mt.Skip != "" {
			skipped++
		}
	}
	if skipped != 2 {
		t.Errorf("%d matches skipped, want the two inside the tag and the Liquid: %+v", skipped, done)
	}
	got, _ = m.replaceIn(value, true, ms, nil, "Nova")
	if want := `<p>Nova</p><a href="https://x/Nova">Nova</a>{{companyName | default: "Nova"}}`; got != want {
		t.Fatalf("a plain replacement:\n got %s\nwant %s", got, want)
	}
}

func TestReplaceThatWouldOpenLiquidIsSkipped(t *testing.T) {
	m := mustCompile(t, Query{Pattern: "y"})
	value := "x{y and {{firstName}}"
	got, done := m.replaceIn(value, false, m.find(api.FieldSubject, value, false), nil, "{z")
	if got != value || done[0].Skip == "" {
		t.Fatalf("got %q %+v, want the value unchanged and the match skipped", got, done)
	}
}

func TestReplaceRegexGroups(t *testing.T) {
	m := mustCompile(t, Query{Pattern: `(\w+)@old\.example`, Regex: true})
	value := "write to ana@old.example or bo@old.example"
	got, _ := m.replaceIn(value, false, m.find(api.FieldMessage, value, false), nil, "$1@new.example")
	if got != "write to ana@new.example or bo@new.example" {
		t.Fatalf("got %q", got)
	}
}

func TestReplaceOnlyChosen(t *testing.T) {
	m := mustCompile(t, Query{Pattern: "a"})
	value := "a-a-a"
	got, _ := m.replaceIn(value, false, m.find(api.FieldSubject, value, false), func(i int) bool { return i != 1 }, "b")
	if got != "b-a-b" {
		t.Fatalf("got %q", got)
	}
}
