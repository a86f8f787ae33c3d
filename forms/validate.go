package forms

import (
	"errors"
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"lemstep/api"
)

// target is what the api checks an update against: this step's type, the
// workspace's campaigns (nil lookup when the caller gave none), and the step
// as edited, so a media list the update leaves alone counts as it is now.
func (f *Form) target() api.Target {
	edited := f.Edited()
	t := api.Target{Type: f.original.Type, Base: &edited}
	if f.opts.Campaigns != nil {
		campaigns := f.opts.Campaigns
		t.Campaigns = func(id string) (api.Campaign, bool) {
			for _, c := range campaigns {
				if c.ID == id {
					return c, true
				}
			}
			return api.Campaign{}, false
		}
	}
	return t
}

// validator is the huh validation of binding b: the value typed must parse
// and pass the same api rules the client's pre-flight check applies. An
// untouched value is never refused: it is not sent.
func (f *Form) validator(b *binding) func(string) error {
	return func(raw string) error {
		if raw == b.shown {
			return nil
		}
		v, err := parseValue(b.spec.kind, raw, false, b.crlf)
		if err != nil {
			return err
		}
		if vs := f.fieldViolations(b.field, v); len(vs) > 0 {
			return vs
		}
		return nil
	}
}

// fieldViolations checks value v of field f alone; a media list is counted
// with the other list's current value, since the limit is on images and
// videos together.
func (f *Form) fieldViolations(field api.Field, v any) api.Violations {
	u := api.StepUpdate{Type: f.original.Type}
	u.Set(field, v)
	return u.Validate(f.target()).For(field)
}

// Problems returns every reason the current edits could not be sent: values
// a widget cannot read (a delay that is not a number) and every violation of
// the api rules by the update Changes would send. It is empty when the edits
// can be submitted (or when nothing changed).
func (f *Form) Problems() api.Violations {
	var vs api.Violations
	for _, b := range f.bindings {
		if !b.touched() {
			continue
		}
		if _, err := b.value(); err != nil {
			vs = append(vs, api.Violation{Field: b.field, Message: err.Error()})
		}
	}
	u, err := f.Changes()
	switch {
	case errors.Is(err, api.ErrNoChange):
		return vs
	case err != nil:
		return append(vs, api.Violation{Field: api.FieldType, Message: err.Error()})
	}
	return append(vs, u.Validate(f.target())...)
}

// counter is the live "n/400" of a counted field.
func counter(b *binding) string {
	n := utf8.RuneCountInString(b.currentText())
	s := fmt.Sprintf("%d/%d characters", n, api.MaxTextLength)
	if n > api.MaxTextLength {
		s += fmt.Sprintf(" — %d too many", n-api.MaxTextLength)
	}
	return s
}

// inviteCounter is a LinkedIn invitation note's length against LinkedIn's
// limit, counted on the template (the preview counts it for the lead).
func inviteCounter(b *binding) string {
	n := utf8.RuneCountInString(fromWidget(b.currentText()))
	s := fmt.Sprintf("%d/%d characters: LinkedIn's limit for an invitation note", n, api.LinkedInInviteNoteLimit)
	if n > api.LinkedInInviteNoteLimit {
		s += fmt.Sprintf(" — %d too many", n-api.LinkedInInviteNoteLimit)
	}
	return s
}

// mediaWarnings lists links whose file extension is not one lemlist
// ingests. They are warnings, not errors: a CDN link may serve a PNG from
// an address without extension.
func mediaWarnings(spec fieldSpec, raw string) []string {
	var warns []string
	for i, link := range parseLinks(fromWidget(raw)) {
		p, err := url.Parse(link)
		if err != nil {
			continue
		}
		ext := strings.TrimPrefix(strings.ToLower(path.Ext(p.Path)), ".")
		if slices.Contains(spec.extensions, ext) {
			continue
		}
		got := "no file extension"
		if ext != "" {
			got = "." + ext
		}
		warns = append(warns, fmt.Sprintf("Warning: link %d has %s; lemlist takes %s.",
			i+1, got, strings.ToUpper(strings.Join(spec.extensions, ", "))))
	}
	return warns
}

// mediaHelp is a media field's description: what to type, then warnings.
func mediaHelp(b *binding) string {
	return strings.Join(append([]string{mediaDescription(b.field)}, mediaWarnings(b.spec, b.currentText())...), "\n")
}
