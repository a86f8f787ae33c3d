package forms

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"lemstep/api"
)

// VariantForm edits variant B of an A/B test: its subject, message, alt
// message, copies and plain-text switch, on one page. It holds B as loaded
// so it can tell what changed; the rules are api's (VariantUpdate.Validate).
type VariantForm struct {
	original api.ABVariant
	opts     Options
	width    int

	subject    string
	message    string
	altMessage string
	cc         string // addresses separated by commas
	plainText  bool

	form *huh.Form
	// texts are the text fields ctrl+e opens, by field.
	texts       map[api.Field]variantText
	externalErr error // why the last ctrl+e changed nothing
}

// variantText is one text field of B: where its value lives and its widget.
type variantText struct {
	ref       textRef
	widget    *TextField
	multiline bool
}

// subjectCount is the subject's length against lemlist's limit.
func (f *VariantForm) subjectCount() string {
	return fmt.Sprintf("%d/%d characters", utf8.RuneCountInString(f.subject), api.MaxTextLength)
}

// NewVariant returns the form editing b, showing its current values.
func NewVariant(b api.ABVariant, opts Options) *VariantForm {
	f := &VariantForm{original: b.Clone(), opts: opts, width: opts.Width}
	if f.width <= 0 {
		f.width = defaultWidth
	}
	f.build(b)
	return f
}

func (f *VariantForm) build(b api.ABVariant) {
	f.subject, f.message, f.altMessage = b.Subject, b.Message, b.AltMessage
	f.cc, f.plainText = strings.Join(b.CC, ", "), b.PlainText
	subject := NewTextField(string(api.FieldSubject), false, textRef{&f.subject}).Title("Subject").
		Description(f.subjectCount).Validate(func(string) error { return f.problem(api.FieldSubject) })
	message := NewTextField(string(api.FieldMessage), true, textRef{&f.message}).Title("Message").
		Description(fixed("HTML. Sent exactly as written.")).Rows(6)
	alt := NewTextField(string(api.FieldAltMessage), true, textRef{&f.altMessage}).Title("Alt message").
		Description(fixed("Sent instead of the message where HTML cannot show (optional).")).Rows(3)
	cc := NewTextField(string(api.FieldCC), false, textRef{&f.cc}).Title("Cc").
		Description(fixed("E-mail addresses copied on B, separated by commas.")).
		Validate(func(string) error { return f.problem(api.FieldCC) })
	f.texts = map[api.Field]variantText{
		api.FieldSubject:    {textRef{&f.subject}, subject, false},
		api.FieldMessage:    {textRef{&f.message}, message, true},
		api.FieldAltMessage: {textRef{&f.altMessage}, alt, true},
		api.FieldCC:         {textRef{&f.cc}, cc, false},
	}
	plain := huh.NewConfirm().Key(string(api.FieldPlainText)).Title("Plain text").
		Description("Send B as plain text instead of HTML.").Affirmative("Yes").Negative("No").Value(&f.plainText)
	keys := huh.NewDefaultKeyMap()
	keys.Quit = key.NewBinding(key.WithDisabled()) // ctrl+c belongs to the caller
	theme := f.opts.Theme
	if theme == nil {
		theme = huh.ThemeFunc(huh.ThemeCharm)
	}
	f.form = huh.NewForm(huh.NewGroup(subject, message, alt, cc, plain)).WithKeyMap(keys).
		WithTheme(theme).WithShowHelp(true).WithShowErrors(true).WithWidth(f.width)
}

// problem is the first reason field fld of the current edits would be
// refused, as an error for huh; nil when there is none.
func (f *VariantForm) problem(fld api.Field) error {
	u, _ := api.DiffVariant(f.original, f.Edited())
	if vs := u.Validate().For(fld); len(vs) > 0 {
		return fmt.Errorf("%s", vs[0].Message)
	}
	return nil
}

// Init focuses the first field; run the command it returns.
func (f *VariantForm) Init() tea.Cmd { return f.form.Init() }

