package preview

import (
	"strings"
	"testing"

	"lemstep/api"
)

// lintFindings lints a step the way the editor does: the findings of a
// render for the lead.
func lintFindings(typ api.StepType, subject, message string, lead Lead) []Finding {
	req := Request{Type: typ, Subject: subject, Message: message, Lead: lead}
	return NewRenderer(plainTheme(), 0).Render(req).Findings
}

func TestLintUnknownVariables(t *testing.T) {
	jordan := leadNamed(t, "Jordan")
	fs := lintFindings(api.LinkedinSend, "", "Hi {{firstname}}, {{compnyName}} and {{favoriteColor}} {{favoriteColor}}", jordan)
	f := findOne(t, fs, Warning, "{{firstname}}")
	if !strings.Contains(f.Message, "did you mean {{firstName}}") || f.Offset != 3 || f.Line != 1 || f.Col != 4 {
		t.Errorf("case near-miss: %+v", f)
	}
	f = findOne(t, fs, Warning, "{{compnyName}}")
	if !strings.Contains(f.Message, "did you mean {{companyName}}") {
		t.Errorf("typo near-miss: %+v", f)
	}
	f = findOne(t, fs, Warning, "{{favoriteColor}}")
	if strings.Contains(f.Message, "did you mean") {
		t.Errorf("no suggestion expected for a name far from every field: %+v", f)
	}

	ok := lintFindings(api.LinkedinSend, "", "{{firstName}} {{lastName}} {{jobTitle}} {{senderName}} {{signature}} {% if icebreaker %}{{icebreaker}}{% endif %}", jordan)
	if len(ok) != 0 {
		t.Errorf("known variables flagged: %v", ok)
	}
	custom := Lead{Name: "custom", Fields: map[string]string{"firstName": "A", "favoriteColor": "teal"}}
	noFinding(t, lintFindings(api.SMS, "", "{{favoriteColor}}", custom), "favoriteColor")
}

func TestLintUnknownVariableInCondition(t *testing.T) {
	fs := lintFindings(api.SMS, "", `{% if jobtitle == "CEO" and companyName %}x{% endif %}`, leadNamed(t, "Jordan"))
	f := findOne(t, fs, Warning, "{{jobtitle}}")
	if !strings.Contains(f.Message, "{{jobTitle}}") {
		t.Errorf("got %+v", f)
	}
	noFinding(t, fs, "CEO")
}

func TestLintMissingFieldIsInfoOnlyWhenShown(t *testing.T) {
	sam := leadNamed(t, "Sam")
	f := findOne(t, lintFindings(api.SMS, "", "at {{companyName}}", sam), Info, "no companyName")
	if f.Offset != 3 {
		t.Errorf("offset %d, want 3", f.Offset)
	}
	noFinding(t, lintFindings(api.SMS, "", `at {{companyName | default: "your team"}}`, sam), "companyName")
	noFinding(t, lintFindings(api.SMS, "", `{% if companyName %}at {{companyName}}{% endif %}`, sam), "companyName")
}

func TestLintLiquidSyntax(t *testing.T) {
	jordan := leadNamed(t, "Jordan")
	cases := []struct {
		msg       string
		sev       Severity
		substr    string
		line, col int
	}{
		{"Hi\n  {% if companyName %}x", Blocking, "{% if %} is never closed", 2, 3},
		{"Hi {{firstName", Blocking, `"{{" is never closed`, 1, 4},
		{"Hi {% if x", Blocking, `"{%" is never closed`, 1, 4},
		{"Hi firstName}} there", Warning, `"}}" without an opening`, 1, 13},
		{"x\n{% endif %}", Blocking, "{% endif %} without a matching {% if %}", 2, 1},
		{"é{% else %}", Blocking, "{% else %} outside", 1, 2},
		{"ok\n{{ firstName | }}", Blocking, "Liquid:", 2, 1},
	}
	for _, c := range cases {
		f := findOne(t, lintFindings(api.SMS, "", c.msg, jordan), c.sev, c.substr)
		if f.Line != c.line || f.Col != c.col || f.Field != api.FieldMessage {
			t.Errorf("%q: finding at %s %d:%d, want message %d:%d", c.msg, f.Field, f.Line, f.Col, c.line, c.col)
		}
	}
	for _, good := range []string{
		"{% if a %}1{% elsif b %}2{% else %}3{% endif %}",
		"{% case jobTitle %}{% when \"CEO\" %}boss{% else %}hi{% endcase %}",
		"{% raw %}{{ not liquid {% if %}{% endraw %}",
		"{{firstName}}",
	} {
		for _, f := range lintFindings(api.SMS, "", good, jordan) {
			if f.Severity == Blocking {
				t.Errorf("%q: unexpected %v", good, f)
			}
		}
	}
}

