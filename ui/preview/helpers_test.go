package preview

import (
	"strings"
	"testing"

	"lemstep/theme"
)

func plainTheme() *theme.Theme { return theme.New(false, true) }

// findOne returns the only finding of severity sev whose message contains
// substr, failing the test otherwise.
func findOne(t *testing.T, fs []Finding, sev Severity, substr string) Finding {
	t.Helper()
	var found []Finding
	for _, f := range fs {
		if f.Severity == sev && strings.Contains(f.Message, substr) {
			found = append(found, f)
		}
	}
	if len(found) != 1 {
		t.Fatalf("want one %s finding containing %q, got %d in %v", sev, substr, len(found), fs)
	}
	return found[0]
}

// noFinding fails if any finding's message contains substr.
func noFinding(t *testing.T, fs []Finding, substr string) {
	t.Helper()
	for _, f := range fs {
		if strings.Contains(f.Message, substr) {
			t.Fatalf("unexpected finding %v", f)
		}
	}
}
