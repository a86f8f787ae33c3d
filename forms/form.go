package forms

import (
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

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
	page     // the fields; its form is nil when the step is read-only
	original api.Step
	opts     Options

	bindings []*binding

	externalErr error // why the last ctrl+e changed nothing; see ExternalEditError
	mailAsHTML  bool  // ctrl+t chose the HTML of the email's message; kept across rebuilds
}

// New returns the form editing step, showing its current values.
func New(step api.Step, opts Options) *Form {
	f := &Form{page: newPage(opts), original: api.CloneStep(step), opts: opts}
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
			b.mail = newMailEdit(b, f.mailAsHTML)
		}
		f.bindings = append(f.bindings, b)
		fields = append(fields, f.widget(b))
	}
	f.page.build(fields, f.mainText())
}

// Init focuses the first field; run the command it returns.
func (f *Form) Init() tea.Cmd { return f.start() }

// Update handles a message: see page.handle.
func (f *Form) Update(msg tea.Msg) (*Form, tea.Cmd) {
	if f.form == nil {
		return f, nil
	}
	return f, f.handle(msg, f)
}

// toggleMailMode switches the focused email message between its text and
// its HTML.
func (f *Form) toggleMailMode() {
	b := f.focusedBinding()
	if b == nil || b.mail == nil {
		return
	}
	w, _ := b.widget.(*TextField)
	if b.mail.toggle(w) {
		f.mailAsHTML = !b.mail.asText
	}
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
