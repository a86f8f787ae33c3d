package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/progress"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"lemstep/internal/findreplace"
	"lemstep/internal/safetext"
	"lemstep/internal/steptext"
	"lemstep/ui/changeview"
)

func (s *findScreen) View() string {
	switch s.phase {
	case findTyping:
		return s.typingView()
	case findSearching:
		return s.c.Styles.Muted.Render(fmt.Sprintf("Reading %s… (esc stops)", steptext.Count(len(s.campaigns), "campaign", "campaigns")))
	case findMatches:
		return s.matchesView()
	case findReview:
		return s.reviewView()
	case findSending:
		return s.sendingView()
	}
	return s.doneView()
}

func (s *findScreen) typingView() string {
	st := s.c.Styles
	lines := []string{
		st.Title.Render(fmt.Sprintf("Find and replace in the steps of %s", steptext.Count(len(s.campaigns), "campaign", "campaigns"))),
		st.Muted.Render("Archived campaigns are left out. Nothing is sent before you review every change."),
		"",
		s.pattern.View(),
		s.replacement.View(),
		"",
		st.Muted.Render("In emails the text a reader sees and the HTML are both searched; a match is"),
		st.Muted.Render("replaced only where that keeps every HTML tag and Liquid expression whole."),
	}
	if s.err != "" {
		lines = append(lines, "", st.Error.Render(safetext.Line(s.err)))
	}
	return strings.Join(lines, "\n")
}

// matchesView lists the matches under their campaign and step, each with
// its mark (on, off, or cannot be replaced) and the words it changes; the
// list scrolls to keep the cursor in sight.
func (s *findScreen) matchesView() string {
	st := s.c.Styles
	on, total := 0, 0
	var lines []string
	cursorLine := 0
	lastCampaign := ""
	n := 0
	for _, f := range s.found {
		if f.Campaign.ID != lastCampaign {
			lines = append(lines, st.Title.Render(safetext.Line(f.Campaign.Name)))
			lastCampaign = f.Campaign.ID
		}
		step := fmt.Sprintf("  step %s · %s", safetext.Line(f.Path), safetext.Line(f.Step.Type.Label()))
		if f.B != nil {
			step += " · variant B"
		}
		lines = append(lines, st.StepType.Render(step))
		for i, mt := range f.Matches {
			total++
			if mt.Skip == "" && s.on(f.Key(i)) {
				on++
			}
			if n == s.cursor {
				cursorLine = len(lines)
			}
			lines = append(lines, s.matchLine(f, i, n == s.cursor))
			n++
		}
	}
	head := fmt.Sprintf("%s in %s · %d on (space turns one on or off)", steptext.Count(total, "match", "matches"),
		steptext.Count(len(s.found), "step", "steps"), on)
	if total == 0 {
		head = fmt.Sprintf("No match in %s. esc to change the search.", steptext.Count(s.searched, "campaign", "campaigns"))
	}
	top := []string{st.Title.Render(head)}
	if s.err != "" {
		top = append(top, st.Warning.Render(safetext.Line(s.err)))
	}
	room := max(1, s.height-len(top)-1)
	return strings.Join(top, "\n") + "\n\n" + strings.Join(window(lines, cursorLine, room), "\n")
}

// window is the room lines of lines that keep line at in sight.
func window(lines []string, at, room int) []string {
	if len(lines) <= room {
		return lines
	}
	start := min(max(0, at-room/2), len(lines)-room)
	return lines[start : start+room]
}

// matchLine is one match: the mark, where it is, and the match in its
// context with the replaced words struck and the new ones added.
func (s *findScreen) matchLine(f findreplace.Found, i int, cursor bool) string {
	st := s.c.Styles
	mt := f.Matches[i]
	mark := "[x]"
	switch {
	case mt.Skip != "":
		mark = "[!]"
	case !s.on(f.Key(i)):
		mark = "[ ]"
	}
	where := fmt.Sprintf("%s:%d:%d", mt.Field, mt.Line, mt.Column)
	if mt.Where != findreplace.InPlain {
		where += " " + string(mt.Where)
	}
	old := safetext.Line(mt.Text)
	change := st.DiffDel.Render("[-"+old+"-]") + st.DiffAdd.Render("{+"+safetext.Line(s.matcher.ReplacementFor(f.Target, mt, s.replacement.Value()))+"+}")
	if mt.Skip != "" || !s.on(f.Key(i)) {
		change = old
	}
	prefix := "    "
	if cursor {
		prefix = st.Cursor.Render("  › ")
	}
	lead := fmt.Sprintf("%s%s %s  ", prefix, mark, st.Muted.Render(where))
	// The words before the match get half the room left, so the change
	// itself is always in sight.
	room := max(0, s.width-lipgloss.Width(lead)-lipgloss.Width(change))
	before := safetext.LinePart(mt.Before)
	if w := lipgloss.Width(before); w > room/2 {
		before = "…" + ansi.TruncateLeft(before, w-room/2+1, "")
	}
	line := truncate(lead+before+change+safetext.LinePart(mt.After), s.width)
	if mt.Skip != "" && cursor {
		line += "\n" + st.Warning.Render(truncate("        not replaced: "+mt.Skip, s.width))
	}
	return line
}

