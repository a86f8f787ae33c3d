package cli

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"charm.land/bubbles/v2/progress"

	"lemstep/api"
)

// On a terminal the progress bar is drawn after the finished lines and
// erased before each new one, so what stays on screen is the plain lines.
func TestApplyReporterRedrawsTheBarBelowTheLines(t *testing.T) {
	var out bytes.Buffer
	bar := progress.New(progress.WithWidth(10), progress.WithoutPercentage(), progress.WithFillCharacters('#', '.'))
	r := &applyReporter{w: &out, total: 2, bar: &bar}
	entries := []applyEntry{
		{n: 1, sequenceID: "seq_1", stepID: "stp_1", update: phoneUpdate("hi")},
		{n: 2, sequenceID: "seq_1", stepID: "stp_2", update: phoneUpdate("ho")},
	}
	r.sending(0, entries[0])
	r.done(0, applyResult{entry: entries[0], sent: true})
	r.sending(1, entries[1])
	r.done(1, applyResult{entry: entries[1], sent: true, err: errors.New("no such step")})
	r.finish()

	got := out.String()
	if n := strings.Count(got, "\r\x1b[K"); n != 2 {
		t.Errorf("the bar was erased %d times, want 2 (once per finished update):\n%q", n, got)
	}
	if !strings.Contains(got, "1/2 sending entry 1 (step stp_1)") || !strings.Contains(got, "2/2 sending entry 2 (step stp_2)") {
		t.Errorf("the bar does not say which update is being sent:\n%q", got)
	}
	screen := eraseRedrawn(got)
	want := "[1/2] updated: entry 1 (step stp_1) in sequence seq_1 (phone step: message)\n" +
		"[2/2] failed: entry 2 (step stp_2) in sequence seq_1: no such step\n"
	if screen != want {
		t.Errorf("after the redraws the screen holds\n%s\nwant\n%s", screen, want)
	}
}

// Without a terminal there is no bar and no escape sequence at all.
func TestApplyReporterWritesPlainLinesWithoutATerminal(t *testing.T) {
	var out bytes.Buffer
	r := &applyReporter{w: &out, total: 1}
	e := applyEntry{n: 1, sequenceID: "seq_1", stepID: "stp_1", update: phoneUpdate("hi")}
	r.sending(0, e)
	r.done(0, applyResult{entry: e, sent: true})
	r.finish()
	if want := "[1/1] updated: entry 1 (step stp_1) in sequence seq_1 (phone step: message)\n"; out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}

func phoneUpdate(msg string) api.StepUpdate {
	u := api.StepUpdate{Type: api.Phone}
	u.Set(api.FieldMessage, msg)
	return u
}

// eraseRedrawn plays "\r\x1b[K" (return, erase line) on the output, as a
// terminal would, and returns the lines left.
func eraseRedrawn(s string) string {
	var screen strings.Builder
	for i, part := range strings.Split(s, "\r\x1b[K") {
		if i > 0 {
			// Drop the partial line the erase wiped out.
			text := screen.String()
			screen.Reset()
			screen.WriteString(text[:strings.LastIndex(text, "\n")+1])
		}
		screen.WriteString(part)
	}
	return screen.String()
}
