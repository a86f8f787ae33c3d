package forms

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"lemstep/api"
)

// defaultWidth is the form's width until the caller sets one.
const defaultWidth = 80

// Options is what the form needs from its caller besides the step.
type Options struct {
	Width int       // columns; 0 means 80
	Theme huh.Theme // nil means huh's Charm theme

	// Campaigns are the workspace's campaigns: the targets a
	// sendToAnotherCampaign step may pick, and what campaign ids are checked
	// against. Nil means unknown (ids are then not checked).
	Campaigns []api.Campaign

	CampaignID     string // the campaign the step lives in
	CampaignStatus string // its status ("running" adds a notice)

	// Variables are the campaign's own variables, offered after "{{" with
	// the lead and sender variables lemlist fills.
	Variables []string

	// Editor is the external editor command line for ctrl+e; "" means
	// $VISUAL, then $EDITOR, then nano (vi where nano is missing).
	Editor string
}

// Form edits one step: a huh form generated from the step's type, holding
// the original step so it can tell what changed.
//
// Keys the form consumes (when forwarded to Update): printable keys and the
// editing keys of the focused widget (backspace, delete, arrows, home/end,
// ctrl+a/e/k/u/w… in text), tab and shift+tab (next/previous field), enter
// (next field; on the last field it completes the form), alt+enter and ctrl+j
// (new line in a text area), ctrl+e (open the focused text field in the
// external editor, see EditExternally),
// up/down, j/k, g/G, ctrl+u/ctrl+d and "/" in a list, y/n and left/right on a
// yes/no. It never acts on ctrl+c, ctrl+s or esc, except that esc ends a list
// filter being typed (see Filtering); the caller handles those keys, and "q"
// reaches the form as text.
type Form struct {
	original api.Step
	opts     Options
	width    int
	height   int // most lines the fields may take; 0 means as many as they need
	fitted   int // the height fitHeight last gave the group
	isDark   bool
	keys     formKeys

	bindings []*binding
	form     *huh.Form  // nil when the step is read-only
	group    *huh.Group // the form's only group: every field on one page

	externalErr error // why the last ctrl+e changed nothing; see ExternalEditError
	mailAsHTML  bool  // ctrl+t chose the HTML of the email's message; kept across rebuilds
}

// New returns the form editing step, showing its current values.
func New(step api.Step, opts Options) *Form {
	f := &Form{original: api.CloneStep(step), opts: opts, width: opts.Width, keys: newFormKeys()}
	if f.width <= 0 {
		f.width = defaultWidth
	}
	f.build(step)
	return f
}

// build (re)creates the widgets showing values.
func (f *Form) build(values api.Step) {
	if f.ReadOnly() {
		return
	}
	f.bindings = nil
	var fields []huh.Field
	for _, field := range api.EditableFieldsOf(f.original) {
		b := newBinding(field, f.original, values)
		if isEmailMessage(f.original.Type, field) {
			b.mail = newMailEdit(b)
			b.mail.asText = b.mail.asText && !f.mailAsHTML
		}
		f.bindings = append(f.bindings, b)
		fields = append(fields, f.widget(b))
	}
	keys := huh.NewDefaultKeyMap()
	keys.Quit = key.NewBinding(key.WithDisabled()) // ctrl+c belongs to the caller
	keys.Text.Editor = key.NewBinding()            // a binding without keys never matches: see external.go
	f.group = huh.NewGroup(fields...)
	f.fitted = 0 // a new form has no height yet
	f.form = huh.NewForm(f.group).WithKeyMap(keys).WithTheme(f.theme()).
		WithShowHelp(true).WithShowErrors(false).WithWidth(f.width) // see FieldErrors
}

func (f *Form) theme() huh.Theme {
	if f.opts.Theme != nil {
		return f.opts.Theme
	}
	return huh.ThemeFunc(huh.ThemeCharm)
}

// Init focuses the first field; run the command it returns.
func (f *Form) Init() tea.Cmd {
	if f.form == nil {
		return nil
	}
	cmd := f.form.Init()
	f.fitHeight()
	return cmd
}

// Update handles a message. Window sizes are ignored (the caller sizes the
// form with SetWidth); ctrl+c, ctrl+s and esc are left to the caller.
func (f *Form) Update(msg tea.Msg) (*Form, tea.Cmd) {
	if f.form == nil {
		return f, nil
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return f, nil
	case tea.BackgroundColorMsg:
		f.isDark = msg.IsDark()
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, f.keys.callerKeys):
			return f, nil
		case key.Matches(msg, f.keys.external):
			return f, f.EditExternally()
		case key.Matches(msg, f.keys.mailMode):
			f.toggleMailMode()
			return f.forward(reflowMsg{})
		case key.Matches(msg, f.keys.back) && !f.Filtering():
			return f, nil
		}
	case tea.PasteMsg:
		return f.forward(pasted(msg))
	case externalEditMsg:
		f.applyExternalEdit(msg)
		return f.forward(reflowMsg{})
	}
	return f.forward(msg)
}

// forward gives msg to huh.
func (f *Form) forward(msg tea.Msg) (*Form, tea.Cmd) {
	m, cmd := f.form.Update(msg)
	f.form = m.(*huh.Form)
	// Typing can change a field's height too (a warning added to the links'
	// help), and measuring is cheap: blurred fields reuse their views.
	f.fitHeight()
	return f, cmd
}

