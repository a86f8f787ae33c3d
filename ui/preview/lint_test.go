package preview

import (
	"strings"
	"testing"
	"unicode/utf8"

	"pgregory.net/rapid"

	"lemstep/api"
	"lemstep/internal/textplace"
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
		{"Hi firstName}} there", Warning, `"}}" closes nothing: the "{{" before it is missing or mistyped`, 1, 13},
		{"x\n{% endif %}", Blocking, "This {% endif %} closes nothing: there is no {% if %} before it", 2, 1},
		{"é{% else %}", Blocking, "{% else %} only works between {% if %} and {% endif %}", 1, 2},
		{"ok\n{{ firstName | }}", Blocking, "lemlist cannot fill in the variables here", 2, 1},
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
			findOne(t, lintFindings(typ, "s", empty, lead), Blocking, "The message is empty; "+typ.Noun()+" needs one")
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
	noFinding(t, lintFindings(api.Email, at400, "<p>x</p>", lead), "lemlist accepts at most")
	f := findOne(t, lintFindings(api.Email, at400+"!", "<p>x</p>", lead), Blocking, "The subject is 401 characters long; lemlist accepts at most 400")
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

func TestLintSMSSaysWhichCharacterForcesUnicode(t *testing.T) {
	lead := leadNamed(t, "Jordan")
	f := findOne(t, lintFindings(api.SMS, "", strings.Repeat("a", 69)+"’s", lead), Warning, "2 SMS segments")
	for _, want := range []string{`"’" is not in the SMS alphabet`, "one SMS holds 70 characters instead of 160"} {
		if !strings.Contains(f.Message, want) {
			t.Errorf("%q lacks %q", f.Message, want)
		}
	}
	f = findOne(t, lintFindings(api.SMS, "", strings.Repeat("a", 60)+"“quoted” — 🚀", lead), Warning, "2 SMS segments")
	if !strings.Contains(f.Message, `"“" and 3 other characters are not in the SMS alphabet`) {
		t.Errorf("several characters: %q", f.Message)
	}
	f = findOne(t, lintFindings(api.SMS, "", strings.Repeat("a", 161), lead), Warning, "2 SMS segments")
	if !strings.Contains(f.Message, "161 characters") || !strings.Contains(f.Message, "one SMS holds 160 characters") || strings.Contains(f.Message, "Unicode") {
		t.Errorf("plain text: %q", f.Message)
	}
}

func TestLintOffersTheFixOfCommonMisspellings(t *testing.T) {
	lead := leadNamed(t, "Jordan")
	msg := `<p>Hi {{firstName}}, I beleive you will recieve <a href="https://x.example/recieve">the deck</a> this week.</p>`
	fs := lintFindings(api.Email, "Definately worth a look for your team", msg, lead)
	f := findOne(t, fs, Info, `"beleive" looks like a misspelling of "believe"`)
	if fixed, ok := f.Fix.Apply(msg); !ok || !strings.Contains(fixed, "I believe you will recieve") {
		t.Errorf("fix of beleive: %q %v", fixed, ok)
	}
	findOne(t, fs, Info, `"recieve" looks like a misspelling of "receive"`)
	s := findOne(t, fs, Info, `"Definately" looks like a misspelling of "Definitely"`)
	if s.Field != api.FieldSubject || s.Fix.New != "Definitely" {
		t.Errorf("subject typo: %+v", s)
	}
	count := 0
	for _, f := range fs {
		if strings.Contains(f.Message, "recieve") {
			count++
		}
	}
	if count != 1 {
		t.Errorf("the address's recieve is not copy: %d findings", count)
	}
	if _, ok := f.Fix.Apply("Hi, I changed it"); ok {
		t.Error("a fix applied to text that no longer holds the word")
	}
	// A subject too short to tell is judged with its message.
	short := lintFindings(api.Email, "Quick question, I beleive", "<p>Hi, this is a note for you and your team.</p>", lead)
	if f := findOne(t, short, Info, `"beleive"`); f.Field != api.FieldSubject {
		t.Errorf("short subject: %+v", f)
	}
	// Copy that is not English is left alone, and so is the preview's gate.
	noFinding(t, lintFindings(api.SMS, "", "Bonjour, je voudrais recieve", lead), "misspelling")
	for _, f := range Lint(update(api.Email, map[api.Field]any{api.FieldSubject: "Definately worth a look for your team"})) {
		if f.Severity == Info {
			t.Errorf("Lint, which gates a send, lists an info finding: %v", f)
		}
	}
}

// The cursor the misspellings are placed with gives lineCol's answer for
// any order of offsets.
func TestLineCursorIsLineCol(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		src := rapid.StringOfN(rapid.SampledFrom([]rune("ab\né ")), 0, 60, -1).Draw(t, "src")
		c := textplace.NewLineCursor(src)
		for _, off := range rapid.SliceOfN(rapid.IntRange(0, len(src)), 1, 10).Draw(t, "offsets") {
			for off > 0 && off < len(src) && !utf8.RuneStart(src[off]) {
				off--
			}
			l1, c1 := lineCol(src, off)
			if l2, c2 := c.At(off); l1 != l2 || c1 != c2 {
				t.Fatalf("%q at %d: lineCol %d:%d, cursor %d:%d", src, off, l1, c1, l2, c2)
			}
		}
	})
}
