package ui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/internal/draft"
	"lemstep/internal/journal"
)

// tenKBEmail is a lemlist-style HTML email of about 10 KB.
func tenKBEmail() string {
	para := `<p style="margin: 0 0 12px;">Hi {{firstName | default: "there"}}, teams like <b>{{companyName}}</b> ` +
		`lose a third of their trials before the first <a href="https://northwind.example/aha">aha moment</a>.<br>` +
		`Here is what we changed for three of them.</p>`
	var b strings.Builder
	for b.Len() < 10_000 {
		b.WriteString(para)
	}
	return b.String()
}

// BenchmarkEditorKeystroke measures one keystroke typed into the subject of
// an email whose 10 KB message is open in the form beside it: Update and
// View, as the program runs them. The preview render is a command the
// program runs elsewhere, so it is not part of this cost.
func BenchmarkEditorKeystroke(b *testing.B) {
	delay := 2
	step := api.Step{ID: "stp_bench", SequenceID: "seq_bench", Type: api.Email, Delay: &delay,
		Subject: "{{firstName}}, a teardown of {{companyName}}'s onboarding", Message: tenKBEmail()}
	m := New(Config{NoColor: true, Drafts: draft.Open(b.TempDir()), Journal: journal.Open(filepath.Join(b.TempDir(), "journal.jsonl"))})
	m.Update(tea.WindowSizeMsg{Width: 140, Height: 40})
	m.openStep(openStepMsg{campaign: api.Campaign{ID: "cam_bench", Name: "Bench"}, step: step})
	key := tea.KeyPressMsg{Code: 'a', Text: "a"}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m.Update(key)
		_ = m.View()
	}
}
