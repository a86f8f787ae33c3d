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

// target is what the api checks an update against: this step's type and the
// workspace's campaigns (nil lookup when the caller gave none).
func (f *Form) target() api.Target {
	t := api.Target{Type: f.original.Type}
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

// fieldViolations checks value v of field f alone, except for media lists,
// which are checked with the other list's current value since the limit is
// on images and videos together.
func (f *Form) fieldViolations(field api.Field, v any) api.Violations {
	if field == api.FieldImages || field == api.FieldVideos {
		links, _ := v.([]string)
		return f.mediaViolations(field, links)
	}
	u := api.StepUpdate{Type: f.original.Type}
	u.Set(field, v)
	return u.Validate(f.target()).For(field)
}

// mediaViolations returns the problems of list (the value of field) checked
// together with the current value of the other media field.
func (f *Form) mediaViolations(field api.Field, list []string) api.Violations {
	other := api.FieldVideos
	if field == api.FieldVideos {
		other = api.FieldImages
	}
	u := api.StepUpdate{Type: f.original.Type}
	u.Set(field, list)
	if api.CanEdit(f.original.Type, other) {
		ov, _ := api.StepValue(f.Edited(), other)
		u.Set(other, ov)
	}
	vs := u.Validate(f.target())
	own := vs.For(field)
	if field == api.FieldVideos && u.Images != nil && countsTooMany(u) {
		// The api files the combined count under images; the videos
		// widget shows it too, since either list can be shortened.
		own = append(own, vs.For(api.FieldImages)[len(vs.For(api.FieldImages))-1])
	}
	return own
}

func countsTooMany(u api.StepUpdate) bool {
	n := 0
	for _, l := range []*[]string{u.Images, u.Videos} {
		if l != nil {
			n += len(*l)
		}
	}
	return n > api.MaxMedia
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
	vs = append(vs, u.Validate(f.target())...)
	return append(vs, f.combinedMediaCount(u)...)
}

// combinedMediaCount reports too many attachments when only one media list
// changed: the api check counts the lists the update carries, but the step
// keeps the other one.
func (f *Form) combinedMediaCount(u api.StepUpdate) api.Violations {
	if u.Has(api.FieldImages) == u.Has(api.FieldVideos) {
		return nil
	}
	changed := api.FieldImages
	if u.Has(api.FieldVideos) {
		changed = api.FieldVideos
	}
	if l, _ := u.UpdateValue(changed); len(l.([]string)) > api.MaxMedia {
		return nil // the update's own check already counted too many
	}
	full := api.StepUpdate{Type: u.Type}
	edited := f.Edited()
	for _, m := range []api.Field{api.FieldImages, api.FieldVideos} {
		v, _ := api.StepValue(edited, m)
		full.Set(m, v)
	}
	if !countsTooMany(full) {
		return nil
	}
	// The combined count is the last check of the media lists.
	vs := full.Validate(f.target())
	count := vs[len(vs)-1]
	count.Field = changed
	return api.Violations{count}
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

// mediaWarnings lists links whose file extension is not one lemlist
// ingests. They are warnings, not errors: a CDN link may serve a PNG from
// an address without extension.
func mediaWarnings(spec fieldSpec, raw string) []string {
	var warns []string
	for i, link := range parseLinks(raw) {
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
