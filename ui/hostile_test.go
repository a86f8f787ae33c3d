package ui

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"lemstep/api/sandbox"
)

// The founders campaign of the demo workspace and its first email step.
const (
	hostileCampaignID = "cam_pdWtC9WkcuDo9qhM2"
	hostileStepID     = "stp_cWXvLWqWsRAZWdQMK"
)

// Hostile text planted in the workspace. Each sequence wraps a payload whose
// words must never reach the terminal, between words that must.
const (
	hostileName = "Hostile \x1b]0;pwned-title\x07founders\x1b[0002J \u009d52;c;ZXZpbA==\u009ccampaign"
	// Seen: "Hostile founders campaign".
	hostileLabel = "\x1bP+q544e\x1b\\outbound"
	// Seen: "outbound".
	hostileSubject = "Quick \x1b]52;c;ZXZpbA==\x1b\\question\x1b[3J about \u009b6n{{companyName}}"
	// Seen: "Quick question about {{companyName}}".
	hostileMessage = "<p>Hi {{firstName}},</p><p>I tried \x1bPq#0;2;0;0;0#0~~\x1b\\to reach\x1b]0;pwned-title\x07 you\x1b_apc-payload\x1b\\ last week.</p>"
	// Seen: "I tried to reach you last week."
)

// hostileMarkers are what the terminal would have received had a payload
// got through: introducers of the sequences planted, in 7-bit and 8-bit
// (UTF-8) form, and the payloads' own words. The renderer clears the screen
// with CSI 2J itself, so the planted clear-screen sequences are spelt
// "CSI 0002 J" (the same command) and "CSI 3 J" (erase the scrollback).
var hostileMarkers = []string{
	"\x1b]0;", "\x1b]52;", "\x1bP", "\x1b_", "\x1b[0002J", "\x1b[3J", "\x1b[6n", "\u009b", "\u009d", "\u009c",
	"pwned-title", "ZXZpbA", "q#0;2", "apc-payload", "544e",
}

// hostileWorkspace is the demo workspace with hostile text in the founders
// campaign's name and label and in its first email's subject and message.
func hostileWorkspace(t *testing.T) *sandbox.Workspace {
	t.Helper()
	ws := sandbox.DemoWorkspace()
	for i := range ws.Campaigns {
		if ws.Campaigns[i].ID == hostileCampaignID {
			ws.Campaigns[i].Name = hostileName
			ws.Campaigns[i].Emoji = ""
			ws.Campaigns[i].Labels = []string{hostileLabel}
		}
	}
	seqs := ws.Sequences[hostileCampaignID]
	for id, seq := range seqs {
		for i, st := range seq.Steps {
			if st.ID == hostileStepID {
				st.Subject, st.Message = hostileSubject, hostileMessage
				seq.Steps[i] = st
			}
		}
		seqs[id] = seq
	}
	return ws
}

// rawOutput ends the program and returns every byte it wrote to the
// terminal, escape sequences included. It checks the key is not among them,
// as reading the output leaves nothing for the session's own check.
func (s *session) rawOutput() []byte {
	s.t.Helper()
	_ = s.tm.Quit()
	out, err := io.ReadAll(s.tm.FinalOutput(s.t, teatest.WithFinalTimeout(10*time.Second)))
	if err != nil {
		s.t.Fatal(err)
	}
	if bytes.Contains(out, []byte(testKey)) {
		s.t.Error("the API key reached the terminal")
	}
	return out
}

func assertNoPayload(t *testing.T, out []byte) {
	t.Helper()
	if len(out) == 0 {
		t.Fatal("the program wrote nothing")
	}
	for _, m := range hostileMarkers {
		if i := bytes.Index(out, []byte(m)); i >= 0 {
			t.Errorf("the terminal received %q: …%q…", m, out[max(0, i-40):min(len(out), i+40)])
		}
	}
}

func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	ws := hostileWorkspace(t)
	s := startSession(t, 140, 40, sessionOptions{sandbox: func(o *sandbox.Options) { o.Workspace = ws }})

	scr := s.waitText("Hostile founders campaign")
	if !strings.Contains(scr, "outbound") {
		t.Fatalf("the campaign's label is not shown:\n%s", scr)
	}
	s.openCampaign("Hostile founders")
	s.waitText("Quick question about {{companyName}}")

	s.openStep("Quick question")
	scr = s.waitFor("the form and the preview", func(scr string) bool {
		return previewSettled(scr) && strings.Contains(scr, "Quick question about Acme Robotics")
	})
	for _, want := range []string{"Quick question about {{companyName}}", "I tried to reach you last week."} {
		if !strings.Contains(scr, want) {
			t.Errorf("the editor does not show %q:\n%s", want, scr)
		}
	}
	s.press("ctrl+g")
	s.waitFor("the raw template", func(scr string) bool {
		return previewSettled(scr) && strings.Contains(scr, "raw template") &&
			strings.Contains(scr, "Subject: Quick question about {{companyName}}") && strings.Contains(scr, "I tried to reach you last week.")
	})

	assertNoPayload(t, s.rawOutput())
}
