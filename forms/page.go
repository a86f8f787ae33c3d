package forms

import (
	"errors"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"lemstep/api"
)

// page is a form's fields on one huh page, each keyed by its api.Field: the
// step's Form and variant B's VariantForm are each one. It moves and reports
// the focus, finds a field's place by its words (spot.go), and fits the
// fields to the height the caller gives, the room left going to the main
// text box.
type page struct {
	theme  huh.Theme
	isDark bool
	keys   formKeys
	form   *huh.Form  // nil when nothing can be edited
	group  *huh.Group // the form's only group: every field on one page
	fields []huh.Field
	main   *TextField // the text box that grows with the screen; nil when none
	width  int
	height int // most lines the fields may take; 0 means as many as they need
	fitted int // the height fitHeight last gave the group
}

// newPage is a page of opts.Width columns (80 when not set) in
// opts.Theme (huh's Charm theme when not set), its fields still to build.
func newPage(opts Options) page {
	p := page{theme: opts.Theme, width: opts.Width, keys: newFormKeys()}
	if p.theme == nil {
		p.theme = huh.ThemeFunc(huh.ThemeCharm)
	}
	if p.width <= 0 {
		p.width = defaultWidth
	}
	return p
}

// build makes the huh form of fields; main is the text box that takes the
// room the others leave.
func (p *page) build(fields []huh.Field, main *TextField) {
	keys := huh.NewDefaultKeyMap()
	keys.Quit = key.NewBinding(key.WithDisabled()) // ctrl+c belongs to the caller
	keys.Text.Editor = key.NewBinding()            // a binding without keys never matches: see external.go
	p.fields, p.main = fields, main
	p.group = huh.NewGroup(fields...)
	p.fitted = 0 // a new form has no height yet
	p.form = huh.NewForm(p.group).WithKeyMap(keys).WithTheme(p.theme).
		WithShowHelp(true).WithShowErrors(false).WithWidth(p.width) // the caller draws the errors
}

// start focuses the first field; run the command it returns.
func (p *page) start() tea.Cmd {
	if p.form == nil {
		return nil
	}
	cmd := p.form.Init()
	p.fitHeight()
	return cmd
}

// editing is what a form around a page does with the keys and messages
// the page leaves to it.
type editing interface {
	EditExternally() tea.Cmd
	applyExternalEdit(externalEditMsg)
	toggleMailMode()
}

// handle is the form's answer to msg. Window sizes are ignored (the caller
// sizes the form with SetWidth); ctrl+c, ctrl+s and esc are left to the
// caller, except that esc closes a list being filtered (see Filtering).
// ctrl+e opens the focused text in the user's editor, ctrl+t switches an
// email's message between its text and its HTML.
func (p *page) handle(msg tea.Msg, f editing) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return nil
	case tea.BackgroundColorMsg:
		p.isDark = msg.IsDark()
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, p.keys.callerKeys):
			return nil
		case key.Matches(msg, p.keys.external):
			return f.EditExternally()
		case key.Matches(msg, p.keys.mailMode):
			f.toggleMailMode()
			return p.update(reflowMsg{})
		case key.Matches(msg, p.keys.back) && !p.Filtering():
			return nil
		}
	case tea.PasteMsg:
		return p.update(pasted(msg))
	case externalEditMsg:
		f.applyExternalEdit(msg)
		return p.update(reflowMsg{})
	}
	return p.update(msg)
}

// update gives msg to huh.
func (p *page) update(msg tea.Msg) tea.Cmd {
	m, cmd := p.form.Update(msg)
	p.form = m.(*huh.Form)
	// Typing can change a field's height too (a warning added to the links'
	// help), and measuring is cheap: blurred fields reuse their views.
	p.fitHeight()
	return cmd
}

// reflowMsg makes the huh group lay its fields out again.
type reflowMsg struct{}

// fitHeight sizes the group's viewport to its content, so every field shows
// and nothing is padded; huh would otherwise keep the height it measured
// before widths and descriptions were known.
func (p *page) fitHeight() {
	h := p.contentHeight()
	if t := p.main; t != nil && p.height > 0 {
		// The room the fields leave goes to the main text box: on a tall
		// terminal the copy gets the screen, not blank lines.
		if want := max(0, p.height-(h-t.grow)); want != t.grow {
			t.Grow(want)
			h = p.contentHeight()
		}
	}
	if p.height > 0 {
		h = min(h, p.height)
	}
	// Comparing with the height last applied, not with a render of the
	// group, saves rendering every field a second time.
	if h == p.fitted {
		return
	}
	p.fitted = h
	p.form.WithHeight(h)
	m, _ := p.form.Update(reflowMsg{})
	p.form = m.(*huh.Form)
}