func TestLintSubjectSyntaxPointsAtSubject(t *testing.T) {
	fs := lintFindings(api.Email, "Hi {{firstName", "<p>Body</p>", leadNamed(t, "Jordan"))
	f := findOne(t, fs, Blocking, "never closed")
	if f.Field != api.FieldSubject || f.Offset != 3 {
		t.Errorf("got %+v", f)
	}
}

func TestLintEmptyMessage(t *testing.T) {
	lead := leadNamed(t, "Jordan")
	for _, typ := range []api.StepType{api.Email, api.SMS, api.WhatsappMessage, api.LinkedinSend} {
		for _, empty := range []string{"", "  \n", "<p><br></p><p>&nbsp;</p>"} {
			if typ != api.Email && strings.Contains(empty, "<") {
				continue
			}
			findOne(t, lintFindings(typ, "s", empty, lead), Blocking, "the message is empty")
		}
		noFinding(t, lintFindings(typ, "s", "<p>Hi</p>", lead), "empty")
	}
	for _, typ := range []api.StepType{api.LinkedinInvite, api.Manual, api.Phone} {
		noFinding(t, lintFindings(typ, "", "", lead), "empty")
	}
}

func TestLintHeadingLength(t *testing.T) {
	lead := leadNamed(t, "Jordan")
	at400 := strings.Repeat("é", 390) + "{{x}}12345"[:10]
	if n := len([]rune(at400)); n != 400 {
		t.Fatalf("setup: %d runes", n)
	}
	noFinding(t, lintFindings(api.Email, at400, "<p>x</p>", lead), "characters: lemlist accepts")
	f := findOne(t, lintFindings(api.Email, at400+"!", "<p>x</p>", lead), Blocking, "401 characters")
	if f.Field != api.FieldSubject || f.Offset != -1 {
		t.Errorf("got %+v", f)
	}
	f = findOne(t, lintFindings(api.Manual, strings.Repeat("a", 401), "note", lead), Blocking, "401 characters")
	if f.Field != api.FieldTitle {
		t.Errorf("manual step: field %s, want title", f.Field)
	}
	noFinding(t, lintFindings(api.SMS, strings.Repeat("a", 500), "x", lead), "characters")
}

func TestLintSoftLimits(t *testing.T) {
	lead := leadNamed(t, "Jordan") // firstName "Jordan": 6 characters
	invite := strings.Repeat("a", 294) + "{{firstName}}"
	noFinding(t, lintFindings(api.LinkedinInvite, "", invite, lead), "LinkedIn")
	f := findOne(t, lintFindings(api.LinkedinInvite, "", invite+"!", lead), Warning, "301 characters")
	if !strings.Contains(f.Message, "300") {
		t.Errorf("got %+v", f)
	}
	noFinding(t, lintFindings(api.WhatsappMessage, "", strings.Repeat("a", 4096), lead), "WhatsApp")
	findOne(t, lintFindings(api.WhatsappMessage, "", strings.Repeat("a", 4097), lead), Warning, "WhatsApp")
	noFinding(t, lintFindings(api.SMS, "", strings.Repeat("a", 160), lead), "segments")
	findOne(t, lintFindings(api.SMS, "", strings.Repeat("a", 161), lead), Warning, "2 SMS segments")
	findOne(t, lintFindings(api.SMS, "", strings.Repeat("a", 155)+"{{firstName}}", lead), Warning, "2 SMS segments")
}

func TestLintSanitizesBeforeChecking(t *testing.T) {
	fs := lintFindings(api.SMS, "", "\x1b]0;title\x07Hi {{firstname}}", leadNamed(t, "Jordan"))
	f := findOne(t, fs, Warning, "{{firstname}}")
	if f.Offset != 3 {
		t.Errorf("offset %d should refer to the cleaned text", f.Offset)
	}
}

func TestSuggestAndLevenshtein(t *testing.T) {
	if d := levenshtein("kitten", "sitting"); d != 3 {
		t.Errorf("levenshtein = %d", d)
	}
	known := []string{"firstName", "lastName", "companyName"}
	for in, want := range map[string]string{
		"FIRSTNAME": "firstName", "lastNme": "lastName", "compnyNam": "companyName", "city": "",
	} {
		if got := suggest(in, known); got != want {
			t.Errorf("suggest(%q) = %q, want %q", in, got, want)
		}
	}
}
