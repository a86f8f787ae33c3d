package changeview

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"lemstep/api"
	"lemstep/theme"
)

const invite = "Hi {{firstName}}, I'm Ingrid Halvorsen from Northwind. I saw how {{companyName}} rebuilt its " +
	"onboarding this spring and would love to compare notes on activation metrics, pricing pages and the " +
	"experiments that moved trial conversion for you"

func draw(t *testing.T, width int, es ...Entry) string {
	t.Helper()
	out := Render(es, Options{Width: width, Campaigns: []api.Campaign{
		{ID: "cam_1", Name: "Q4 founders"}, {ID: "cam_2", Name: "Re-engage"},
	}})
	for _, l := range strings.Split(out, "\n") {
		if width > 0 && ansi.StringWidth(l) > width {
			t.Fatalf("a row is wider than %d:\n%s", width, out)
		}
	}
	return out
}

// unwrapped is the text of a value's rows joined again: the rows of a
// wrapped line follow each other, their indent dropped.
func unwrapped(out string) string {
	var parts []string
	for _, l := range strings.Split(out, "\n")[1:] {
		parts = append(parts, strings.TrimSpace(l))
	}
	return strings.Join(parts, " ")
}

func TestALongTextIsWrappedNeverCut(t *testing.T) {
	for _, width := range []int{30, 60, 80, 140} {
		out := draw(t, width, Change(api.FieldMessage, invite, invite+" ZZ-MARKER"))
		if !strings.HasSuffix(out, "you{+ ZZ-MARKER+}") {
			t.Fatalf("at %d the marker is not at the end, marked as added:\n%s", width, out)
		}
		if strings.Contains(out, "…") {
			t.Fatalf("at %d a row is cut:\n%s", width, out)
		}
		if got := strings.Join(strings.Fields(unwrapped(out)), " "); got != invite+"{+ ZZ-MARKER+}" {
			t.Fatalf("at %d the text shown is not the text:\n%s", width, got)
		}
	}
}

func TestAWordWiderThanTheRowIsBrokenNotCut(t *testing.T) {
	url := "https://cdn.example.com/" + strings.Repeat("a", 80) + ".png"
	out := draw(t, 40, Change(api.FieldImages, []string{}, []string{url}))
	if got := strings.ReplaceAll(unwrapped(out), " ", ""); got != "{+"+url+"+}" {
		t.Fatalf("the link is not shown whole: %q\n%s", got, out)
	}
}

func TestOnlyTheChangedWordsAreMarked(t *testing.T) {
	out := draw(t, 80, Change(api.FieldSubject, "Hello there, old friend", "Hello dear, old friend"))
	if want := "Subject\n  Hello [-there-]{+dear+}, old friend"; out != want {
		t.Fatalf("got\n%s\nwant\n%s", out, want)
	}
}

// Without colour the brackets still show the change, and in colour they
// are painted too.
func TestTheChangeReadsWithoutColour(t *testing.T) {
	e := Change(api.FieldSubject, "Hello there", "Hello dear")
	for _, th := range []*theme.Theme{nil, theme.New(true, true), theme.New(true, false)} {
		out := ansi.Strip(Render([]Entry{e}, Options{Width: 60, Theme: th}))
		if !strings.Contains(out, "Hello [-there-]{+dear+}") {
			t.Fatalf("the change is not marked:\n%s", out)
		}
	}
	coloured := Render([]Entry{e}, Options{Width: 60, Theme: theme.New(true, false)})
	if coloured == ansi.Strip(coloured) {
		t.Fatalf("the coloured view has no style: %q", coloured)
	}
}

// Choices, switches and campaigns speak the form's words; each field is
// named as the form names it.
func TestValuesAreShownInTheFormsWords(t *testing.T) {
	for _, tc := range []struct {
		e    Entry
		want string
	}{
		{Change(api.FieldDelayType, "waitUntil", "within"),
			"How to wait\n  [-Wait until it happens-]\n  {+Check within the delay+}"},
		{Change(api.FieldRecordMode, "ai", "manual"),
			"Voice note\n  [-AI-generated from a template-]\n  {+Recorded by you in lemlist+}"},
		{Change(api.FieldEndorseAnyFallback, true, false),
			"Endorse any skill when this one is missing?\n  [-Yes-]\n  {+No+}"},
		{Change(api.FieldCampaignID, "cam_1", "cam_2"),
			"Send the lead to\n  [-Q4 founders (cam_1)-]\n  {+Re-engage (cam_2)+}"},
		{Change(api.FieldCampaignID, "cam_1", "cam_gone"),
			"Send the lead to\n  [-Q4 founders (cam_1)-]\n  {+cam_gone+}"},
		{Change(api.FieldDelay, nil, 3), "Delay (days)\n  {+3+}"},
		{Change(api.FieldConditionKey, "emailsOpened", "futureKey"),
			"Condition: if the lead…\n  [-Opened an email-]\n  {+futureKey+}"},
	} {
		if got := draw(t, 80, tc.e); got != tc.want {
			t.Errorf("got\n%s\nwant\n%s", got, tc.want)
		}
	}
}

