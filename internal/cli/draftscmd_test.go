package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"lemstep/api"
	"lemstep/internal/draft"
)

// A draft that cannot be read is listed as damaged, with how to remove it:
// "No drafts" would have the user believe nothing was kept.
func TestADamagedDraftIsListedAsDamaged(t *testing.T) {
	h := newHookedSandbox(t)
	dir := filepath.Join(h.state, "lemstep", "drafts")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "stp_email0000000001@0123456789ab.json"), []byte(`{"loaded": {"_id": "stp_em`), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := h.run("drafts")
	if code != 0 || !regexp.MustCompile(`(?m)^stp_email0000000001 +\? +\? +\? +damaged: cannot be read$`).MatchString(out) {
		t.Fatalf("drafts: exit %d, stdout:\n%s", code, out)
	}
	if !regexp.MustCompile("^Warning: the draft of step stp_email0000000001 is damaged: .+\\. `lemstep drafts discard stp_email0000000001` removes it\\.\n$").MatchString(errOut) {
		t.Fatalf("drafts stderr = %q", errOut)
	}
	out, _, code = h.run("drafts", "--json")
	if code != 0 || out != "[]\n" {
		t.Fatalf("drafts --json: exit %d, %q", code, out)
	}
	out, _, code = h.run("drafts", "discard", "stp_email0000000001")
	if code != 0 || out != "Discarded the draft of step stp_email0000000001.\n" {
		t.Fatalf("discard: exit %d, %q", code, out)
	}
	if out, _, _ = h.run("drafts"); out != "No drafts: every edit made in the editor was sent or discarded.\n" {
		t.Fatalf("after the discard: %q", out)
	}
}

// A draft of variant B is listed apart from the step's, with B's fields,
// and discarding the step's drafts removes it too.
func TestADraftOfVariantBIsListedAsB(t *testing.T) {
	h := newHookedSandbox(t)
	store := draft.Open(filepath.Join(h.state, "lemstep", "drafts"))
	b := api.ABVariant{StepID: "stp_email0000000001", Subject: "Old"}
	edited := b
	edited.Subject, edited.CC = "New", []string{"ops@example.com"}
	d := draft.Draft{Workspace: "demo", CampaignID: "cam_1", SavedAt: time.Now(),
		Loaded:  api.Step{ID: b.StepID, Type: api.Email},
		Edited:  api.Step{ID: b.StepID, Type: api.Email},
		Variant: &draft.VariantEdit{Loaded: b, Edited: edited}}
	l, err := store.Lock("demo", d.Key())
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Save(d); err != nil {
		t.Fatal(err)
	}
	l.Release()
	out, _, code := h.run("drafts")
	if code != 0 || !regexp.MustCompile(`(?m)^stp_email0000000001 \(B\) .* subject, cc$`).MatchString(out) {
		t.Fatalf("drafts: exit %d, stdout:\n%s", code, out)
	}
	out, _, code = h.run("drafts", "discard", "stp_email0000000001")
	if code != 0 || out != "Discarded the draft of step stp_email0000000001.\n" {
		t.Fatalf("discard: exit %d, %q", code, out)
	}
	if _, ok, _ := store.Peek("demo", d.Key()); ok {
		t.Fatal("B's draft survived discarding the step's drafts")
	}
}
