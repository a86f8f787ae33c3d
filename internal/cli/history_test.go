package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"lemstep/internal/draft"
	"lemstep/internal/journal"
)

func TestCampaignNameFallsBackToTheID(t *testing.T) {
	for _, tc := range []struct{ name, id, want string }{
		{"Spring outreach", "cam_1", "Spring outreach"},
		{"Spring\n  outreach \x1b[2J", "cam_1", "Spring outreach"},
		{"", "cam_1", "cam_1"},
		{"\x1b[2J \n", "cam_\x1b[31m1", "cam_1"},
	} {
		if got := campaignName(tc.name, tc.id); got != tc.want {
			t.Errorf("campaignName(%q, %q) = %q, want %q", tc.name, tc.id, got, tc.want)
		}
	}
}

func TestManyWorkspaces(t *testing.T) {
	entryWorkspace := func(e journal.Entry) string { return e.Workspace }
	draftWorkspace := func(d draft.Draft) string { return d.Workspace }
	if manyWorkspaces(nil, entryWorkspace) {
		t.Error("no entries come from many workspaces")
	}
	if manyWorkspaces([]journal.Entry{{Workspace: "demo"}, {Workspace: "demo"}}, entryWorkspace) {
		t.Error("entries of one workspace come from many")
	}
	if !manyWorkspaces([]journal.Entry{{Workspace: "demo"}, {Workspace: "demo"}, {Workspace: "https://api.lemlist.com/api"}}, entryWorkspace) {
		t.Error("entries of two workspaces come from one")
	}
	if !manyWorkspaces([]draft.Draft{{Workspace: "demo"}, {Workspace: "http://127.0.0.1:7777/api"}}, draftWorkspace) {
		t.Error("drafts of two workspaces come from one")
	}
}

// A journal holding a line past 16 MiB (an update with a 20 MB message) and
// a line whose id would overflow: later updates are still journaled with
// the next id, history lists every readable entry and names the damaged
// line, and undo picks the latest real entry.
func TestHistoryAndUndoReadPastHugeAndDamagedLines(t *testing.T) {
	h := newHookedSandbox(t)
	if _, errOut, code := h.run("update", "seq_main000000000001", "stp_email0000000001", "--type", "email",
		"--subject", "First", "--in-campaign", "cam_spring0000000001"); code != 0 {
		t.Fatalf("first update: exit %d: %s", code, errOut)
	}
	first := h.journal()[0]
	huge := first
	huge.ID, huge.After.Message = 2, text(strings.Repeat("Hello there. ", 20<<20/13))
	line, err := json.Marshal(huge)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(h.state, "lemstep", "journal.jsonl")
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(f, "%s\n{\"id\":9223372036854775807,\"stepId\":\"stp_phone0000000001\",\"type\":\"phone\"}\n", line)
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}

	_, errOut, code := h.run("update", "seq_no00000000000001", "stp_phone0000000001", "--type", "phone", "--delay", "4")
	if code != 0 || strings.Contains(errOut, "journal") {
		t.Fatalf("update after the huge line: exit %d, stderr %q; want it journaled", code, errOut)
	}
	out, errOut, code := h.run("history")
	if code != 0 || !regexp.MustCompile(`(?s)^ID .*\n#3 .*Phone call · Call about the proposal.*\n#2 .*\n#1 .*\n$`).MatchString(out) {
		t.Fatalf("history: exit %d, stdout:\n%s", code, out)
	}
	if want := "Warning: the journal " + path + " has 1 line lemstep cannot read; it is skipped: line 3 has the id 9223372036854775807, not a whole number from 1 to 9007199254740991.\n"; errOut != want {
		t.Fatalf("history stderr = %q\nwant %q", errOut, want)
	}
	out, _, code = h.run("undo", "--yes")
	if code != 0 || !strings.Contains(out, "\nUndid entry #3: \"Spring outreach\" › Phone call · Call about the proposal has its earlier delay back.\n") {
		t.Fatalf("undo: exit %d, stdout %q", code, out)
	}
	if es := h.journal(); len(es) != 4 || es[3].ID != 4 || es[3].Undoes != 3 {
		t.Fatalf("the undo was journaled as %+v", es[len(es)-1])
	}
}
