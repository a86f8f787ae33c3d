package cli

import (
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"lemstep/api/sandbox"
)

// A campaign name and a step subject written to spoof the output: a
// newline followed by what looks like another row, and a right-to-left
// override that would show "exe.gpj" reversed.
const (
	spoofName    = "Spring outreach\ncam_fake000000000009  Fake row  running"
	spoofSubject = "Invoice \u202egpj.exe\u200b attached"
)

// startSpoofSandbox serves the CLI workspace with the spoofing name and
// subject planted, and points lemstep at it.
func startSpoofSandbox(t *testing.T) {
	t.Helper()
	ws, err := loadWorkspace("testdata/cli-workspace.json")
	if err != nil {
		t.Fatal(err)
	}
	ws.Campaigns[0].Name = spoofName
	seq := ws.Sequences["cam_spring0000000001"]["seq_main000000000001"]
	seq.Steps[0].Subject = spoofSubject
	ws.Sequences["cam_spring0000000001"]["seq_main000000000001"] = seq
	key := testKey()
	hs := httptest.NewServer(sandbox.New(sandbox.Options{Keys: []string{key}, Workspace: ws, RateLimit: 10000}))
	t.Cleanup(hs.Close)
	dir := t.TempDir()
	t.Setenv("LEMLIST_BASE_URL", hs.URL+"/api")
	t.Setenv("LEMLIST_API_KEY", key)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	t.Setenv("XDG_STATE_HOME", filepath.Join(dir, "state"))
}

func runCapture(t *testing.T, args ...string) string {
	t.Helper()
	streams, out, errOut := NewTestIOStreams("")
	if code := run(args, streams); code != exitOK {
		t.Fatalf("lemstep %s: exit %d, stderr %q", strings.Join(args, " "), code, errOut.String())
	}
	return out.String()
}

// Names and one-line texts are folded to one line in tables and trees, so a
// newline cannot draw a fake row, and bidi and zero-width characters are
// shown as ⟨U+…⟩ there and escaped in --json.
func TestSpoofingTextIsShownForWhatItIs(t *testing.T) {
	startSpoofSandbox(t)

	table := runCapture(t, "campaigns")
	for _, line := range strings.Split(table, "\n") {
		if strings.HasPrefix(line, "cam_fake") {
			t.Errorf("the campaign table has a fake row %q:\n%s", line, table)
		}
	}
	if !strings.Contains(table, "\nSpring outreach cam_fake000000000009 Fake row running  In progress  cam_spring0000000001  q2, sales\n") {
		t.Errorf("the name is not on its campaign's row:\n%s", table)
	}

	tree := runCapture(t, "steps", "cam_spring0000000001")
	if !strings.Contains(tree, "Campaign Spring outreach cam_fake000000000009 Fake row running (cam_spring0000000001)") {
		t.Errorf("the tree's heading is not one line:\n%s", tree)
	}
	if !strings.Contains(tree, "stp_email0000000001  Invoice ⟨U+202E⟩gpj.exe⟨U+200B⟩ attached") {
		t.Errorf("the tree does not show the bidi override and the zero-width space:\n%s", tree)
	}

	asJSON := runCapture(t, "steps", "cam_spring0000000001", "--json")
	if !strings.Contains(asJSON, `"subject": "Invoice \u202egpj.exe\u200b attached"`) {
		t.Errorf("--json does not escape the invisible characters:\n%s", asJSON)
	}
	list := runCapture(t, "campaigns", "--json")
	for _, out := range []string{asJSON, list} {
		if strings.ContainsAny(out, "\u202e\u200b") {
			t.Errorf("--json holds a raw bidi or zero-width character")
		}
	}
	if !strings.Contains(list, `"name": "Spring outreach\ncam_fake000000000009  Fake row  running"`) {
		t.Errorf("--json does not keep the name exactly:\n%s", list)
	}
}
