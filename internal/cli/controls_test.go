package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Control characters (ESC, NUL, C1…) from flags or files never reach a
// lemlist field unless --allow-control says so: the command exits 2 naming
// the field and where the character is. Tab, newline and CR are text.
func TestControlCharactersInFieldsAreRefused(t *testing.T) {
	h := newHookedSandbox(t)
	dir := t.TempDir()
	message := filepath.Join(dir, "message.html")
	if err := os.WriteFile(message, []byte("<p>Hi</p>\n<p>a\x00b</p>\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	refused := []struct {
		name string
		args []string
		want string
	}{
		{"ESC in a flag", []string{"update", "seq_main000000000001", "stp_email0000000001", "--type", "email", "--subject", "Hi \x1b]0;owned\x07", "--dry-run"},
			"  - subject: character 4 is ESC (U+001B), a control character a terminal acts on; remove it, or give --allow-control to send it as it is.\n"},
		{"NUL in a message file", []string{"update", "seq_main000000000001", "stp_email0000000001", "--type", "email", "--message-file", message, "--dry-run"},
			"  - message: line 2, column 5 is NUL (U+0000)"},
		{"C1 in a list item", []string{"update", "seq_yes0000000000001", "stp_send00000000001", "--type", "linkedinSend", "--image", "https://c.example/a.png", "--image", "https://c.example/\u009b2J.png", "--dry-run"},
			"  - images: item 2, character 19 is the C1 control U+009B"},
		{"DEL in a title", []string{"update", "seq_no00000000000001", "stp_manual000000001", "--type", "manual", "--title", "Call\x7f", "--dry-run"},
			"  - title: character 5 is DEL (U+007F)"},
		{"a byte that is not UTF-8", []string{"update", "seq_main000000000001", "stp_email0000000001", "--type", "email", "--subject", "caf\xe9", "--dry-run"},
			"  - subject: character 4 is a byte that is not UTF-8"},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := h.run(tt.args...)
			if code != exitUsage || out != "" || !strings.HasPrefix(errOut, "Error: nothing was sent: the update holds control characters\n") || !strings.Contains(errOut, tt.want) {
				t.Fatalf("exit %d, stdout %q, stderr %q; want exit 2, nothing printed, and %q", code, out, errOut, tt.want)
			}
		})
	}

	out, errOut, code := h.run("update", "seq_main000000000001", "stp_email0000000001", "--type", "email", "--message", "a\tb\r\nc\nd", "--dry-run")
	if code != exitOK || !strings.Contains(out, `"message":"a\tb\r\nc\nd"`) {
		t.Errorf("tab, CR and newline: exit %d, stdout %q, stderr %q; want them sent", code, out, errOut)
	}
	out, errOut, code = h.run("update", "seq_main000000000001", "stp_email0000000001", "--type", "email", "--subject", "Hi \x1b[1m", "--allow-control", "--dry-run")
	if code != exitOK || !strings.Contains(out, `"subject":"Hi \u001b[1m"`) {
		t.Errorf("--allow-control: exit %d, stdout %q, stderr %q; want the ESC sent", code, out, errOut)
	}
}

func TestControlCharactersInApplyFilesAreRefused(t *testing.T) {
	h := newHookedSandbox(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "fixes.yaml")
	yaml := "- {sequenceId: seq_main000000000001, stepId: stp_email0000000001, type: email, subject: \"ok\"}\n" +
		"- {sequenceId: seq_main000000000001, stepId: stp_email0000000001, type: email, subject: \"Hi\\e[2J\", message: \"x\\0\"}\n"
	if err := os.WriteFile(file, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := h.run("apply", "--dry-run", file)
	if h.patches() != 0 {
		t.Errorf("the sandbox received %d PATCH requests, want none", h.patches())
	}
	for _, want := range []string{
		"  - entry 2 (step stp_email0000000001): subject: character 3 is ESC (U+001B)",
		"  - entry 2 (step stp_email0000000001): message: character 2 is NUL (U+0000)",
	} {
		if code != exitUsage || out != "" || !strings.Contains(errOut, want) {
			t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 and %q", code, out, errOut, want)
		}
	}
	out, _, code = h.run("apply", "--dry-run", "--allow-control", file)
	if code != exitOK || !strings.Contains(out, `"subject":"Hi\u001b[2J"`) {
		t.Errorf("--allow-control: exit %d, stdout %q; want both entries", code, out)
	}
}
