package preview

import (
	"slices"
	"strings"
	"testing"

	"lemstep/api"
)

// A finding names its place by what is there, so an editor showing other
// bytes (an email as text) finds it again: the markup or word at the
// offset, and how many times it occurs before.
func TestFindingsNameTheirPlaceByWhatIsThere(t *testing.T) {
	jordan := leadNamed(t, "Jordan")
	msg := `<p>We recieve {{fristName}}.</p><p>{{fristName}}, we recieve it.</p>`
	fs := lintFindings(api.Email, "Hello", msg, jordan)
	variable := findOne(t, fs, Warning, "{{fristName}}")
	if variable.Anchor != (Anchor{Text: "{{fristName}}", Nth: 0}) {
		t.Errorf("the variable's anchor = %+v", variable.Anchor)
	}
	var typos []Anchor
	for _, f := range fs {
		if f.Fix.Old != "" {
			typos = append(typos, f.Anchor)
		}
	}
	want := []Anchor{{Text: "recieve", Nth: 0}, {Text: "recieve", Nth: 1}}
	if !slices.Equal(typos, want) {
		t.Errorf("the misspellings' anchors = %+v, want %+v", typos, want)
	}
}

// A link's address comes before its label in the HTML and after it in the
// text an editor shows: the copy's occurrences are counted apart from the
// markup's, so the anchor names the label, not the address.
func TestAnAnchorCountsTheCopyApartFromTheMarkup(t *testing.T) {
	jordan := leadNamed(t, "Jordan")
	msg := `<p>We <a href="https://acme.example/recieve?to={{fristName}}">recieve</a> it, {{fristName}}.</p>`
	fs := lintFindings(api.Email, "Hello", msg, jordan)
	for _, f := range fs {
		switch {
		case f.Fix.Old == "recieve" && f.Anchor != (Anchor{Text: "recieve"}):
			t.Errorf("the label's misspelling is anchored at %+v", f.Anchor)
		case strings.Contains(f.Message, "{{fristName}}") && f.Anchor != (Anchor{Text: "{{fristName}}", InMarkup: true}):
			t.Errorf("the variable in the address is anchored at %+v", f.Anchor)
		}
	}
}

// A template that does not parse is shown as written, and the result
// names its field; one that parses names none.
func TestResultNamesTheFieldsShownAsWritten(t *testing.T) {
	r := NewRenderer(plainTheme(), 0)
	res := r.Render(Request{Type: api.Email, Subject: "Hi {{ firstName", Message: "<p>{% if x %}</p>"})
	if !slices.Equal(res.AsWritten, []api.Field{api.FieldSubject, api.FieldMessage}) {
		t.Errorf("AsWritten = %v, want subject and message", res.AsWritten)
	}
	res = r.Render(Request{Type: api.Email, Subject: "Hi {{ firstName }}", Message: "<p>{% if x %}y{% endif %}</p>"})
	if len(res.AsWritten) != 0 {
		t.Errorf("AsWritten = %v for templates that parse", res.AsWritten)
	}
}
