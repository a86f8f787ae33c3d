package preview

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"lemstep/api"
	"lemstep/theme"
)

// goldenCases are the messages of testdata, lemlist-style, rendered at 80
// columns with the plain style. Each golden file,
// testdata/TestGolden/<message>.lead<n>.golden, holds the body, then the
// findings and counters, so a reviewer sees everything the editor would
// show; `go test ./ui/preview -run Golden -update` rewrites them.
var goldenCases = []struct {
	name    string
	typ     api.StepType
	subject string
	lead    int
}{
	{"styled_paragraphs.html", api.Email, "Quick question about {{companyName}}", 0},
	{"styled_paragraphs.html", api.Email, "Quick question about {{companyName}}", 2},
	{"links_lists_images.html", api.Email, "{{firstName}}, 3 ideas", 0},
	{"nested_breaks_conditional.html", api.Email, "Hello {{firstName}}", 0},
	{"nested_breaks_conditional.html", api.Email, "Hello {{firstName}}", 1},
	{"no_company.html", api.Email, "For {{companyName | default: \"you\"}}", 1},
	{"linkedin_markdown_chars.txt", api.LinkedinSend, "", 0},
}

func TestGolden(t *testing.T) {
	r := NewRenderer(theme.New(false, true), 0)
	leads := Leads()
	for _, c := range goldenCases {
		name := strings.TrimSuffix(c.name, filepath.Ext(c.name)) + fmt.Sprintf(".lead%d", c.lead)
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", c.name))
			if err != nil {
				t.Fatal(err)
			}
			msg := strings.TrimSuffix(string(src), "\n")
			res := r.Render(Request{Type: c.typ, Subject: c.subject, Message: msg, Width: 80, Lead: leads[c.lead]})
			golden.RequireEqual(t, goldenText(res))
		})
	}
}

func goldenText(res Result) string {
	var b strings.Builder
	b.WriteString(res.Body)
	b.WriteString("\n\n--- findings\n")
	for _, f := range res.Findings {
		b.WriteString(f.String() + "\n")
	}
	fmt.Fprintf(&b, "--- counters: raw %d, rendered %d, sms segments %d\n", res.RawChars, res.RenderedChars, res.SMSSegments)
	return b.String()
}