// Update handles a message; ctrl+c, ctrl+s and esc are left to the caller.
// ctrl+e opens the focused text field in the user's editor, as the step
// form does (see external.go).
func (f *VariantForm) Update(msg tea.Msg) (*VariantForm, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch msg.String() {
		case "ctrl+c", "ctrl+s", "esc":
			return f, nil
		case externalEditKey:
			return f, f.EditExternally()
		}
	case externalEditMsg:
		f.applyExternalEdit(msg)
		// The group lays the changed field out again.
		m, cmd := f.form.Update(reflowMsg{})
		f.form = m.(*huh.Form)
		return f, cmd
	}
	if _, ok := msg.(tea.WindowSizeMsg); ok {
		return f, nil
	}
	m, cmd := f.form.Update(msg)
	f.form = m.(*huh.Form)
	return f, cmd
}

// owner names B's fields in an editor's result: a step id never holds a
// space, so a result for B never lands in the step's own form.
func (f *VariantForm) owner() string { return "B " + f.original.StepID }

// EditExternally opens the focused text field in the user's editor; its
// result replaces that field's value, and no other. The plain-text switch
// does not open: it returns nil.
func (f *VariantForm) EditExternally() tea.Cmd {
	f.externalErr = nil
	field := api.Field(f.form.GetFocusedField().GetKey())
	if _, ok := f.texts[field]; !ok {
		return nil
	}
	return runExternally(f.startExternalEdit(field))
}

// startExternalEdit prepares the editor on field's value.
func (f *VariantForm) startExternalEdit(field api.Field) (*externalEdit, error) {
	ext := "txt"
	if field == api.FieldMessage {
		ext = "html"
	}
	return newExternalEdit(f.owner(), field, f.texts[field].ref.Get(), ext, f.opts.Editor)
}

func (f *VariantForm) applyExternalEdit(msg externalEditMsg) {
	t, ok := f.texts[msg.field]
	if msg.step != f.owner() || !ok {
		return
	}
	if msg.err != nil {
		f.externalErr = msg.err
		return
	}
	t.ref.Set(externalText(msg, t.multiline))
	t.widget.Reload()
}

// ExternalEditError is why the last ctrl+e left its field unchanged, or
// nil.
func (f *VariantForm) ExternalEditError() error { return f.externalErr }

// SetWidth reflows the form to w columns.
func (f *VariantForm) SetWidth(w int) {
	if w <= 0 {
		return
	}
	f.width = w
	f.form.WithWidth(w)
}

// SetHeight caps the lines the fields take.
func (f *VariantForm) SetHeight(h int) {
	if h > 0 {
		f.form.WithHeight(h)
	}
}

// View draws the fields.
func (f *VariantForm) View() string { return f.form.View() }

// Completed reports whether the user pressed enter past the last field;
// reopen the form with Reopen.
func (f *VariantForm) Completed() bool { return f.form.State == huh.StateCompleted }

// Reopen rebuilds a completed form with its current values.
func (f *VariantForm) Reopen() tea.Cmd {
	f.build(f.Edited())
	return f.Init()
}

// SetValues puts b's values in the fields, as when a draft is restored;
// run the command it returns once the form runs.
func (f *VariantForm) SetValues(b api.ABVariant) tea.Cmd {
	f.build(b)
	return f.Init()
}

// Original is B as loaded.
func (f *VariantForm) Original() api.ABVariant { return f.original.Clone() }

// Edited is B with the current values.
func (f *VariantForm) Edited() api.ABVariant {
	b := f.original.Clone()
	b.Subject, b.Message, b.AltMessage, b.PlainText = f.subject, f.message, f.altMessage, f.plainText
	b.CC = splitAddresses(f.cc)
	if b.CC == nil && f.original.CC != nil {
		b.CC = []string{}
	}
	return b
}

// splitAddresses reads a comma-separated list of addresses.
func splitAddresses(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Changes is the body for the current edits; api.ErrNoChange when none.
func (f *VariantForm) Changes() (api.VariantUpdate, error) {
	return api.DiffVariant(f.original, f.Edited())
}

// Problems lists why lemlist would refuse the current edits.
func (f *VariantForm) Problems() api.Violations {
	u, err := f.Changes()
	if err != nil {
		return nil
	}
	return u.Validate()
}