func TestListsShowOneItemALineEachChangeMarked(t *testing.T) {
	out := draw(t, 80, Change(api.FieldImages,
		[]string{"https://x.test/a.png", "https://x.test/b.png"},
		[]string{"https://x.test/a.png", "https://x.test/c.png", "https://x.test/d.png"}))
	want := "Images\n  https://x.test/a.png\n  [-https://x.test/b.png-]\n  {+https://x.test/c.png+}\n  {+https://x.test/d.png+}"
	if out != want {
		t.Fatalf("got\n%s\nwant\n%s", out, want)
	}
	if out := draw(t, 80, Change(api.FieldVideos, []string{"https://x.test/a.mp4"}, []string{})); out != "Videos\n  [-https://x.test/a.mp4-]\n  (none)" {
		t.Fatalf("a cleared list:\n%s", out)
	}
}

// A pasted block reads as its lines, each marked, with no blank line
// between them; tabs stay as space.
func TestAPastedBlockHasNoBlankLines(t *testing.T) {
	out := draw(t, 80, Change(api.FieldMessage, "Hi,\nBest", "Hi,\nline one\r\nline\ttwo\r\nBest"))
	want := "Message\n  Hi,\n  {+line one+}\n  {+line    two+}\n  Best"
	if out != want {
		t.Fatalf("got\n%q\nwant\n%q", out, want)
	}
}

func TestEmptyAndAbsentValues(t *testing.T) {
	if out := draw(t, 80, Change(api.FieldSubject, "Hello", "")); out != "Subject\n  [-Hello-]\n  (empty)" {
		t.Fatalf("a cleared subject:\n%s", out)
	}
	if out := draw(t, 80, Change(api.FieldSubject, nil, "Hello")); out != "Subject\n  {+Hello+}" {
		t.Fatalf("a subject set:\n%s", out)
	}
}

func TestNetworkTextIsCleaned(t *testing.T) {
	out := draw(t, 80,
		Change(api.FieldMessage, "Hi \x1b]0;owned\x07there\u009b2J", "Hi there, friend\x1b[31m"),
		Change(api.FieldImages, []string{"https://x.test/\x1b[2Ja.png"}, []string{}),
		Change(api.FieldCampaignID, "cam_1", "cam_\x1b[5mevil"))
	if strings.ContainsAny(out, "\x1b\x07\u009b") || !strings.Contains(out, "Hi there{+, friend+}") {
		t.Fatalf("control characters reach the terminal: %q", out)
	}
}

func TestConflictsShowEachVersionLabelled(t *testing.T) {
	out := draw(t, 80, Conflicts([]api.Conflict{{
		Field: api.FieldSubject, Loaded: "Hello there", Current: "Hello there friend", Yours: "Hi there",
	}}, ConflictLabels{Loaded: "when you began", Current: "on lemlist now", Yours: "yours"})...)
	want := "Subject\n" +
		"  when you began  Hello there\n" +
		"  on lemlist now  Hello there{+ friend+}\n" +
		"  yours           [-Hello-]{+Hi+} there"
	if out != want {
		t.Fatalf("got\n%s\nwant\n%s", out, want)
	}
}

func TestFieldsFollowTheFormsOrder(t *testing.T) {
	before := api.Step{Type: api.LinkedinSend, Message: "a", AltMessage: "b"}
	u := api.StepUpdate{Type: api.LinkedinSend, Delay: ptr(2), Message: ptr("A"), AltMessage: ptr("B")}
	var names []string
	for _, e := range Changes(before, u) {
		names = append(names, string(e.Field))
	}
	if got := strings.Join(names, " "); got != "message altMessage delay" {
		t.Fatalf("fields in the order %s", got)
	}
}

func ptr[T any](v T) *T { return &v }

// A 10 KB email changed in one word, drawn at 80 columns.
func BenchmarkRenderLongEmail(b *testing.B) {
	para := "<p>Hi {{firstName}}, " + strings.Repeat("we help teams like {{companyName}} ship faster. ", 8) + "</p>"
	old := strings.Repeat(para, 25)
	nu := old[:len(old)/2] + "NEW " + old[len(old)/2:]
	es := []Entry{Change(api.FieldMessage, old, nu)}
	th := theme.New(true, false)
	b.ReportAllocs()
	for b.Loop() {
		Render(es, Options{Width: 80, Theme: th})
	}
}
