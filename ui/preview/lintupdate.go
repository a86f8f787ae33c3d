package preview

import (
	"cmp"
	"slices"
	"unicode/utf8"

	"lemstep/api"
	"lemstep/internal/safetext"
)

// Lint checks the texts an update sends with the rules the preview applies
// while editing (Liquid that cannot render, unknown variables, the 400
// characters of a subject or title, an empty message, the channels' soft
// limits), without drawing anything. It is the one lint of lemstep: the
// review screen and the update and apply commands gate a send on it.
//
// Only the fields u sets are checked, as they will be sent. Each sample
// lead is tried: a finding is listed once however many leads meet it, and
// a channel limit is reported for the lead with the longest message. Info
// findings (a sample lead lacks a field) are the preview's business and are
// left out. Blocking findings come first, each severity in field order.
func Lint(u api.StepUpdate) []Finding {
	subject, hasSubject := updateHeading(u)
	message, hasMessage := u.UpdateValue(api.FieldMessage)
	alt, hasAlt := u.UpdateValue(api.FieldAltMessage)
	if !hasSubject && !hasMessage && !hasAlt {
		return nil
	}
	s := loadSamples()
	var fs, limits []Finding
	longest := -1
	for _, lead := range Leads() {
		a := analyze(u.Type, asText(subject), asText(message), lead, s.Sender)
		fs = append(fs, a.findings...)
		if hasAlt {
			fs = append(fs, lintAltMessage(asText(alt), lead, s.Sender)...)
		}
		if n := utf8.RuneCountInString(a.messageOut); n > longest {
			longest, limits = n, a.limits
		}
	}
	fs = append(fs, limits...)
	sent := func(f Finding) bool {
		return f.Field == api.FieldAltMessage || (hasMessage && f.Field == api.FieldMessage) ||
			(hasSubject && (f.Field == api.FieldSubject || f.Field == api.FieldTitle))
	}
	var out []Finding
	for _, f := range fs {
		if f.Severity > Info && sent(f) && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	slices.SortStableFunc(out, func(a, b Finding) int { return cmp.Compare(b.Severity, a.Severity) })
	return out
}

// updateHeading is the subject (or, for a manual task, the title) u sets.
func updateHeading(u api.StepUpdate) (any, bool) {
	if f := headingField(u.Type); f != "" {
		return u.UpdateValue(f)
	}
	return nil, false
}

// lintAltMessage checks a LinkedIn message's fallback text as a template:
// lemlist fills in its variables like the message's.
func lintAltMessage(text string, lead Lead, sender map[string]string) []Finding {
	tpl := parseTemplate(safetext.Clean(text))
	_, fs, _ := lintTemplate(api.FieldAltMessage, tpl, false, lead, knownNames(lead, sender), bindings(lead, sender))
	anchorAll(fs, api.FieldAltMessage, tpl.src, false)
	return fs
}

func asText(v any) string {
	s, _ := v.(string)
	return s
}

// Blockers returns the blocking findings of fs.
func Blockers(fs []Finding) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Severity == Blocking {
			out = append(out, f)
		}
	}
	return out
}
