package ui

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/api/sandbox"
	"lemstep/internal/journal"
)

// findNorthwind opens the find-and-replace screen from the campaign list
// with the key it names, and searches the demo's product name.
func (s *session) findNorthwind() {
	s.t.Helper()
	s.waitFor("the campaign list's key", func(scr string) bool {
		return strings.Contains(scr, "f find & replace") && strings.Contains(scr, "Trial scoring")
	})
	s.press("f")
	s.waitText("Find:")
	s.typeText("Northwind")
	s.press("tab")
	s.typeText("Southwind")
	s.waitText("Replace: Southwind")
	s.press("enter")
	s.waitText("15 matches in 13 steps · 15 on")
}

// stepsSaying lists the sandbox's steps whose texts hold word.
func (s *session) stepsSaying(word string) []api.Step {
	var out []api.Step
	for _, c := range s.sb.Campaigns() {
		for _, seq := range s.sb.Sequences(c.ID) {
			for _, st := range seq.Steps {
				if strings.Contains(st.Subject+st.Message+st.Title+st.AltMessage, word) {
					out = append(out, st)
				}
			}
		}
	}
	return out
}

func (s *session) journalEntries() []journal.Entry {
	s.t.Helper()
	entries, err := s.journal.Entries()
	if err != nil {
		s.t.Fatal(err)
	}
	return entries
}

// Turning one match off leaves its step alone; the others are sent, one
// PATCH each, and journaled as one batch.
func TestFindReplaceTogglesMatchesAndSends(t *testing.T) {
	s := startSession(t, 100, 30)
	s.findNorthwind()
	scr := s.screen()
	if !regexp.MustCompile(`\[x\] message:1:29  .*Theo from \[-Northwind-\]\{\+Southwind\+\} here`).MatchString(scr) {
		t.Fatalf("the WhatsApp match is not shown with its change:\n%s", scr)
	}
	s.press("down", "down")
	s.tm.Send(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
	scr = s.waitText("14 on")
	if !regexp.MustCompile(`› \[ \] message:1:29  .*Theo from Northwind here`).MatchString(scr) {
		t.Fatalf("the match turned off is not shown off:\n%s", scr)
	}
	s.press("enter")
	s.waitText("Review: 12 updates to 12 steps")
	s.waitText("Running: Q4 SaaS founders")
	if got := len(s.patches()); got != 0 {
		t.Fatalf("%d PATCHes before the review was confirmed", got)
	}
	s.press("y")
	s.waitText("Sent 12 of 12 updates.")

	if got := len(s.patches()); got != 12 {
		t.Errorf("%d PATCHes, want one per step: 12", got)
	}
	kept := s.stepsSaying("Theo from Northwind here")
	if len(kept) != 1 || kept[0].Type != api.WhatsappMessage {
		t.Errorf("the step whose match was off changed: %+v", kept)
	}
	if got := len(s.stepsSaying("Southwind")); got != 12 {
		t.Errorf("%d steps say Southwind, want 12", got)
	}
	entries := s.journalEntries()
	if len(entries) != 12 {
		t.Fatalf("the journal holds %d entries, want 12", len(entries))
	}
	for _, e := range entries {
		if e.Batch != entries[0].ID {
			t.Errorf("entry #%d is in batch %d, want b%d", e.ID, e.Batch, entries[0].ID)
		}
	}
	s.waitText("Journal batch b1.")
}

var sentSoFar = regexp.MustCompile(`Sending (\d+)/12`)

// Stopping half-way keeps what was sent, journaled, and says so; the rest
// is not sent.
func TestFindReplaceCancelHalfway(t *testing.T) {
	s := startSession(t, 100, 30, sessionOptions{sandbox: func(o *sandbox.Options) {
		o.Faults = sandbox.Faults{Latency: 150 * time.Millisecond}
	}})
	s.findNorthwind()
	s.tm.Send(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}) // the first match off: 12 steps left
	s.waitText("14 on")
	s.press("enter")
	s.waitText("Review: 12 updates")
	s.press("y")
	s.waitFor("a few updates sent", func(scr string) bool {
		m := sentSoFar.FindStringSubmatch(scr)
		if m == nil {
			return false
		}
		n, _ := strconv.Atoi(m[1])
		return n >= 2
	})
	s.press("esc")
	scr := s.waitText("Stopped: ")
	m := regexp.MustCompile(`Stopped: (\d+) of 12 updates sent, and they stay sent; (\d+) not sent\.`).FindStringSubmatch(scr)
	if m == nil {
		t.Fatalf("the stop is not explained:\n%s", scr)
	}
	sent, _ := strconv.Atoi(m[1])
	if sent < 2 || sent >= 12 {
		t.Fatalf("%d updates sent before the stop; want some, not all", sent)
	}
	if got := len(s.patches()); got != sent {
		t.Errorf("the sandbox took %d PATCHes, the screen says %d", got, sent)
	}
	if got := len(s.stepsSaying("Southwind")); got != sent {
		t.Errorf("%d steps say Southwind, the screen says %d were sent", got, sent)
	}
	if got := len(s.journalEntries()); got != sent {
		t.Errorf("the journal holds %d entries, %d were sent", got, sent)
	}
}
