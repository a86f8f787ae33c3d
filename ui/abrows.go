package ui

import (
	"errors"
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/internal/draft"
	"lemstep/internal/safetext"
)

// variantLoadedMsg is variant B of one A/B-tested step, or why lemlist
// would not give it.
type variantLoadedMsg struct {
	replyTo
	stepID  string
	variant api.ABVariant
	err     error
}

// variantRead is what the tree knows of a step's variant B.
type variantRead struct {
	done    bool
	variant api.ABVariant
	err     error
}

// abKeys are the step tree's keys for A/B tests.
type abKeys struct {
	Start  key.Binding
	Winner key.Binding
	Delete key.Binding
	Undo   key.Binding
}

func newABKeys() abKeys {
	return abKeys{
		Start:  key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "start A/B test")),
		Winner: key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "pick this variant as winner")),
		Delete: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "delete this variant")),
		Undo:   key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo the step's last A/B change")),
	}
}

// loadVariants reads variant B of every A/B-tested step of seqs, one
// command each: the tree is on screen already, and each B row fills in as
// its answer arrives. The client's rate limiter paces the requests.
func loadVariants(c *Context, to screen, seqs api.Sequences) tea.Cmd {
	var cmds []tea.Cmd
	for _, st := range api.ABTestedSteps(seqs) {
		cmds = append(cmds, loadVariant(c, to, st.SequenceID, st.ID))
	}
	return tea.Batch(cmds...)
}

func loadVariant(c *Context, to screen, sequenceID, stepID string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := c.ctx()
		defer cancel()
		b, err := c.Client.ABVariant(ctx, sequenceID, stepID)
		return variantLoadedMsg{replyTo: replyTo{to}, stepID: stepID, variant: b, err: err}
	}
}

// withVariantRows puts a B row under each A/B-tested step.
func withVariantRows(rows []treeRow) []treeRow {
	out := make([]treeRow, 0, len(rows))
	for _, r := range rows {
		out = append(out, r)
		if r.kind == rowStep && r.step.ABTest.Active() {
			out = append(out, treeRow{kind: rowVariant, step: r.step, path: r.path, depth: r.depth, day: r.day})
		}
	}
	return out
}

// variantLine draws a B row: the variant's subject once read, the winner
// of a decided test, or why B is not shown.
func (s *stepScreen) variantLine(r treeRow, indent string) string {
	st := s.c.Styles
	label := "B"
	if w := r.step.ABTest.Winner; w != "" {
		label = fmt.Sprintf("B · %s won", safetext.Clean(w))
	}
	head := indent + st.Muted.Render("└ ") + st.StepType.Render(label)
	if s.drafted[draft.VariantKey(r.step.ID)] {
		head += st.Warning.Render(" ✎ draft")
	}
	head += "  "
	read := s.variants[r.step.ID]
	switch {
	case !read.done:
		return head + st.Muted.Render("loading variant B…")
	case read.err != nil:
		return head + st.Warning.Render(variantNote(read.err))
	}
	text := read.variant.Subject
	if text == "" {
		text = "(no subject)"
	}
	return head + truncate(safetext.Line(text), max(10, s.width-len(indent)-len(label)-10))
}

// variantNote says in a few words why variant B is not shown.
func variantNote(err error) string {
	switch {
	case errors.Is(err, api.ErrPlanRequired):
		return "A/B tests need lemlist's Email Pro plan"
	case errors.Is(err, api.ErrNoVariant):
		return "lemlist has no variant B for this step"
	}
	return "variant B could not be read: " + safetext.Line(describeError(err))
}

// onVariantLoaded fills in a B row.
func (s *stepScreen) onVariantLoaded(msg variantLoadedMsg) {
	if s.variants == nil {
		s.variants = map[string]variantRead{}
	}
	s.variants[msg.stepID] = variantRead{done: true, variant: msg.variant, err: msg.err}
}

// selectedRow is the row under the cursor.
func (s *stepScreen) selectedRow() (treeRow, bool) { return s.list.Selected() }
