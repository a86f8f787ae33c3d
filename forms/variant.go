package forms

import (
	"fmt"
	"strings"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"lemstep/api"
)

// VariantForm edits variant B of an A/B test: its subject, message, alt
// message, copies and plain-text switch, on one page. It holds B as loaded
// so it can tell what changed; the rules are api's (VariantUpdate.Validate).
// It types, finds places and fits the screen as the step's Form does (the
// page both are): the message is edited as text where it round-trips
// (ctrl+t shows its HTML), and "{{" offers the campaign's variables.
type VariantForm struct {
	page
	original api.ABVariant
	opts     Options

	subject    string
	message    string
	altMessage string
	cc         string // addresses separated by commas
	plainText  bool

	// mail edits the message as text; mailAsHTML keeps the user's ctrl+t
	// across rebuilds.
	mail       *mailEdit
	mailAsHTML bool
	// texts are the text fields ctrl+e opens, by field.
	texts       map[api.Field]variantText
	externalErr error // why the last ctrl+e changed nothing
}

// variantText is one text field of B: what it edits and its widget.
type variantText struct {
	ref interface {
		Get() string
		Set(string)
	}
	widget    *TextField
	multiline bool
}

// subjectCount is the subject's length against lemlist's limit.
func (f *VariantForm) subjectCount() string {
	return fmt.Sprintf("%d/%d characters", utf8.RuneCountInString(f.subject), api.MaxTextLength)
}

// NewVariant returns the form editing b, showing its current values.
func NewVariant(b api.ABVariant, opts Options) *VariantForm {
	f := &VariantForm{page: newPage(opts), original: b.Clone(), opts: opts}
	f.build(b)
	return f
}

func (f *VariantForm) build(b api.ABVariant) {
	f.subject, f.message, f.altMessage = b.Subject, b.Message, b.AltMessage
	f.cc, f.plainText = strings.Join(b.CC, ", "), b.PlainText
	f.mail = newMailEdit(textRef{&f.message}, f.mailAsHTML)
	subject := NewTextField(string(api.FieldSubject), false, textRef{&f.subject}).Title("Subject").
		Description(f.subjectCount).Validate(func(string) error { return f.problem(api.FieldSubject) }).
		Variables(f.opts.Variables)
	message := NewTextField(string(api.FieldMessage), true, f.mail).Title("Message").
		Description(f.mail.description).Rows(fieldSpecs[api.FieldMessage].lines).Variables(f.opts.Variables)
	alt := NewTextField(string(api.FieldAltMessage), true, textRef{&f.altMessage}).Title("Alt message").
		Description(fixed("Sent instead of the message where HTML cannot show (optional).")).Rows(3).
		Variables(f.opts.Variables)
	cc := NewTextField(string(api.FieldCC), false, textRef{&f.cc}).Title("Cc").
		Description(fixed("E-mail addresses copied on B, separated by commas.")).
		Validate(func(string) error { return f.problem(api.FieldCC) })
	f.texts = map[api.Field]variantText{
		api.FieldSubject:    {textRef{&f.subject}, subject, false},
		api.FieldMessage:    {f.mail, message, true},
		api.FieldAltMessage: {textRef{&f.altMessage}, alt, true},
		api.FieldCC:         {textRef{&f.cc}, cc, false},
	}
	plain := huh.NewConfirm().Key(string(api.FieldPlainText)).Title("Plain text").
		Description("Send B as plain text instead of HTML.").Affirmative("Yes").Negative("No").Value(&f.plainText)
	f.page.build([]huh.Field{subject, message, alt, cc, plain}, message)
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
func (f *VariantForm) Init() tea.Cmd { return f.start() }

// Update handles a message: see page.handle.
func (f *VariantForm) Update(msg tea.Msg) (*VariantForm, tea.Cmd) {
	return f, f.handle(msg, f)
}

// toggleMailMode switches the message, when focused, between its text and
// its HTML.
func (f *VariantForm) toggleMailMode() {
	if f.Focused() == api.FieldMessage && f.mail.toggle(f.texts[api.FieldMessage].widget) {
		f.mailAsHTML = !f.mail.asText
	}
}

// Notices are the sentences drawn above the fields.
func (f *VariantForm) Notices() []string {
	ns := []string{"Variant B: half of the leads get it; A is the step itself."}
	if f.opts.CampaignStatus == "running" {
		ns = append(ns, "This campaign is running: your edit reaches only leads not yet scheduled for this step.")
	}
	return ns
}

// NoticesHeight is the lines View gives the notices.
func (f *VariantForm) NoticesHeight() int { return f.noticesHeight(f.Notices()) }

// View draws the notices, then the fields.
func (f *VariantForm) View() string {
	fields := f.form.View()
	if f.Completed() {
		// huh draws nothing once done; keep the fields visible behind the review.
		fields = f.group.View()
	}
	return strings.Join(append(f.noticeViews(f.Notices()), showTabs(fields)), "\n\n")
}

// Fields lists the fields the form edits, in the form's order.
func (f *VariantForm) Fields() []api.Field {
	return []api.Field{api.FieldSubject, api.FieldMessage, api.FieldAltMessage, api.FieldCC, api.FieldPlainText}
}

// ReadOnly is false: B's fields can always be edited (a decided test's B
// is not opened).
func (f *VariantForm) ReadOnly() bool { return false }

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

// Edited is B with the current values. A field that holds what it showed
// of lemlist's value keeps that value exactly, as a step's fields do: B
// opened, or edited back, changes nothing.
func (f *VariantForm) Edited() api.ABVariant {
	b := f.original.Clone()
	b.Subject = keptText(f.original.Subject, f.subject, false)
	b.Message = keptText(f.original.Message, f.message, true)
	b.AltMessage = keptText(f.original.AltMessage, f.altMessage, true)
	b.PlainText = f.plainText
	if f.cc == strings.Join(f.original.CC, ", ") {
		return b // the addresses as lemlist lists them, untouched
	}
	b.CC = splitAddresses(f.cc)
	if b.CC == nil && f.original.CC != nil {
		b.CC = []string{}
	}
	return b
}

// keptText is what B sends for a text field whose lemlist value is
// original and which now holds current (as its field stores it: line
// breaks as "\n", control characters dropped). When current is what the
// field showed of original, original goes back unchanged; an edit keeps
// original's CRLF line endings, as a step's field does (binding.crlf).
func keptText(original, current string, multiline bool) string {
	kind := kindLine
	if multiline {
		kind = kindText
	}
	if current == original || current == fromWidget(cleanTyped(original, multiline)) ||
		current == fromWidget(displayForm(kind, original, true)) {
		return original
	}
	if multiline && strings.Contains(original, "\r\n") {
		return strings.ReplaceAll(current, "\n", "\r\n")
	}
	return current
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
