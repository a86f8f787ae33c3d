package forms

import (
	"charm.land/huh/v2"

	"lemstep/api"
	"lemstep/internal/safetext"
)

// textAccessor lets a huh widget read and write a binding's text.
type textAccessor struct{ b *binding }

func (a textAccessor) Get() string  { return a.b.current }
func (a textAccessor) Set(v string) { a.b.setCurrent(v) }

// textRef lets a TextField edit a string: what the field holds as tabMark
// is written back as the tab it stands for (see plaintext.go).
type textRef struct{ p *string }

func (r textRef) Get() string  { return *r.p }
func (r textRef) Set(v string) { *r.p = fromWidget(v) }

// fixed is a description that does not change.
func fixed(s string) func() string { return func() string { return s } }

// flagAccessor lets a huh Confirm read and write a binding's yes/no.
type flagAccessor struct{ b *binding }

func (a flagAccessor) Get() bool  { return a.b.flag }
func (a flagAccessor) Set(v bool) { a.b.flag = v }

// widget builds the huh field editing b and remembers it in b. Every
// field's key is its api name, so the focused field maps back to an
// api.Field.
func (f *Form) widget(b *binding) huh.Field {
	b.widget = f.newWidget(b)
	return b.widget
}

func (f *Form) newWidget(b *binding) huh.Field {
	key := string(b.field)
	switch b.spec.kind {
	case kindText, kindMedia:
		return f.textWidget(b)
	case kindChoice:
		return huh.NewSelect[string]().Key(key).Title(b.spec.title).
			Description(b.spec.description).
			Options(choiceOptions(b.spec.choices, b.current)...).
			Accessor(textAccessor{b}).Validate(f.validator(b))
	case kindCampaign:
		return f.campaignWidget(b).Key(key)
	case kindYesNo:
		return huh.NewConfirm().Key(key).Title(b.spec.title).
			Description(b.spec.description).
			Affirmative("Yes").Negative("No").Accessor(flagAccessor{b})
	}
	return f.lineWidget(b)
}

func (f *Form) lineWidget(b *binding) *TextField {
	in := NewTextField(string(b.field), false, textAccessor{b}).Title(b.spec.title).
		Validate(f.validator(b)).Variables(f.opts.Variables)
	switch {
	case b.spec.counted:
		in.Description(func() string { return counter(b) })
	case b.spec.kind == kindDays:
		in.Description(fixed(delayDescription(f.original.Type))).Placeholder("not set")
	case b.spec.description != "":
		in.Description(fixed(b.spec.description))
	}
	return in
}

// textWidget is a multi-line TextField; ctrl+e opens it in the user's
// editor (see external.go).
func (f *Form) textWidget(b *binding) *TextField {
	var access interface {
		Get() string
		Set(string)
	} = textAccessor{b}
	if b.mail != nil {
		access = b.mail
	}
	t := NewTextField(string(b.field), true, access).Title(b.spec.title).
		Rows(b.spec.lines).Validate(f.validator(b)).Variables(f.opts.Variables)
	if b.mail != nil {
		return t.Description(b.mail.description)
	}
	if b.spec.kind == kindMedia {
		return t.Description(func() string { return mediaHelp(b) })
	}
	if b.field == api.FieldMessage && f.original.Type == api.LinkedinInvite {
		return t.Description(func() string { return inviteCounter(b) })
	}
	desc := b.spec.description
	switch {
	case f.original.Type.IsEmail():
		desc = "HTML. " + desc
	case b.field == api.FieldMessage && (f.original.Type == api.Manual || f.original.Type == api.Phone):
		desc = "A note for the rep doing the task; leads never see it. ctrl+e opens it in your editor."
	}
	if desc != "" {
		t.Description(fixed(desc))
	}
	return t
}

// choiceOptions offers every value the endpoint accepts, by its label. A
// current value outside them (absent, or one lemlist added since) is offered
// too, so opening the form never changes it.
func choiceOptions(choices []api.Choice, current string) []huh.Option[string] {
	opts := make([]huh.Option[string], 0, len(choices)+1)
	known := false
	for _, c := range choices {
		opts = append(opts, huh.NewOption(c.Label, c.Value))
		known = known || c.Value == current
	}
	switch {
	case current == "":
		opts = append([]huh.Option[string]{huh.NewOption("(not set)", "")}, opts...)
	case !known:
		opts = append(opts, huh.NewOption(safetext.Clean(current)+" (not accepted by lemlist)", current))
	}
	return opts
}

// A textRef is also a mailStore: variant B's message is kept in one.
func (r textRef) currentText() string { return r.Get() }
func (r textRef) setCurrent(v string) { r.Set(v) }
