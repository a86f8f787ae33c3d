package preview

import (
	"slices"
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

func TestSnippetAt(t *testing.T) {
	for in, want := range map[string]string{
		"{{ firstName | default: \"x\" }} rest": "{{ firstName | default: \"x\" }}",
		"{% if x %}yes":                         "{% if x %}",
		"{{ broken":                             "{{",
		"don't stop":                            "don't",
		"<p>":                                   "<",
		"Привет, мир":                           "Привет",
	} {
		if got := snippetAt(in); got != want {
			t.Errorf("snippetAt(%q) = %q, want %q", in, got, want)
		}
	}
	if a := anchorAt("abc", 3); a != (Anchor{}) {
		t.Errorf("an anchor past the end = %+v", a)
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
