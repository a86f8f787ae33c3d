package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"lemstep/api"
	"lemstep/theme"
	"lemstep/ui/preview"
)

func manyFindings(n int) []preview.Finding {
	fs := make([]preview.Finding, n)
	for i := range fs {
		fs[i] = preview.Finding{Severity: preview.Warning, Field: api.FieldMessage, Offset: -1,
			Message: fmt.Sprintf("finding number %d, long enough to wrap onto a second line of the pane", i+1)}
	}
	return fs
}

func wheres(fs []preview.Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Where()
	}
	return out
}

// More checks than room: the pane shows the first ones whole and says how
// many more there are; going through them keeps the selected one in view,
// whole, and says which it is.
func TestChecksThatDoNotFitShowWholeAndSayWhatIsLeft(t *testing.T) {
	st := newStyles(theme.New(true, true))
	fs := manyFindings(6)
	l := checksList{key: "f3"}
	out := ansi.Strip(l.view(st, fs, wheres(fs), 40, 8))
	if n := strings.Count(out, "\n") + 1; n > 8 {
		t.Fatalf("%d lines in 8:\n%s", n, out)
	}
	if !strings.Contains(out, "6 checks · f3 goes through them") || !strings.Contains(out, "… and 4 more · f3 lists them") {
		t.Fatalf("the list does not say what is left:\n%s", out)
	}
	l.focused = true
	l.move(5, len(fs))
	out = ansi.Strip(l.view(st, fs, wheres(fs), 40, 8))
	if !strings.Contains(out, "› ! message: finding number 6") || !strings.Contains(out, "6 of 6") {
		t.Fatalf("the last check is not shown selected:\n%s", out)
	}
	if !strings.Contains(out, "enter goes there") || strings.Count(out, "\n")+1 > 8 {
		t.Fatalf("the selected check is cut, or the list overflows:\n%s", out)
	}
	l.move(-5, len(fs))
	if out = ansi.Strip(l.view(st, fs, wheres(fs), 40, 8)); !strings.Contains(out, "› ! message: finding number 1") {
		t.Fatalf("moving back up does not show the first check:\n%s", out)
	}
}

// A finding quoting a huge variable name is cut to the room the checks
// have, ending in "…": it never pushes the preview or the screen apart.
func TestAHugeFindingIsCutToTheChecksRoom(t *testing.T) {
	st := newStyles(theme.New(true, true))
	fs := []preview.Finding{{Severity: preview.Warning, Field: api.FieldMessage, Offset: -1,
		Message: "The variable {{" + strings.Repeat("a", 600) + "}} is not a lead field"}}
	for _, focused := range []bool{false, true} {
		l := checksList{key: "f3", focused: focused}
		out := ansi.Strip(l.view(st, fs, wheres(fs), 40, 6))
		if n := strings.Count(out, "\n") + 1; n > 6 || !strings.Contains(out, "…") {
			t.Fatalf("focused %v: %d lines in 6, or not marked as cut:\n%s", focused, n, out)
		}
	}
}