// contentHeight is the lines the group draws.
func (p *page) contentHeight() int {
	h := lipgloss.Height(p.group.Content())
	for _, s := range []string{p.group.Header(), p.group.Footer()} {
		if s != "" {
			h += lipgloss.Height(s)
		}
	}
	return h
}

// SetHeight caps the lines the fields take; huh then scrolls them to keep
// the focused field in view. 0 removes the cap.
func (p *page) SetHeight(h int) {
	p.height = max(0, h)
	if p.form != nil {
		p.fitHeight()
	}
}

// SetWidth reflows the form to w columns.
func (p *page) SetWidth(w int) {
	if w <= 0 {
		return
	}
	p.width = w
	if p.form == nil {
		return // read-only: only the notices are drawn, at this width
	}
	p.form.WithWidth(w)
	m, _ := p.form.Update(reflowMsg{})
	p.form = m.(*huh.Form)
	p.fitHeight()
}

// Focused is the field that has the focus ("" when nothing is edited).
func (p *page) Focused() api.Field {
	if p.form == nil {
		return ""
	}
	return api.Field(p.form.GetFocusedField().GetKey())
}

// Filtering reports whether the focused field is narrowing a list: a
// choice list's filter being typed, or the variables offered after "{{".
// esc then closes that list, so the caller should forward esc instead of
// leaving.
func (p *page) Filtering() bool {
	if p.form == nil {
		return false
	}
	switch w := p.form.GetFocusedField().(type) {
	case *huh.Select[string]:
		return w.GetFiltering()
	case *TextField:
		return w.Completing()
	}
	return false
}

// TakesText reports whether the focused field is typed into: every
// printable key, "q" and "?" included, is text there.
func (p *page) TakesText() bool {
	if p.form == nil {
		return false
	}
	_, ok := p.form.GetFocusedField().(*TextField)
	return ok || p.Filtering()
}

// Completed reports whether the user pressed enter past the last field: the
// caller moves on to review. A completed form takes no more input until it
// is built again.
func (p *page) Completed() bool {
	return p.form != nil && p.form.State == huh.StateCompleted
}

// Focus moves the focus to field, as tab and shift+tab would, and returns
// the widgets' commands. A field the form does not edit leaves it where it is.
func (p *page) Focus(field api.Field) tea.Cmd {
	if p.form == nil || p.Completed() {
		return nil
	}
	from, to := p.index(p.Focused()), p.index(field)
	if from < 0 || to < 0 {
		return nil
	}
	var cmds []tea.Cmd
	for ; from != to; from += sign(to - from) {
		move := huh.NextField
		if to < from {
			move = huh.PrevField
		}
		m, cmd := p.form.Update(move())
		p.form = m.(*huh.Form)
		cmds = append(cmds, cmd)
	}
	p.fitHeight()
	return tea.Batch(cmds...)
}

// index is field's position in the form, or -1.
func (p *page) index(field api.Field) int {
	for i, w := range p.fields {
		if api.Field(w.GetKey()) == field {
			return i
		}
	}
	return -1
}

func sign(n int) int {
	if n < 0 {
		return -1
	}
	return 1
}

// textField is field's widget when it is one of lemstep's text fields.
func (p *page) textField(field api.Field) *TextField {
	if p.form == nil {
		return nil
	}
	if i := p.index(field); i >= 0 {
		t, _ := p.fields[i].(*TextField)
		return t
	}
	return nil
}

// FieldErrors are the refusals the widgets show now: a field's value is
// checked when the user leaves it, and the field is marked until it is
// changed. The caller draws the messages (huh's own list of errors is off:
// huh draws it under the fields, where a short window cuts it).
func (p *page) FieldErrors() api.Violations {
	var vs api.Violations
	for _, w := range p.fields {
		err := w.Error()
		if err == nil {
			continue
		}
		var own api.Violations
		if errors.As(err, &own) {
			vs = append(vs, own...)
			continue
		}
		vs = append(vs, api.Violation{Field: api.Field(w.GetKey()), Message: err.Error()})
	}
	return vs
}

// styles are the theme's styles on the terminal's background.
func (p *page) styles() *huh.Styles { return p.theme.Theme(p.isDark) }

// noticeViews are notices as the form draws them above its fields.
func (p *page) noticeViews(notices []string) []string {
	views := make([]string, len(notices))
	for i, n := range notices {
		views[i] = p.styles().Focused.Title.Width(p.width).Render("! " + n)
	}
	return views
}

// noticesHeight is the lines noticeViews take, the blank line after each
// included.
func (p *page) noticesHeight(notices []string) int {
	h := 0
	for _, v := range p.noticeViews(notices) {
		h += lipgloss.Height(v) + 1
	}
	return h
}
