package ui

import (
	"regexp"
	"strings"
	"testing"
)

// A copywriter writes in the message as in any editor: the email shows as
// text, enter starts a new line, "{{" offers the lead's variables, and what
// was typed is sent as HTML in the message's own conventions (a line break
// inside the last paragraph is its <br>).
func TestEnterAndVariableCompletionInTheMessage(t *testing.T) {
	s := startSession(t, 120, 40)
	s.openCampaign("Q4 SaaS founders")
	s.openStep("Quick question")
	before := s.stepWithSubject(quickQuestion).Message
	s.press("tab") // to the message
	s.waitText("enter new line")
	s.press("ctrl+end", "enter")
	s.typePSWithCompanyNameFromTheList()
	s.submit("1 change")
	got := s.onlyPatch()
	want := strings.Replace(before, "Maya</p>", "Maya<br>PS: {{companyName}} rocks</p>", 1)
	if got["message"] != want || len(got) != 2 {
		t.Fatalf("PATCH body = %v, want the message with the new line and the variable", got)
	}
}

// typePSWithCompanyNameFromTheList types "PS: {{comp" in the focused
// text, inserts {{companyName}} from the list "{{" opened, and types on:
// "PS: {{companyName}} rocks".
func (s *session) typePSWithCompanyNameFromTheList() {
	s.t.Helper()
	s.typeText("PS: {{comp")
	s.waitText("{{companyName}}")
	s.waitText("enter inserts")
	s.press("enter")
	s.waitFor("the list closed", func(scr string) bool { return !strings.Contains(scr, "enter inserts") })
	s.typeText(" rocks")
}

// ctrl+r shows what reverting would undo; f puts back the focused field
// only, and the other edits are sent.
func TestRevertTheFocusedField(t *testing.T) {
	s := startSession(t, 120, 40)
	s.openCampaign("Q4 SaaS founders")
	s.openStep("Quick question")
	s.revertTheMessageKeepingTheSubject()
	s.submit("1 change")
	s.wantPatch(map[string]any{"type": "email", "subject": quickQuestion + " today"})
}

// revertTheMessageKeepingTheSubject adds " today" to the open editor's
// subject and "DROP ME " to its message, then reverts the message alone:
// ctrl+r shows what reverting would undo, f puts the focused field back.
func (s *session) revertTheMessageKeepingTheSubject() {
	s.t.Helper()
	s.press("end")
	s.typeText(" today")
	s.press("tab")
	s.waitText("enter new line")
	s.typeText("DROP ME ")
	s.press("ctrl+r")
	scr := s.waitText("Revert to lemlist's values")
	if !strings.Contains(scr, "f puts Message back") || !strings.Contains(scr, "DROP ME") {
		s.t.Fatalf("the revert screen does not show the message's edit:\n%s", scr)
	}
	s.press("f")
	s.waitFor("the editor without the message's edit", func(scr string) bool {
		return strings.Contains(scr, "ctrl+s review") && !strings.Contains(scr, "DROP ME")
	})
	if scr := s.screen(); !strings.Contains(scr, "enter new line") {
		s.t.Fatalf("the focus left the message after reverting it:\n%s", scr)
	}
}

// ctrl+t shows an email's HTML and back; neither switch changes the message.
func TestCtrlTSwitchesBetweenTextAndHTML(t *testing.T) {
	s := startSession(t, 120, 40)
	s.openCampaign("Q4 SaaS founders")
	s.openStep("Quick question")
	s.press("tab")
	s.waitText("enter new line")
	if scr := s.screen(); strings.Contains(scr, "<p style=") {
		t.Fatalf("the message opened as HTML:\n%s", scr)
	}
	s.press("ctrl+t")
	s.waitText(`<p style="margin: 0 0 12px;">Hi`)
	s.press("ctrl+t")
	s.waitText("ctrl+t shows the HTML")
	s.press("ctrl+s")
	s.waitText("Nothing changed: there is nothing to submit")
}

// A filter that matches nothing says what it was; r says the list was
// reloaded.
func TestListsSayWhatTheyDid(t *testing.T) {
	s := startSession(t, 120, 40)
	s.waitText("11 campaigns")
	s.press("/")
	s.typeText("zqx")
	s.waitText(`No campaign matches "zqx". Press esc to clear the filter.`)
	s.press("esc")
	s.waitFor("the filter cleared", func(scr string) bool { return !strings.Contains(scr, "zqx") })
	s.press("esc", "r")
	s.waitText("reloaded from lemlist")
}

// At 80 columns f1's full help lays its columns out in rows rather than
// cutting the last ones to "…": review, back and quit stay in sight.
func TestFullHelpFitsEightyColumns(t *testing.T) {
	s := startSession(t, 80, 24)
	s.openCampaign("Q4 SaaS founders")
	s.openStep("Thanks for connecting")
	s.press("f1")
	scr := s.waitText("scroll preview down")
	for _, want := range []string{`ctrl\+s\s+review`, `esc\s+back`, `ctrl\+c\s+quit`, `f3\s+checks`, `tab\s+next field`} {
		if !regexp.MustCompile(want).MatchString(scr) {
			t.Errorf("the full help lacks %s:\n%s", want, scr)
		}
	}
	for _, line := range strings.Split(scr, "\n") {
		if strings.Contains(line, "ctrl+") && strings.Contains(line, "…") {
			t.Errorf("the full help cut a column: %q", line)
		}
	}
}
