package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"lemstep/api"
	"lemstep/forms"
	"lemstep/internal/safetext"
	"lemstep/ui/preview"
)

// reviewGate is the lint of what the review would send: the preview's
// findings on the fields of the update, blocking first. A blocking finding
// holds the send: enter and y do not send, the screen says why, and the
// SendAnyway key sends regardless. Warnings are listed and do not stop enter.
type reviewGate struct {
	findings []preview.Finding
	blocking int
	held     bool     // enter or y was pressed while blocked: nothing was sent
	places   []string // where each finding is, as the editor shows its field
}

// newReviewGate lints u; places names the findings' places as the editor
// shows them (nil: in the stored text's lines and columns), once.
func newReviewGate(u api.StepUpdate, places checkPlaces) reviewGate {
	fs := preview.Lint(u)
	if places == nil {
		places = storedPlaces
	}
	return reviewGate{findings: fs, blocking: len(preview.Blockers(fs)), places: places(fs)}
}

// blocked reports whether a blocking finding holds the send.
func (g *reviewGate) blocked() bool { return g.blocking > 0 }

// catches reports whether k is a send key the gate decides on: enter, y
// and SendAnyway while a blocking finding holds the send.
func (g *reviewGate) catches(k tea.KeyPressMsg, keys Keys) bool {
	return g.blocked() && key.Matches(k, keys.Submit, keys.SendAnyway)
}

// press answers a key caught: SendAnyway sends, enter and y only say why
// nothing goes.
func (g *reviewGate) press(k tea.KeyPressMsg, keys Keys, send func() tea.Cmd) tea.Cmd {
	if key.Matches(k, keys.SendAnyway) {
		g.held = false
		return send()
	}
	g.held = true
	return nil
}

// hint follows the review's title: what enter does.
func (g *reviewGate) hint() string {
	if g.blocked() {
		return "  · b shows the JSON body"
	}
	return "  · enter sends it · b shows the JSON body"
}

// status is the line under the review's title: why enter does not send,
// or that the warnings below do not stop it; "" without findings.
func (g *reviewGate) status(st Styles, keys Keys) string {
	anyway := keys.SendAnyway.Help().Key
	switch {
	case g.blocked() && g.held:
		return st.Error.Render(fmt.Sprintf("Nothing was sent: %s, listed below. Press %s to send anyway, or esc to fix it in the editor.",
			countFindings(g.blocking, "blocking problem"), anyway))
	case g.blocked():
		return st.Error.Render(fmt.Sprintf("enter does not send: %s, listed below. %s sends anyway · esc goes back to fix it.",
			countFindings(g.blocking, "blocking problem"), anyway))
	case len(g.findings) > 0:
		return st.Warning.Render(fmt.Sprintf("%s, listed below; %s not stop enter.",
			countFindings(len(g.findings), "warning"), doVerb(len(g.findings))))
	}
	return ""
}

// listView lists every finding, wrapped to width, above the changes.
func (g *reviewGate) listView(st Styles, width int) string {
	if len(g.findings) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(st.Key.Render("Checks") + "\n")
	for i, f := range g.findings {
		mark, style := "!", st.Warning
		if f.Severity == preview.Blocking {
			mark, style = "✗", st.Error
		}
		head := fmt.Sprintf("%s %s %s: ", mark, f.Severity, g.places[i])
		text := lipgloss.Wrap(head+safetext.Clean(f.Message), max(10, width-2), "")
		b.WriteString(style.Render(indentAfterFirst(text, "  ")) + "\n")
	}
	return b.String() + "\n"
}

// indentAfterFirst indents every line but the first, so a wrapped finding
// hangs under its mark.
func indentAfterFirst(text, pad string) string {
	return strings.ReplaceAll(text, "\n", "\n"+pad)
}

func countFindings(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func doVerb(n int) string {
	if n == 1 {
		return "it does"
	}
	return "they do"
}

// findingPlace is where a finding is, in the form's words: "Subject 1:4",
// "Message".
func findingPlace(f preview.Finding) string {
	if f.Offset < 0 {
		return forms.Label(f.Field)
	}
	return fmt.Sprintf("%s %d:%d", forms.Label(f.Field), f.Line, f.Col)
}
