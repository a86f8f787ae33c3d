package preview

import (
	"regexp"
	"strings"
	"testing"

	"lemstep/api"
	"lemstep/theme"
)

// hostile holds terminal control sequences a message from the network
// could carry: window title (OSC 0), clipboard write (OSC 52), clear screen
// (CSI 2J), a DCS payload, 8-bit C1 CSI and OSC, and a bare BEL.
var hostile = []string{
	"\x1b]0;PWNED-TITLE\x07",
	"\x1b]52;c;UFdORUQtQ0xJUA==\x1b\\",
	"\x1b[2J\x1b[H",
	"\x1bPq#0;PWNED-DCS\x1b\\",
	"\u009b31m",
	"\u009d0;PWNED-C1\u009c",
	"\x07",
	"\x1b]8;;https://evil.example\x07",
}

var sgrOnly = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

func assertNoControls(t *testing.T, what, out string) {
	t.Helper()
	rest := sgrOnly.ReplaceAllString(out, "")
	for _, r := range rest {
		if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r <= 0x9f) {
			t.Fatalf("%s: control character %U reaches the output:\n%q", what, r, out)
		}
	}
	for _, payload := range []string{"PWNED", "UFdORUQ", "evil.example"} {
		if strings.Contains(out, payload) {
			t.Fatalf("%s: sequence payload %q reaches the output:\n%q", what, payload, out)
		}
	}
}

func TestControlSequencesNeverReachTheOutput(t *testing.T) {
	themes := map[string]*theme.Theme{"plain": plainTheme(), "dark": theme.New(true, false), "light": theme.New(false, false)}
	evil := strings.Join(hostile, "")
	lead := leadNamed(t, "Jordan")
	lead.Fields["icebreaker"] = "nice" + evil + "talk"
	for name, th := range themes {
		r := NewRenderer(th, DefaultCacheSize)
		for _, typ := range []api.StepType{api.Email, api.LinkedinSend, api.SMS, api.Manual} {
			for _, raw := range []bool{false, true} {
				req := Request{
					Type:    typ,
					Subject: "Hi" + evil + " {{firstName}}",
					Message: "<p>Hello" + evil + " {{firstName}}</p><p><a href=\"https://x.example/" + evil + "\">link" + evil + "</a> {{icebreaker}}</p>",
					Width:   60,
					Lead:    lead,
					Raw:     raw,
				}
				res := r.Render(req)
				what := name + "/" + string(typ)
				assertNoControls(t, what, res.Body)
				if !strings.Contains(res.Body, "Hello") {
					t.Fatalf("%s: the text around the sequences is lost:\n%s", what, res.Body)
				}
				for _, f := range res.Findings {
					assertNoControls(t, what+" finding", f.Message)
				}
			}
		}
	}
}

func TestKeepSGR(t *testing.T) {
	in := "\x1b[1mbold\x1b[m \x1b]8;id=1;https://x\x07link\x1b]8;;\x07 \x1b[2Jafter\x07"
	want := "\x1b[1mbold\x1b[m link after"
	if got := keepSGR(in); got != want {
		t.Errorf("keepSGR = %q, want %q", got, want)
	}
}
