package preview

import (
	"strings"
	"testing"

	"lemstep/api"
)

func leadNamed(t *testing.T, prefix string) Lead {
	t.Helper()
	for _, l := range Leads() {
		if strings.HasPrefix(l.Name, prefix) {
			return l
		}
	}
	t.Fatalf("no sample lead named %q", prefix)
	return Lead{}
}

func liquidOut(t *testing.T, tpl string, lead Lead) string {
	t.Helper()
	out, err := renderLiquid(parseTemplate(tpl), bindings(lead, SampleSender()), false)
	if err != nil {
		t.Fatalf("render %q: %v", tpl, err)
	}
	return out
}

func TestLiquidVariablesAndMissingMarkers(t *testing.T) {
	jordan, sam := leadNamed(t, "Jordan"), leadNamed(t, "Sam")
	cases := []struct {
		tpl  string
		lead Lead
		want string
	}{
		{"Hi {{firstName}} at {{companyName}}", jordan, "Hi Jordan at Acme Robotics"},
		{"Hi {{ firstName }} at {{companyName}}", sam, "Hi Sam at ⟨companyName⟩"},
		{"{{companyName | default: \"your team\"}}", sam, "your team"},
		{"{{companyName | default: \"your team\"}}", jordan, "Acme Robotics"},
		{"{{ companyName | upcase }}", sam, "⟨companyName⟩"},
		{"{{ companyName | upcase }}", jordan, "ACME ROBOTICS"},
		{"{{favoriteColor}}", jordan, "⟨favoriteColor⟩"},
		{"{{-firstName-}}!", jordan, "Jordan!"},
		{"{{senderName}}", sam, "Camille Durand"},
		{"{% assign greet = \"Hey\" %}{{greet}} {{firstName}}", jordan, "Hey Jordan"},
		{"{% for w in (1..2) %}{{forloop.index}}{% endfor %}", jordan, "12"},
		{"{{ \"literal\" }}", jordan, "literal"},
	}
	for _, c := range cases {
		if got := liquidOut(t, c.tpl, c.lead); got != c.want {
			t.Errorf("%q for %s = %q, want %q", c.tpl, c.lead.Name, got, c.want)
		}
	}
}

func TestLiquidConditionals(t *testing.T) {
	tpl := "{% if companyName %}at {{companyName}}{% elsif jobTitle %}as {{jobTitle}}{% else %}hello{% endif %}"
	cases := map[string]string{
		"Jordan": "at Acme Robotics",
		"Sam":    "as Freelance designer",
	}
	for name, want := range cases {
		if got := liquidOut(t, tpl, leadNamed(t, name)); got != want {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}
	if got := liquidOut(t, tpl, Lead{Name: "empty"}); got != "hello" {
		t.Errorf("lead without fields: got %q, want the else branch", got)
	}
	if got := liquidOut(t, `{% unless companyName %}no company{% endunless %}`, leadNamed(t, "Sam")); got != "no company" {
		t.Errorf("unless: got %q", got)
	}
}

func TestLiquidUnicodeLead(t *testing.T) {
	zoe := leadNamed(t, "Zoë")
	got := liquidOut(t, "Hej {{firstName}} {{lastName}}, {{companyName}}", zoe)
	if got != "Hej Zoë Åsa Ødegård 李, Fjord & Fjell AS" {
		t.Errorf("got %q", got)
	}
}

func TestLiquidEntitiesInsideEmailMarkup(t *testing.T) {
	out, err := renderLiquid(parseTemplate(`<p>Hi {{firstName | default: &quot;there&quot;}}</p>`), bindings(Lead{}, nil), true)
	if err != nil || out != "<p>Hi there</p>" {
		t.Errorf("got %q, %v", out, err)
	}
}

func TestLiquidErrorsNeverPanic(t *testing.T) {
	for _, tpl := range []string{
		"{% if %}x{% endif %}",
		"{{ firstName | }}",
		"{% nosuchtag %}",
		"{{ firstName | truncate: \"x\" }}",
		"{% for x in %}{% endfor %}",
		"{{",
		"{%",
	} {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%q panicked: %v", tpl, r)
				}
			}()
			_, _ = renderLiquid(parseTemplate(tpl), bindings(leadNamed(t, "Jordan"), nil), false)
			res := NewRenderer(plainTheme(), 0).Render(Request{Type: api.SMS, Message: tpl, Lead: leadNamed(t, "Jordan")})
			if res.Body == "" {
				t.Errorf("%q: empty body", tpl)
			}
		}()
	}
}

func TestBrokenTemplateShowsRawTextAndError(t *testing.T) {
	r := NewRenderer(plainTheme(), 0)
	res := r.Render(Request{Type: api.LinkedinSend, Message: "Hi {{firstName}}\n{% if companyName %}at {{companyName}}", Lead: leadNamed(t, "Jordan")})
	if !strings.Contains(res.Body, "{{firstName}}") || !strings.Contains(res.Body, "{% if companyName %}") {
		t.Errorf("broken template should show the raw text:\n%s", res.Body)
	}
	f := findOne(t, res.Findings, Blocking, "never closed")
	if f.Line != 2 || f.Col != 1 || f.Offset != len("Hi {{firstName}}\n") {
		t.Errorf("finding at %d:%d (offset %d), want 2:1", f.Line, f.Col, f.Offset)
	}
}
