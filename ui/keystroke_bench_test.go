package ui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/internal/cputime"
	"lemstep/internal/draft"
	"lemstep/internal/journal"
)

// lemlistHTML is about size bytes of lemlist-style HTML: one line, as
// lemlist stores it.
func lemlistHTML(size int) string {
	para := `<p style="margin: 0 0 12px;">Hi {{firstName | default: "there"}}, teams like <b>{{companyName}}</b> ` +
		`lose a third of their trials before the first <a href="https://northwind.example/aha">aha moment</a>.<br>` +
		`Here is what we changed for three of them.</p>`
	var b strings.Builder
	for b.Len() < size {
		b.WriteString(para)
	}
	return b.String()[:size]
}

// tenKBEmail is a lemlist-style HTML email of about 10 KB.
func tenKBEmail() string { return lemlistHTML(10_000) }

// benchEditor is the editor open on an email whose message is message, at
// 140×40, with the focus on the subject.
func benchEditor(b *testing.B, message string) *Model {
	delay := 2
	step := api.Step{ID: "stp_bench", SequenceID: "seq_bench", Type: api.Email, Delay: &delay,
		Subject: "{{firstName}}, a teardown of {{companyName}}'s onboarding", Message: message}
	m := New(Config{NoColor: true, Drafts: draft.Open(b.TempDir()), Journal: journal.Open(filepath.Join(b.TempDir(), "journal.jsonl"))})
	m.Update(tea.WindowSizeMsg{Width: 140, Height: 40})
	m.openStep(openStepMsg{campaign: api.Campaign{ID: "cam_bench", Name: "Bench"}, step: step})
	return m
}

// typeKeys runs one key press per iteration through Update and View, as
// the program runs them. The preview render is a command the program runs
// elsewhere, so it is not part of this cost.
func typeKeys(b *testing.B, m *Model) {
	key := tea.KeyPressMsg{Code: 'a', Text: "a"}
	b.ReportAllocs()
	b.ResetTimer()
	defer cputime.Report(b)()
	for b.Loop() {
		m.Update(key)
		_ = m.View()
	}
}

// BenchmarkEditorKeystroke measures one keystroke typed into the subject
// of an email whose 10 KB message is open in the form beside it.
func BenchmarkEditorKeystroke(b *testing.B) {
	typeKeys(b, benchEditor(b, tenKBEmail()))
}

// BenchmarkMessageKeystroke measures one keystroke typed in the middle of
// a message of each size: the cost should not grow with the copy.
func BenchmarkMessageKeystroke(b *testing.B) {
	for _, size := range []struct {
		name  string
		bytes int
	}{{"200B", 200}, {"10KB", 10_000}, {"200KB", 200_000}} {
		b.Run(size.name, func(b *testing.B) {
			m := benchEditor(b, lemlistHTML(size.bytes))
			e := focusMessage(b, m)
			for range 30 {
				m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
			}
			typeKeys(b, m)
			if got := len(e.form.Edited().Message); got != size.bytes+b.N {
				b.Fatalf("the message holds %d bytes after %d keys, want %d", got, b.N, size.bytes+b.N)
			}
		})
	}
}

// BenchmarkMessageKeystrokeAsText measures one keystroke in a whole
// lemlist email of about 10 KB edited as text: each key writes the HTML
// back from the text.
func BenchmarkMessageKeystrokeAsText(b *testing.B) {
	msg := lemlistHTML(10_000)
	msg = msg[:strings.LastIndex(msg, "</p>")+len("</p>")] // whole paragraphs: it reads as text
	m := benchEditor(b, msg)
	e := focusMessage(b, m)
	if !strings.Contains(e.form.View(), "ctrl+t shows the HTML") {
		b.Fatal("the message did not open as text")
	}
	for range 30 {
		m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	}
	typeKeys(b, m)
}

// BenchmarkPaste5KB measures a 5 KB bracketed paste into the 10 KB message:
// one Update and one View.
func BenchmarkPaste5KB(b *testing.B) {
	m := benchEditor(b, tenKBEmail())
	focusMessage(b, m)
	paste := tea.PasteMsg{Content: lemlistHTML(5_000)}
	b.ReportAllocs()
	b.ResetTimer()
	defer cputime.Report(b)()
	for b.Loop() {
		m.Update(paste)
		_ = m.View()
	}
}

// focusMessage moves the editor's focus to the message field.
func focusMessage(b *testing.B, m *Model) *editorScreen {
	e, ok := m.editor()
	if !ok {
		b.Fatal("no editor open")
	}
	e.form.Focus(api.FieldMessage)
	if e.form.Focused() != api.FieldMessage {
		b.Fatalf("the focus is on %s", e.form.Focused())
	}
	return e
}
