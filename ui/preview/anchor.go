package preview

import (
	"lemstep/api"
	"lemstep/internal/textplace"
)

// Anchor names a finding's place by what is there: an editor showing other
// bytes than the lint read (an email edited as text) finds it again. See
// internal/textplace.
type Anchor = textplace.Place

// anchorAll names the place of each of fs that is about field and has a
// position, in text (the field's text as the lint read it): its fix's old
// word, or the markup or word at its offset. In HTML, occurrences in tags
// and in the copy are counted apart, as an editor showing the email as
// text shows them apart. Each text is searched once, however many
// findings name it.
func anchorAll(fs []Finding, field api.Field, text string, isHTML bool) {
	var markup []textplace.Span
	if isHTML {
		markup = textplace.Tags(text)
	}
	x := textplace.NewIndex(text, markup)
	for i := range fs {
		f := &fs[i]
		if f.Field != field || f.Offset < 0 || f.Offset >= len(text) {
			continue
		}
		s := f.Fix.Old
		if s == "" {
			s = textplace.TextAt(text[f.Offset:])
		}
		f.Anchor = x.Name(f.Offset, s)
	}
}
