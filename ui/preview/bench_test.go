package preview

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"lemstep/api"
	"lemstep/internal/cputime"
	"lemstep/theme"
)

// lemlistEmail builds about size bytes of HTML the way lemlist's editor
// writes it: styled paragraphs, spacer paragraphs, links, a list, Liquid.
func lemlistEmail(size int) string {
	var b strings.Builder
	b.WriteString(`<p style="margin: 0px; font-family: Arial, sans-serif; font-size: 14px;">Hi {{firstName | default: "there"}},</p><p style="margin: 0px;"><br></p>`)
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, `<p style="margin: 0px; font-family: Arial;">Paragraph %d: teams like <b>{{companyName}}</b> cut pick-path time by a fifth with <a href="https://northwind.example/p/%d?utm_source=lemlist" style="color:#1a73e8">our planner</a>. {%% if jobTitle %%}As {{jobTitle}}, you know the cost.{%% endif %%}<br>Second line of the paragraph.</p><p style="margin: 0px;"><br></p>`, i, i)
		if i%5 == 4 {
			b.WriteString(`<ul><li>Slotting by velocity</li><li>Returns triage</li></ul>`)
		}
	}
	b.WriteString(`<p>Best,<br>{{senderName}}</p>`)
	return b.String()
}

// BenchmarkPreviewEmail10KB measures a real render: no result cache, and a
// different message every iteration.
func BenchmarkPreviewEmail10KB(b *testing.B) {
	r := NewRenderer(theme.New(true, false), 0)
	msg := lemlistEmail(10 * 1024)
	lead := Leads()[0]
	b.SetBytes(int64(len(msg)))
	b.ReportAllocs()
	defer cputime.Report(b)()
	i := 0
	for b.Loop() {
		i++
		r.Render(Request{Type: api.Email, Subject: "Hi {{firstName}}", Message: msg + fmt.Sprintf("<p>%d</p>", i), Width: 80, Lead: lead})
	}
}

// BenchmarkPreviewAfterEdit measures the preview after a one-word edit in
// the middle of a 10 KB email: every iteration is a message never seen
// before, but only the edited paragraph is new.
func BenchmarkPreviewAfterEdit(b *testing.B) {
	r := NewRenderer(theme.New(true, false), DefaultCacheSize)
	msg := lemlistEmail(10 * 1024)
	cut := strings.Index(msg, "Paragraph 20:")
	lead := Leads()[0]
	r.Render(Request{Type: api.Email, Subject: "Hi {{firstName}}", Message: msg, Width: 80, Lead: lead})
	b.ReportAllocs()
	defer cputime.Report(b)()
	i := 0
	for b.Loop() {
		i++
		edited := msg[:cut] + fmt.Sprintf("Edit%d ", i) + msg[cut:]
		r.Render(Request{Type: api.Email, Subject: "Hi {{firstName}}", Message: edited, Width: 80, Lead: lead})
	}
}

// BenchmarkPreviewCached measures a repeated request: a cache hit.
func BenchmarkPreviewCached(b *testing.B) {
	r := NewRenderer(theme.New(true, false), DefaultCacheSize)
	req := Request{Type: api.Email, Subject: "Hi {{firstName}}", Message: lemlistEmail(10 * 1024), Width: 80, Lead: Leads()[0]}
	r.Render(req)
	b.ReportAllocs()
	for b.Loop() {
		r.Render(req)
	}
}

func TestBenchmarkFixtureRendersCleanly(t *testing.T) {
	msg := lemlistEmail(10 * 1024)
	if len(msg) < 10*1024 || len(msg) > 11*1024 {
		t.Fatalf("fixture is %d bytes", len(msg))
	}
	res := NewRenderer(plainTheme(), 0).Render(Request{Type: api.Email, Subject: "x", Message: msg, Width: 80, Lead: Leads()[0]})
	blocking := slices.ContainsFunc(res.Findings, func(f Finding) bool { return f.Severity == Blocking })
	if blocking || !strings.Contains(res.Body, "Paragraph 3: teams like **Acme Robotics**") {
		t.Fatalf("findings %v, body:\n%.400s", res.Findings, res.Body)
	}
}
