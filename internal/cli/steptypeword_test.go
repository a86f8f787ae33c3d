package cli

import (
	"errors"
	"strings"
	"testing"

	"lemstep/api"
)

// Every type is read from its API word and from the name lemstep shows,
// in any case and spelled with spaces, hyphens or underscores, and each
// of those words reads as that type alone.
func TestParseStepTypeReadsTheWordsPeopleUse(t *testing.T) {
	for _, want := range api.StepTypes() {
		label := want.Label()
		for _, word := range []string{
			string(want), strings.ToUpper(string(want)), label, strings.ToLower(label),
			strings.ReplaceAll(label, " ", "-"), strings.ReplaceAll(strings.ToUpper(label), " ", "_"), "  " + label + " ",
		} {
			got, err := parseStepType(word)
			if err != nil || got != want {
				t.Errorf("parseStepType(%q) = %q, %v; want %q", word, got, err, want)
			}
		}
	}
}

// A piece of several names is ambiguous and lists them; a near miss or a
// piece of one name is offered; anything else lists every word. All are
// usage errors.
func TestParseStepTypeRefusesAmbiguousAndUnknownWords(t *testing.T) {
	for _, c := range []struct{ word, says string }{
		{"LinkedIn", `--type "LinkedIn" could be linkedinVisit, linkedinInvite, linkedinSend (LinkedIn message), linkedinVoiceNote, ` +
			"linkedinFollow, linkedinLikeLastPost, linkedinCommentLastPost, linkedinEndorse or linkedinWithdrawInvitation (LinkedIn withdraw invite); give one of them"},
		{"message", `could be linkedinSend (LinkedIn message) or whatsappMessage;`},
		{"call", `could be phone (Phone call) or api (API call);`},
		{"emial", `--type "emial" is not a step type lemlist knows; did you mean email? --type takes`},
		{"Linkedin invit", `did you mean linkedinInvite?`},
		{"condtion", `did you mean conditional (Condition)?`},
		{"task", `did you mean manual (Manual task)?`},
		{"newsletter", `--type "newsletter" is not a step type lemlist knows. --type takes the API's word or the name lemstep shows, in any case: ` +
			"email, manual (Manual task), phone (Phone call), api (API call), linkedinVisit,"},
		{"", `--type "" is not a step type lemlist knows.`},
		{"a\x1b[31m", `--type "a" is not`}, // a terminal's escape is stripped
	} {
		_, err := parseStepType(c.word)
		var ee *exitError
		if !errors.As(err, &ee) || ee.code != exitUsage {
			t.Errorf("parseStepType(%q): %v, want a usage error", c.word, err)
			continue
		}
		if !strings.Contains(err.Error(), c.says) {
			t.Errorf("parseStepType(%q):\n%s\nwant it to say:\n%s", c.word, err, c.says)
		}
	}
}
