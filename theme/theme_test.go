package theme

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"charm.land/glamour/v2"
	"charm.land/lipgloss/v2"
)

var sgr = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// colourCodes returns the SGR parameters in s that set a colour.
func colourCodes(s string) []string {
	var found []string
	for _, m := range sgr.FindAllStringSubmatch(s, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			n, err := strconv.Atoi(p)
			if err != nil {
				continue
			}
			switch {
			case n >= 30 && n <= 38, n >= 40 && n <= 48, n == 58,
				n >= 90 && n <= 97, n >= 100 && n <= 107:
				found = append(found, m[0])
			}
		}
	}
	return found
}

// allStyles lists every exported lipgloss.Style field of t, by name.
func allStyles(t *Theme) map[string]lipgloss.Style {
	out := map[string]lipgloss.Style{}
	v := reflect.ValueOf(t).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		if !f.IsExported() {
			continue
		}
		if st, ok := v.Field(i).Interface().(lipgloss.Style); ok {
			out[f.Name] = st
		}
	}
	for _, s := range []string{"draft", "running", "paused", "ended", "errors", "archived"} {
		out["status "+s] = t.StatusStyle(s)
	}
	return out
}

func TestNoColorStylesRenderWithoutColour(t *testing.T) {
	th := New(true, true)
	for name, st := range allStyles(th) {
		if got := colourCodes(st.Render("text")); len(got) > 0 {
			t.Errorf("%s renders colour codes %q", name, got)
		}
	}
	hs := th.Huh().Theme(true)
	for name, st := range map[string]lipgloss.Style{
		"focused title": hs.Focused.Title, "focused button": hs.Focused.FocusedButton,
		"blurred button": hs.Blurred.BlurredButton, "placeholder": hs.Focused.TextInput.Placeholder,
		"error": hs.Focused.ErrorMessage, "help key": hs.Help.ShortKey, "base": hs.Focused.Base,
	} {
		if got := colourCodes(st.Render("text")); len(got) > 0 {
			t.Errorf("huh %s renders colour codes %q", name, got)
		}
	}
}

func TestNoColorKeepsSelectionVisible(t *testing.T) {
	th := New(false, true)
	if th.Selected.Render("row") == "row" {
		t.Fatal("selected row is indistinguishable without colour")
	}
	if th.Title.Render("Title") == "Title" {
		t.Fatal("title is indistinguishable without colour")
	}
}

func TestColouredThemesUseColour(t *testing.T) {
	for _, dark := range []bool{true, false} {
		th := New(dark, false)
		if len(colourCodes(th.Error.Render("x"))) == 0 {
			t.Errorf("dark=%v: error style has no colour", dark)
		}
		if len(colourCodes(th.StatusStyle("running").Render("x"))) == 0 {
			t.Errorf("dark=%v: running status has no colour", dark)
		}
	}
}

func TestDarkAndLightDiffer(t *testing.T) {
	d, l := New(true, false), New(false, false)
	if d.Title.Render("x") == l.Title.Render("x") {
		t.Error("title renders the same on dark and light")
	}
	if d.Selected.Render("x") == l.Selected.Render("x") {
		t.Error("selection renders the same on dark and light")
	}
	if *d.GlamourStyle().Text.Color == *l.GlamourStyle().Text.Color {
		t.Error("glamour text colour is the same on dark and light")
	}
	if !d.Dark() || l.Dark() {
		t.Error("Dark() does not report the palette")
	}
}

func TestStatusStylesAreDistinct(t *testing.T) {
	th := New(true, false)
	seen := map[string]string{}
	for _, s := range []string{"draft", "running", "paused", "ended", "errors", "archived"} {
		r := th.StatusStyle(s).Render("x")
		if other, dup := seen[r]; dup {
			t.Errorf("status %s looks the same as %s", s, other)
		}
		seen[r] = s
	}
	if th.StatusStyle("unheard-of").Render("x") != th.Muted.Render("x") {
		t.Error("unknown status should fall back to the muted style")
	}
}

func TestGlamourStyles(t *testing.T) {
	md := "# Hi\n\nSome **bold** text and a [link](https://example.com).\n"
	render := func(th *Theme) string {
		r, err := glamour.NewTermRenderer(glamour.WithStyles(th.GlamourStyle()), glamour.WithWordWrap(60))
		if err != nil {
			t.Fatal(err)
		}
		out, err := r.Render(md)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	plain := render(New(true, true))
	if got := colourCodes(plain); len(got) > 0 {
		t.Errorf("no-colour glamour output has colour codes %q", got)
	}
	if !strings.Contains(plain, "https://example.com") {
		t.Errorf("plain render lost the link URL:\n%s", plain)
	}
	dark, light := render(New(true, false)), render(New(false, false))
	if len(colourCodes(dark)) == 0 || dark == light {
		t.Error("dark and light glamour renders should be coloured and differ")
	}
}

func TestNoColorRequested(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == "NO_COLOR" {
				return v
			}
			return ""
		}
	}
	if NoColorRequested(env("")) {
		t.Error("empty NO_COLOR must not disable colour")
	}
	if !NoColorRequested(env("1")) || !NoColorRequested(env("false")) {
		t.Error("any non-empty NO_COLOR disables colour")
	}
	if NoColorRequested(nil) {
		t.Error("nil env must not disable colour")
	}
}