// reviewText is the review: the running campaigns named, each step's
// change as the editor's review shows it, and the steps left out.
func (s *findScreen) reviewText() string {
	st := s.c.Styles
	var b strings.Builder
	if running := findRunning(s.plan.send); len(running) > 0 {
		b.WriteString(st.Warning.Width(max(20, s.width)).Render("Running: "+strings.Join(running, ", ")+
			". Leads already scheduled for a step keep its old text; the others get the new one.") + "\n\n")
	}
	o := changeview.Options{Width: s.width, Theme: s.c.Theme}
	for _, ch := range s.plan.send {
		b.WriteString(st.Title.Render(findLabel(ch)) + "\n")
		b.WriteString(changeview.Render(findEntries(ch), o) + "\n\n")
	}
	if len(s.plan.leftOut) > 0 {
		b.WriteString(st.Error.Render(fmt.Sprintf("Left out (%s; nothing is sent to them):", steptext.Count(len(s.plan.leftOut), "step", "steps"))) + "\n")
		for _, l := range s.plan.leftOut {
			for _, p := range l.problems {
				b.WriteString("  " + safetext.Line(findLabel(l.change)+": "+p) + "\n")
			}
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

func (s *findScreen) reviewView() string {
	st := s.c.Styles
	steps := map[string]bool{}
	for _, ch := range s.plan.send {
		steps[ch.Step.ID] = true
	}
	head := fmt.Sprintf("Review: %s to %s ([-taken away-] {+brought in+})",
		steptext.Count(len(s.plan.send), "update", "updates"), steptext.Count(len(steps), "step", "steps"))
	if len(s.plan.send) == 0 {
		head = "Nothing to send: every match is off or left out. esc/n goes back to the matches."
	}
	return st.Title.Render(truncate(head, s.width)) + "\n\n" + s.review.View(st)
}

// findRunning names the running campaigns among the changes, once each.
func findRunning(changes []findreplace.Change) []string {
	var out []string
	seen := map[string]bool{}
	for _, ch := range changes {
		if ch.Campaign.Status == "running" && !seen[ch.Campaign.ID] {
			seen[ch.Campaign.ID] = true
			out = append(out, safetext.Line(ch.Campaign.Name))
		}
	}
	return out
}

// findLabel names a change: "Campaign › step Yes · 2 · Email".
func findLabel(ch findreplace.Change) string {
	l := fmt.Sprintf("%s › step %s · %s", safetext.Line(ch.Campaign.Name), safetext.Line(ch.Path), safetext.Line(ch.Step.Type.Label()))
	if ch.B != nil {
		l += " · variant B"
	}
	return l
}

// findEntries is the change view of a change: the step's fields, or B's.
func findEntries(ch findreplace.Change) []changeview.Entry {
	if ch.B != nil {
		return changeview.VariantChanges(*ch.B, ch.VariantUpdate)
	}
	return changeview.Changes(ch.Step, ch.Update)
}

func (s *findScreen) sendingView() string {
	st := s.c.Styles
	total := len(s.outcomes)
	bar := progress.New(progress.WithWidth(30), progress.WithoutPercentage(), progress.WithFillCharacters('#', '.'))
	head := fmt.Sprintf("Sending %d/%d", s.sent, total)
	if s.stopped {
		head = fmt.Sprintf("Stopping after the update on its way… %d/%d", s.sent, total)
	}
	lines := []string{st.Title.Render(head), bar.ViewAs(float64(s.sent) / float64(max(1, total))), ""}
	return strings.Join(append(lines, s.outcomeLines()...), "\n")
}

// outcomeLines are the steps done so far, latest last.
func (s *findScreen) outcomeLines() []string {
	st := s.c.Styles
	var lines []string
	for i, o := range s.outcomes {
		label := truncate(findLabel(s.plan.send[i]), max(20, s.width-12))
		switch {
		case o.Sent:
			lines = append(lines, st.Success.Render("✓ ")+label)
		case o.IsConflict():
			lines = append(lines, st.Warning.Render("skipped ")+label+": changed on lemlist since it was read")
		case o.Err != nil:
			lines = append(lines, st.Error.Render("failed ")+label+": "+safetext.Line(o.Err.Error()))
		}
	}
	return window(lines, len(lines)-1, max(1, s.height-5))
}

func (s *findScreen) doneView() string {
	st := s.c.Styles
	sent, notSent := 0, 0
	for _, o := range s.outcomes {
		switch {
		case o.Sent:
			sent++
		case o.Err == nil:
			notSent++
		}
	}
	head := fmt.Sprintf("Sent %d of %s.", sent, steptext.Count(len(s.outcomes), "update", "updates"))
	if s.stopped {
		head = fmt.Sprintf("Stopped: %d of %s sent, and they stay sent; %d not sent.", sent, steptext.Count(len(s.outcomes), "update", "updates"), notSent)
	}
	lines := []string{st.Title.Render(head)}
	switch {
	case s.batch == nil || s.batch.ID() == 0:
	case s.c.Demo:
		lines = append(lines, fmt.Sprintf("Journal batch b%d. (The demo starts afresh each time lemstep runs, so there is nothing to undo later.)", s.batch.ID()))
	default:
		lines = append(lines, fmt.Sprintf("Journal batch b%d: `lemstep undo b%d` puts every step of it back.", s.batch.ID(), s.batch.ID()))
	}
	if s.journalErrs > 0 {
		lines = append(lines, st.Error.Render(fmt.Sprintf("%s could not be written to the journal (%s); undo will not know of them.",
			steptext.Count(s.journalErrs, "update", "updates"), safetext.Line(s.journalErr))))
	}
	lines = append(lines, "")
	return strings.Join(append(lines, s.outcomeLines()...), "\n")
}