// toggleMailMode switches the focused email message between its text and
// its HTML.
func (f *Form) toggleMailMode() {
	b := f.focusedBinding()
	if b == nil || b.mail == nil {
		return
	}
	if b.mail.toggle(b) == "" {
		f.mailAsHTML = !b.mail.asText
	}
	if w, ok := b.widget.(*TextField); ok {
		w.Reload()
	}
}

// reflowMsg makes the huh group lay its fields out again.
type reflowMsg struct{}

// fitHeight sizes the group's viewport to its content, so every field shows
// and nothing is padded; huh would otherwise keep the height it measured
// before widths and descriptions were known.
func (f *Form) fitHeight() {
	h := f.contentHeight()
	if t := f.mainText(); t != nil && f.height > 0 {
		// The room the fields leave goes to the main text box: on a tall
		// terminal the copy gets the screen, not blank lines.
		if want := max(0, f.height-(h-t.grow)); want != t.grow {
			t.Grow(want)
			h = f.contentHeight()
		}
	}
	if f.height > 0 {
		h = min(h, f.height)
	}
	// Comparing with the height last applied, not with a render of the
	// group, saves rendering every field a second time.
	if h == f.fitted {
		return
	}
	f.fitted = h
	f.form.WithHeight(h)
	m, _ := f.form.Update(reflowMsg{})
	f.form = m.(*huh.Form)
}

// contentHeight is the lines the group draws.
func (f *Form) contentHeight() int {
	h := lipgloss.Height(f.group.Content())
	for _, s := range []string{f.group.Header(), f.group.Footer()} {
		if s != "" {
			h += lipgloss.Height(s)
		}
	}
	return h
}

// mainText is the form's main text box, the one that grows with the
// terminal: the multi-line field shown tallest (the message).
func (f *Form) mainText() *TextField {
	var main *TextField
	lines := 0
	for _, b := range f.bindings {
		if t, ok := b.widget.(*TextField); ok && t.multiline && b.spec.lines > lines {
			main, lines = t, b.spec.lines
		}
	}
	return main
}

// SetHeight caps the lines the fields take; huh then scrolls them to keep
// the focused field in view. 0 removes the cap.
func (f *Form) SetHeight(h int) {
	f.height = max(0, h)
	if f.form != nil {
		f.fitHeight()
	}
}

// SetWidth reflows the form to w columns.
func (f *Form) SetWidth(w int) {
	if w <= 0 || f.form == nil {
		f.width = max(w, f.width)
		return
	}
	f.width = w
	f.form.WithWidth(w)
	m, _ := f.form.Update(reflowMsg{})
	f.form = m.(*huh.Form)
	f.fitHeight()
}

// SetValues rebuilds the form showing edited's values (a restored draft, or
// the form's own Edited() to reopen it after it completed); the original
// step stays the reference for Changes. Run the returned command.
func (f *Form) SetValues(edited api.Step) tea.Cmd {
	if f.form == nil {
		return nil
	}
	f.build(edited)
	return f.Init()
}

// ReadOnly reports whether the step cannot be edited: its type is not one
// the endpoint supports, or every field it could change arrived in a shape
// lemstep cannot read (api.LockedFields). The form then only shows it.
func (f *Form) ReadOnly() bool {
	return !f.original.Supported() || len(api.EditableFieldsOf(f.original)) == 0
}

// Fields lists the fields the form edits, in the form's order.
func (f *Form) Fields() []api.Field { return api.EditableFieldsOf(f.original) }

// Focused is the field that has the focus ("" when read-only).
func (f *Form) Focused() api.Field {
	if f.form == nil {
		return ""
	}
	return api.Field(f.form.GetFocusedField().GetKey())
}

// Filtering reports whether the focused field is narrowing a list: a
// choice list's filter being typed, or the variables offered after "{{".
// esc then closes that list, so the caller should forward esc instead of
// leaving.
func (f *Form) Filtering() bool {
	if f.form == nil {
		return false
	}
	switch w := f.form.GetFocusedField().(type) {
	case *huh.Select[string]:
		return w.GetFiltering()
	case *TextField:
		return w.Completing()
	}
	return false
}

// TakesText reports whether the focused field is typed into: every
// printable key, "q" and "?" included, is text there.
func (f *Form) TakesText() bool {
	if f.form == nil {
		return false
	}
	_, ok := f.form.GetFocusedField().(*TextField)
	return ok || f.Filtering()
}

// Completed reports whether the user pressed enter past the last field: the
// caller moves on to review. A completed form takes no more input; reopen it
// with SetValues(f.Edited()).
func (f *Form) Completed() bool {
	return f.form != nil && f.form.State == huh.StateCompleted
}

// Edited is the original step with the current widget values applied, as
// the preview should show it. Fields the user has not touched keep the
// original's exact values; a value that cannot be read yet (a delay with
// letters) is left at the original's.
func (f *Form) Edited() api.Step {
	u := api.StepUpdate{Type: f.original.Type}
	for _, b := range f.bindings {
		if !b.touched() {
			continue
		}
		if v, err := b.value(); err == nil {
			u.Set(b.field, v)
		}
	}
	return u.Apply(f.original)
}

// Changes is the update body for the current edits; see api.Diff.
func (f *Form) Changes() (api.StepUpdate, error) {
	return api.Diff(f.original, f.Edited())
}
