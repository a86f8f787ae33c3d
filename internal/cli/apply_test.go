package cli

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"lemstep/api"
)

// applyFile writes an apply file of the entries given, one YAML list item
// each, and returns its path.
func applyFile(t *testing.T, entries ...string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "fixes.yaml")
	writeFile(t, file, "- "+strings.Join(entries, "\n- ")+"\n")
	return file
}

// threeUpdates are apply entries for three steps of two sequences of one
// campaign: the email (changed as emailChange says), the phone call and
// the manual task.
func threeUpdates(emailChange string) []string {
	return []string{
		"{sequenceId: seq_main000000000001, stepId: stp_email0000000001, type: email, " + emailChange + "}",
		"{sequenceId: seq_no00000000000001, stepId: stp_phone0000000001, type: phone, message: Mine}",
		"{sequenceId: seq_no00000000000001, stepId: stp_manual000000001, type: manual, title: Ours}",
	}
}

// During an apply, after the file was checked, a teammate edits a step a
// later entry changes: that entry is not sent, the others are, and the
// journal has only theirs. The edit lands just before the campaign's one
// read for sending (the check read it first), which is what every entry
// of the campaign is checked against.
func TestApplyCatchesAnEditDuringTheRun(t *testing.T) {
	h := newHookedSandbox(t)
	file := applyFile(t, threeUpdates("delay: 3")...)
	h.editOnRead(2, "stp_phone0000000001", api.StepUpdate{Message: text("Theirs")})
	out, errOut, code := h.run("apply", "--keep-going", file)
	if code != exitFailure {
		t.Fatalf("exit code %d, want 1\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	for _, want := range []string{
		"[2/3] failed: entry 2 (step stp_phone0000000001) in sequence seq_no00000000000001: step stp_phone0000000001 changed on lemlist since it was loaded (message); nothing was sent\n" +
			"    Message\n" +
			"      loaded       Call about the proposal\n" +
			"      lemlist now  {+Theirs+}\n" +
			"      yours        {+Mine+}\n",
		"[3/3] updated: entry 3",
		"Updated 2 of 3 steps. 1 failed.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks:\n%s\nstdout:\n%s", want, out)
		}
	}
	if !strings.Contains(errOut, "--force sends an update over what someone changed on lemlist") {
		t.Errorf("stderr does not mention --force: %s", errOut)
	}
	if n := h.patches(); n != 2 {
		t.Errorf("the sandbox received %d PATCH requests, want 2", n)
	}
	entries := h.journal()
	if len(entries) != 2 || entries[0].StepID != "stp_email0000000001" || entries[1].StepID != "stp_manual000000001" {
		t.Errorf("journal entries %+v, want the email and the manual step", entries)
	}
}

// lemlist refuses an update the check let through: its words are shown,
// the run stops there without --keep-going, and the entries after it are
// listed as not sent.
func TestApplyStopsAtLemlistsFirstRefusal(t *testing.T) {
	h := newHookedSandbox(t)
	file := applyFile(t, threeUpdates("subject: Fixed subject")...)
	h.setHook(func(w http.ResponseWriter, r *http.Request) bool {
		if r.Method == http.MethodPatch && strings.HasSuffix(r.URL.Path, "/stp_phone0000000001") {
			http.Error(w, "Error from updateStep", http.StatusBadRequest)
			return true
		}
		return false
	})
	out, errOut, code := h.run("apply", file)
	if code != exitFailure {
		t.Fatalf("exit code %d, want 1\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	for _, want := range []string{
		"[1/3] updated: entry 1 (step stp_email0000000001)",
		"[2/3] failed: entry 2 (step stp_phone0000000001) in sequence seq_no00000000000001: lemlist refused the update of step stp_phone0000000001: Error from updateStep.",
		"Error from updateStep",
		"Updated 1 of 3 steps. 1 failed. 1 not sent.\n",
		"Not sent:\n  entry 3 (step stp_manual000000001) in sequence seq_no00000000000001\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q\nstdout:\n%s", want, out)
		}
	}
	if strings.Contains(out, "[3/3]") {
		t.Errorf("entry 3 was tried after the failure:\n%s", out)
	}
	if !strings.Contains(errOut, "1 update of 3 failed; see the summary above") {
		t.Errorf("stderr: %s", errOut)
	}
	if n := h.patches(); n != 1 {
		t.Errorf("the sandbox received %d PATCH requests, want 1 (the hook answered the second)", n)
	}
	if entries := h.journal(); len(entries) != 1 || entries[0].StepID != "stp_email0000000001" {
		t.Errorf("journal %+v, want only the email's update", entries)
	}
}

// An apply pays about one request per update: the campaigns are listed
// and each campaign read once to check the file, then read once more for
// the conflict check of all its entries, and each entry is one PATCH. A
// file changing one step twice sends the second from the first's result.
func TestApplyReadsEachCampaignOncePerBatch(t *testing.T) {
	h := newHookedSandbox(t)
	file := applyFile(t, append(threeUpdates("delay: 3"),
		"{sequenceId: seq_main000000000001, stepId: stp_email0000000001, type: email, delay: 4}")...)
	out, errOut, code := h.run("apply", file)
	if code != exitOK {
		t.Fatalf("exit code %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	reads := map[string]int{}
	others := 0
	for _, r := range h.server.Received() {
		switch {
		case r.Method == http.MethodGet && strings.HasSuffix(r.Path, "/sequences"):
			reads[r.Path]++
		case r.Method != http.MethodPatch && !strings.HasPrefix(r.Path, "/campaigns"):
			others++
		}
	}
	if len(reads) != 1 || h.patches() != 4 || others != 0 {
		t.Fatalf("sequence reads %v, %d PATCH, %d other requests; want one campaign, 4 PATCH", reads, h.patches(), others)
	}
	for path, n := range reads {
		if n != 2 {
			t.Errorf("%s read %d times, want twice (the check, then the batch)", path, n)
		}
	}
	entries := h.journal()
	if len(entries) != 4 || entries[3].Before.Delay == nil || *entries[3].Before.Delay != 3 {
		t.Fatalf("journal %+v; the second update of the email must start from the first's delay 3", entries)
	}
}

// A teammate's edit seen in the batch's read is confirmed with a fresh read
// of the step before anything is decided: with --force, the update goes
// out over lemlist's latest values, and the journal's before holds theirs.
func TestApplyForceRereadsAStepTheBatchFoundChanged(t *testing.T) {
	h := newHookedSandbox(t)
	file := applyFile(t, "{sequenceId: seq_no00000000000001, stepId: stp_phone0000000001, type: phone, message: Mine}")
	reads := h.editOnRead(2, "stp_phone0000000001", api.StepUpdate{Message: text("Theirs")})
	out, errOut, code := h.run("apply", "--force", file)
	if code != exitOK {
		t.Fatalf("exit code %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	if reads() != 3 || h.patches() != 1 {
		t.Fatalf("%d sequence reads and %d PATCH; want the check, the batch, the step's own read, then one PATCH", reads(), h.patches())
	}
	entries := h.journal()
	if len(entries) != 1 || entries[0].Before.Message == nil || *entries[0].Before.Message != "Theirs" {
		t.Fatalf("journal %+v; before must hold the teammate's message", entries)
	}
}
