package ui

import (
	"strings"
	"testing"
)

// f3 goes through the preview's checks: each is placed where the text the
// user sees has it (the email is edited as text, so line 11, not a column
// of the HTML), and f makes a misspelling's fix, which is what is sent.
func TestAChecksFixIsMadeInTheCopyAndSent(t *testing.T) {
	s := startSession(t, 120, 40)
	before := s.atTheQuickQuestionsEnd()
	s.fixAMisspellingWithF3("Message 11:9")
	s.wantMessageEnding(before, " We receive ok")
}

// fixAMisspellingWithF3 types " We recieve" at the cursor, waits for the
// check naming it at place, goes to it with f3 and makes its fix with f;
// once no check is left the keys go to the form again, where " ok" is
// typed.
func (s *session) fixAMisspellingWithF3(place string) {
	s.t.Helper()
	s.typeText(" We recieve")
	s.waitText(place + `: "recieve" looks like a misspelling`)
	s.fixRecieveWithF3()
	s.typeText(" ok")
	s.waitText("We receive ok")
}

// fixRecieveWithF3 goes to the one check, of "recieve", with f3 and makes
// its fix with f.
func (s *session) fixRecieveWithF3() {
	s.t.Helper()
	s.waitText("f3 goes through them")
	s.press("f3")
	s.waitText(`f makes it "receive"`)
	s.press("f")
	s.waitText(`Replaced "recieve" with "receive" in the message.`)
	s.waitFor("the check gone", func(scr string) bool { return !strings.Contains(scr, "looks like a misspelling") })
}

// atTheQuickQuestionsEnd opens the "Quick question" email with the cursor
// at the end of its message, and returns the message as lemlist has it.
func (s *session) atTheQuickQuestionsEnd() string {
	s.openCampaign("Q4 SaaS founders")
	s.openStep("Quick question")
	before := s.stepWithSubject(quickQuestion).Message
	s.press("tab")
	s.waitText("enter new line")
	s.press("ctrl+end")
	return before
}

// wantMessageEnding submits the edits and checks that the one PATCH
// sent carries the message with tail added to its last line.
func (s *session) wantMessageEnding(before, tail string) {
	s.t.Helper()
	s.submit("1 change")
	got := s.onlyPatch()
	if want := strings.Replace(before, "Maya</p>", "Maya"+tail+"</p>", 1); got["message"] != want {
		s.t.Fatalf("message sent = %q, want %q", got["message"], want)
	}
}

// enter on a check takes the cursor to its place in its field: what is
// typed next lands there.
func TestEnterOnACheckGoesToItsPlace(t *testing.T) {
	s := startSession(t, 120, 40)
	before := s.atTheQuickQuestionsEnd()
	s.typeText(" {{fristName}} and more")
	s.waitText("did you mean {{firstName}}?")
	s.press("shift+tab") // the cursor leaves the message: enter must bring it back
	s.press("f3")
	s.waitFor("the variable's check selected", func(scr string) bool {
		return strings.Contains(scr, "› ! Message 11:6: The variable {{fristName}}")
	})
	s.press("enter")
	s.waitText("enter new line")
	s.typeText("dear ")
	s.wantMessageEnding(before, " dear {{fristName}} and more")
}

// A template that does not parse is previewed as written, and the preview
// says so rather than show unfilled variables without a word.
func TestBrokenLiquidIsShownAsWrittenAndSaysWhy(t *testing.T) {
	s := startSession(t, 120, 40)
	s.atTheQuickQuestionsEnd()
	s.typeText(" {% if x %}")
	s.waitText("Shown as written: lemlist cannot fill in")
	s.waitText("is never closed")
	s.press("backspace", "backspace", "backspace", "backspace", "backspace", "backspace",
		"backspace", "backspace", "backspace", "backspace", "backspace")
	s.waitFor("the note gone with the broken tag", func(scr string) bool { return !strings.Contains(scr, "Shown as written") })
}

// A misspelt link label is fixed in the label: in the HTML the address,
// holding the same word, comes first.
func TestAFixInALinkLabelLeavesItsAddress(t *testing.T) {
	s := startSession(t, 120, 40)
	before := s.atTheQuickQuestionsEnd()
	s.typeText(" [recieve](https://a.example/recieve)")
	s.fixRecieveWithF3()
	s.submit("1 change")
	got := s.onlyPatch()["message"].(string)
	if !strings.Contains(got, `<a href="https://a.example/recieve">receive</a></p>`) || !strings.HasPrefix(got, strings.TrimSuffix(before, "Maya</p>")) {
		t.Fatalf("message sent = %q", got)
	}
}
