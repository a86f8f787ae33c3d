package forms

import (
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"charm.land/huh/v2"

	"lemstep/api"
	"lemstep/internal/safetext"
)

// binding ties one editable field to the widget that edits it. The widget
// holds text as it can display it (control sequences removed, CRLF shown as
// LF, tabs held as tabMark: see plaintext.go); shown is that display form of
// the step's own value. As long as the widget still holds shown, the field is
// untouched and the step's exact value is kept: nothing from the network is
// altered just by opening the form.
type binding struct {
	field  api.Field
	spec   fieldSpec
	crlf   bool      // the step's copy uses CRLF line endings; edits keep them
	widget huh.Field // the huh widget editing the field, set by Form.widget

	// String-valued widgets (inputs, text areas, selects).
	shown   string
	current string
	// mu guards current against a read from outside the update loop:
	// the draft the program saves as it stops (ui's SaveDraft). It costs
	// nothing on a keystroke.
	mu sync.Mutex

	// The yes/no widget.
	flag, flagShown bool

	// mail edits an email's message as text; nil for other fields.
	mail *mailEdit
}

// newBinding prepares field f showing value, where original is the step as
// lemlist has it (the reference for "untouched").
func newBinding(f api.Field, original, value api.Step) *binding {
	spec := fieldSpecs[f]
	b := &binding{field: f, spec: spec}
	ov, ook := api.StepValue(original, f)
	vv, vok := api.StepValue(value, f)
	if spec.kind == kindYesNo {
		b.flagShown, _ = ov.(bool)
		b.flag, _ = vv.(bool)
		return b
	}
	if s, ok := ov.(string); ok && strings.Contains(s, "\r\n") {
		b.crlf = true
	}
	b.shown = displayForm(spec.kind, ov, ook)
	b.current = displayForm(spec.kind, vv, vok)
	return b
}

// displayForm is value as the widget of kind shows it.
func displayForm(kind widgetKind, v any, ok bool) string {
	if !ok {
		return ""
	}
	switch kind {
	case kindDays:
		n, _ := v.(int)
		return strconv.Itoa(n)
	case kindMedia:
		l, _ := v.([]string)
		return cleanTyped(toWidget(safetext.Clean(strings.Join(l, "\n"))), true)
	case kindText:
		s, _ := v.(string)
		return cleanTyped(toWidget(safetext.Clean(strings.ReplaceAll(s, "\r\n", "\n"))), true)
	case kindLine:
		s, _ := v.(string)
		return cleanTyped(toWidget(safetext.Clean(s)), false)
	}
	s, _ := v.(string)
	return s
}

// touched reports whether the user changed the widget's value.
func (b *binding) touched() bool {
	if b.spec.kind == kindYesNo {
		return b.flag != b.flagShown
	}
	return b.current != b.shown
}

// value is the widget's current value in the update body's type, or the
// reason it cannot be sent (only a delay that is not a whole number).
func (b *binding) value() (any, error) {
	return parseValue(b.spec.kind, b.current, b.flag, b.crlf)
}

func parseValue(kind widgetKind, raw string, flag, crlf bool) (any, error) {
	// JSON can only carry UTF-8: say now what the body will hold.
	if !utf8.ValidString(raw) {
		raw = strings.ToValidUTF8(raw, "\uFFFD")
	}
	raw = fromWidget(raw)
	switch kind {
	case kindYesNo:
		return flag, nil
	case kindDays:
		return parseDays(raw)
	case kindMedia:
		return parseLinks(raw), nil
	case kindText:
		if crlf {
			return strings.ReplaceAll(raw, "\n", "\r\n"), nil
		}
	}
	return raw, nil
}

// parseDays reads a delay typed in the form with the api's one rule for
// delays: decimal digits only.
func parseDays(raw string) (int, error) {
	n, err := api.ParseDelay(raw)
	if err != nil {
		return 0, fieldError(err.Error())
	}
	return n, nil
}

// parseLinks reads one link per line; surrounding spaces and blank lines
// are layout, not content.
func parseLinks(raw string) []string {
	links := []string{}
	for line := range strings.SplitSeq(raw, "\n") {
		if l := strings.TrimSpace(line); l != "" {
			links = append(links, l)
		}
	}
	return links
}

// fieldError is a widget's refusal, shown under the form.
type fieldError string

func (e fieldError) Error() string { return string(e) }

// setCurrent stores the widget's text; see mu.
func (b *binding) setCurrent(v string) {
	b.mu.Lock()
	b.current = v
	b.mu.Unlock()
}

// editText is the text the field edits: the message's text in an email
// edited as text, else the widget's text.
func (b *binding) editText() string {
	if b.mail != nil {
		return b.mail.Get()
	}
	return b.currentText()
}

// setEditText stores the text the field edits; see editText.
func (b *binding) setEditText(v string) {
	if b.mail != nil {
		b.mail.Set(v)
		return
	}
	b.setCurrent(v)
}

// currentText reads the widget's text from any goroutine; see mu.
func (b *binding) currentText() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.current
}
