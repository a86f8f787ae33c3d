package ui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/dustin/go-humanize"

	"lemstep/api"
	"lemstep/forms"
	"lemstep/internal/draft"
	"lemstep/internal/safetext"
	"lemstep/internal/steptext"
	"lemstep/ui/changeview"
)

// draftOfferScreen is shown when a step opened has an unsent draft: how old
// it is, what it changes, whether lemlist's copy moved on since it began,
// and the choice to restore or discard it.
type draftOfferScreen struct {
	c    *Context
	keys Keys
	open openStepMsg // the step as the tree loaded it now
	// variant is set when the draft is of variant B: B as read now.
	variant *openVariantMsg
	lease   *draft.Lease // this lemstep's hold on the draft
	draft   draft.Draft
	changes []changeview.Entry // what the draft changes, old → new
	moved   []api.Field        // fields lemlist changed since the draft began
	sent    bool               // lemlist already has every edit of the draft
	retyped bool               // the step is of another type now: no restoring
	names   []api.Campaign
	pager   pager
	width   int
	height  int
}

type (
	// restoreDraftMsg opens the editor on the draft.
	restoreDraftMsg struct{ sentBy }
	// discardDraftMsg deletes the draft and opens the editor on the step.
	discardDraftMsg struct{ sentBy }
)

func newDraftOffer(c *Context, keys Keys, open openStepMsg, lease *draft.Lease, d draft.Draft, campaigns []api.Campaign) *draftOfferScreen {
	s := &draftOfferScreen{c: c, keys: keys, open: open, lease: lease, draft: d, names: campaigns, pager: newPager(keys)}
	s.retyped = d.Loaded.Type != open.step.Type
	u, err := api.Diff(d.Loaded, d.Edited)
	if err == nil || errors.Is(err, api.ErrNoChange) {
		s.changes = changeview.Changes(d.Loaded, u)
	}
	for _, f := range api.EditableFields(d.Loaded.Type) {
		if !api.FieldEqual(d.Loaded, open.step, f) {
			s.moved = append(s.moved, f)
		}
	}
	// A submit whose answer was lost (the program stopped meanwhile) leaves
	// a draft of edits lemlist already has.
	s.sent = !u.Empty()
	for _, f := range u.Fields() {
		if !api.FieldEqual(d.Edited, open.step, f) {
			s.sent = false
		}
	}
	s.refresh()
	return s
}

// newVariantDraftOffer offers a draft of variant B (d.Variant set), B being
// now as open read it.
func newVariantDraftOffer(c *Context, keys Keys, open openVariantMsg, lease *draft.Lease, d draft.Draft) *draftOfferScreen {
	s := &draftOfferScreen{c: c, keys: keys, variant: &open, lease: lease, draft: d, pager: newPager(keys)}
	loaded, edited := d.Variant.Loaded, d.Variant.Edited
	u, _ := api.DiffVariant(loaded, edited)
	s.changes = changeview.VariantChanges(loaded, u)
	for _, f := range api.VariantFields() {
		if !api.VariantFieldEqual(loaded, open.variant, f) {
			s.moved = append(s.moved, f)
		}
	}
	s.sent = !u.Empty()
	for _, f := range u.Fields() {
		if !api.VariantFieldEqual(edited, open.variant, f) {
			s.sent = false
		}
	}
	s.refresh()
	return s
}

func (s *draftOfferScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.refresh()
}

// refresh draws the draft's changes to the width, under the heading.
func (s *draftOfferScreen) refresh() {
	s.pager.SetSize(s.width, s.height-lipgloss.Height(s.heading())-1)
	s.pager.SetContent(changeview.Render(s.changes,
		changeview.Options{Width: s.width, Theme: s.c.Theme, Campaigns: s.names}))
}

// Closed lets go of the draft when the offer closes without handing it to
// an editor.
func (s *draftOfferScreen) Closed() { s.lease.Release() }

// CapturesKeys is false: the offer has no text to type.
func (s *draftOfferScreen) CapturesKeys() bool { return false }

// Crumbs names the offer.
func (s *draftOfferScreen) Crumbs() []string { return []string{"draft"} }

func (s *draftOfferScreen) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch {
	case key.Matches(k, s.keys.Restore) && !s.retyped:
		return emit(restoreDraftMsg{sentBy{s}})
	case key.Matches(k, s.keys.Discard):
		return emit(discardDraftMsg{sentBy{s}})
	case key.Matches(k, s.keys.Back):
		return emit(backMsg{sentBy{s}})
	}
	s.pager.Update(k)
	return nil
}

func (s *draftOfferScreen) View() string {
	return s.heading() + "\n\n" + s.pager.View(s.c.Styles)
}

// heading says how old the draft is and what became of lemlist's copy; it
// wraps on narrow terminals.
func (s *draftOfferScreen) heading() string {
	st := s.c.Styles
	saved := s.draft.SavedAt
	of := "this step"
	if s.variant != nil {
		of = "variant B of this step"
	}
	head := st.Title.Render("You have an unsent draft of "+of) + "\n" +
		st.Muted.Render(fmt.Sprintf("Saved %s (%s) · %s changed",
			humanize.RelTime(saved, s.c.Now(), "ago", "from now"), saved.Local().Format("Mon 2 Jan 15:04"),
			steptext.Count(len(s.changes), "field", "fields")))
	switch {
	case s.retyped:
		head += "\n" + st.Warning.Render(fmt.Sprintf("This step is now a %s step; the draft edits a %s step and cannot be restored. ",
			safetext.Clean(s.open.step.Type.Label()), safetext.Clean(s.draft.Loaded.Type.Label()))) + "d discards it."
	case s.sent:
		head += "\n" + st.Success.Render("lemlist already has every edit in this draft: it was sent. ") +
			"d discards it."
	case len(s.moved) > 0:
		names := make([]string, len(s.moved))
		for i, f := range s.moved {
			names[i] = forms.Label(f)
		}
		head += "\n" + st.Warning.Render("lemlist's copy changed since the draft began ("+strings.Join(names, ", ")+"). ") +
			"Submitting checks every field you changed against it."
	}
	return lipgloss.NewStyle().Width(max(20, s.width)).Render(head)
}

func (s *draftOfferScreen) ShortHelp() []key.Binding {
	if s.retyped {
		return []key.Binding{s.keys.Discard, s.keys.Back, s.keys.Quit}
	}
	return []key.Binding{s.keys.Restore, s.keys.Discard, s.keys.Back, s.keys.Quit}
}

func (s *draftOfferScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{{s.keys.Restore, s.keys.Discard},
		{s.keys.Up, s.keys.Down, s.keys.PageUp, s.keys.PageDown, s.keys.Home, s.keys.End, s.keys.Back, s.keys.Quit}}
}
