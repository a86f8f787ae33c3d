package draft

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lemstep/api"
)

// saveIn writes d under its own workspace's name for its step (or its
// variant B), in slot.
func saveIn(t *testing.T, s *Store, d Draft, slot int) string {
	t.Helper()
	n, err := name(d.Workspace, d.Key(), slot)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(s.dir, n+".json")
	if err := s.save(path, d); err != nil {
		t.Fatal(err)
	}
	return path
}

// Each campaign counts the drafts of its steps and of their variant B kept
// in this workspace for this team; nothing else counts.
func TestCampaignCountsAreThisWorkspacesAndTeams(t *testing.T) {
	s := Open(t.TempDir())
	now := time.Now()
	inCampaign := func(id, campaign, team string) Draft {
		d := sample(id, "edited", now)
		d.CampaignID, d.Team = campaign, team
		return d
	}
	saveIn(t, s, inCampaign("stp_1", "cam_1", "tea_1"), 1)
	saveIn(t, s, inCampaign("stp_1", "cam_1", "tea_1"), 2) // a separate draft of the same step
	b := inCampaign("stp_2", "cam_1", "")                  // saved before the team was known
	b.Variant = &VariantEdit{Loaded: api.ABVariant{Subject: "B"}, Edited: api.ABVariant{Subject: "B!"}}
	saveIn(t, s, b, 1)
	saveIn(t, s, inCampaign("stp_3", "cam_2", "tea_1"), 1)
	saveIn(t, s, inCampaign("stp_4", "cam_3", "tea_other"), 1) // another team's

	elsewhere := inCampaign("stp_5", "cam_4", "tea_1")
	elsewhere.Workspace = "http://127.0.0.1:7777/api"
	saveIn(t, s, elsewhere, 1)
	// A file named for the demo that says it is another workspace's.
	misnamed := inCampaign("stp_6", "cam_5", "tea_1")
	misnamed.Workspace = "http://127.0.0.1:7777/api"
	n, _ := name("demo", "stp_6", 1)
	if err := s.save(filepath.Join(s.dir, n+".json"), misnamed); err != nil {
		t.Fatal(err)
	}
	// A damaged draft, and one naming a campaign id no lemlist id looks like.
	damaged, _ := name("demo", "stp_7", 1)
	if err := os.WriteFile(filepath.Join(s.dir, damaged+".json"), []byte(`{"workspace":"demo","campaignId":`), 0o600); err != nil {
		t.Fatal(err)
	}
	saveIn(t, s, inCampaign("stp_8", "cam_1\x1b[2J", "tea_1"), 1)
	// An older draft, named without its workspace, that says it is the demo's.
	if err := s.save(s.legacyPath("stp_9"), inCampaign("stp_9", "cam_2", "")); err != nil {
		t.Fatal(err)
	}

	want := map[string]int{"cam_1": 3, "cam_2": 2}
	if got := s.CampaignCounts("demo", "tea_1"); !maps.Equal(got, want) {
		t.Fatalf("CampaignCounts(demo, tea_1) = %v, want %v", got, want)
	}
	// The team not known yet: every team's draft is offered, so every one counts.
	want = map[string]int{"cam_1": 3, "cam_2": 2, "cam_3": 1}
	if got := s.CampaignCounts("demo", ""); !maps.Equal(got, want) {
		t.Fatalf("CampaignCounts(demo, \"\") = %v, want %v", got, want)
	}
	want = map[string]int{"cam_4": 1}
	if got := s.CampaignCounts("http://127.0.0.1:7777/api", "tea_1"); !maps.Equal(got, want) {
		t.Fatalf("the sandbox's counts = %v, want %v", got, want)
	}
	if got := Open(filepath.Join(t.TempDir(), "none")).CampaignCounts("demo", "tea_1"); len(got) != 0 {
		t.Fatalf("a store never written counts %v", got)
	}
}

// BenchmarkCampaignCounts reads 200 drafts of emails with a 10 KB message,
// saved once the team was known:
// what marking the campaign list costs each time it is shown, off the
// update loop.
func BenchmarkCampaignCounts(b *testing.B) {
	s := Open(b.TempDir())
	message := strings.Repeat("<p>A paragraph of an outreach email, long enough to matter.</p>", 160)
	for i := range 200 {
		d := sample(fmt.Sprintf("stp_%d", i), "Subject", time.Now())
		d.CampaignID, d.Team = fmt.Sprintf("cam_%d", i%40), "tea_1"
		d.Loaded.Message, d.Edited.Message = message, message+"!"
		if err := lease(b, s, d.StepID()).Save(d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if n := len(s.CampaignCounts("demo", "")); n != 40 {
			b.Fatalf("%d campaigns counted, want 40", n)
		}
	}
}
