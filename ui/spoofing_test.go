package ui

import (
	"strings"
	"testing"

	"lemstep/api/sandbox"
)

// A campaign whose name carries a newline and what looks like another
// campaign's row, and a step subject with a right-to-left override and a
// zero-width space: the list shows the name on its own row, the tree and the
// header show the invisible characters as ⟨U+…⟩, and no row is faked.
func TestSpoofingNamesStayOnTheirRow(t *testing.T) {
	ws := sandbox.DemoWorkspace()
	for i := range ws.Campaigns {
		if ws.Campaigns[i].ID == hostileCampaignID {
			ws.Campaigns[i].Name = "Founders\n    Paused      Fake campaign \u202eevil"
			ws.Campaigns[i].Emoji = ""
		}
	}
	seqs := ws.Sequences[hostileCampaignID]
	for id, seq := range seqs {
		for i, st := range seq.Steps {
			if st.ID == hostileStepID {
				st.Subject = "Invoice \u202egpj.exe\u200b"
				seq.Steps[i] = st
			}
		}
		seqs[id] = seq
	}
	s := startSession(t, 140, 40, sessionOptions{sandbox: func(o *sandbox.Options) { o.Workspace = ws }})

	scr := s.waitText("Founders Paused Fake campaign ⟨U+202E⟩evil")
	for _, line := range strings.Split(scr, "\n") {
		if strings.Contains(line, "Fake campaign") && !strings.Contains(line, "Founders") {
			t.Errorf("the list has a fake row %q:\n%s", line, scr)
		}
	}
	s.openCampaign("Founders")
	scr = s.waitText("Invoice ⟨U+202E⟩gpj.exe⟨U+200B⟩")
	if !strings.Contains(scr, "Founders Paused Fake campaign ⟨U+202E⟩evil") {
		t.Errorf("the header does not show the name on one line:\n%s", scr)
	}
	if strings.ContainsAny(scr, "\u202e\u200b") {
		t.Errorf("a bidi or zero-width character reached the screen:\n%s", scr)
	}
}
