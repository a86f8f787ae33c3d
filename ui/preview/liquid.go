package preview

import (
	"fmt"
	"html"
	"strings"

	"github.com/osteele/liquid"

	"lemstep/internal/safetext"
)

// MissingMarker is how a variable the lead lacks shows in the preview:
// visibly, never as silent emptiness. A variable piped through the default
// filter shows its default instead.
func MissingMarker(name string) string { return "⟨" + name + "⟩" }

// bindings are the values a template sees for a lead: the sample sender's
// variables, then the lead's own, sanitized like any text that may come
// from the network. Empty values count as missing, as they do for the
// default filter.
func bindings(lead Lead, sender map[string]string) liquid.Bindings {
	b := liquid.Bindings{}
	for k, v := range sender {
		if v != "" {
			b[k] = safetext.Clean(v)
		}
	}
	for k, v := range lead.Fields {
		if v != "" {
			b[k] = safetext.Clean(v)
		}
	}
	return b
}

// liquidError is a template the Liquid engine could not parse or render.
// Markup is the failing {{ … }} or {% … %} as the engine quotes it, and
// Line the engine's line number: both are hints to locate the error.
type liquidError struct {
	Markup string
	Line   int
	Msg    string
}

func (e *liquidError) Error() string { return e.Msg }

// renderLiquid renders tpl for the bindings b. Outputs of variables b lacks
// (without a default filter) become MissingMarker(name). In HTML, lemlist's
// editor may store the quotes of a Liquid expression as entities
// (&quot;there&quot;); those are decoded inside the markup first. It never
// panics: any failure of the engine comes back as a *liquidError.
func renderLiquid(tpl parsedTemplate, b liquid.Bindings, isHTML bool) (out string, err error) {
	if !hasMarkup(tpl.toks) {
		return tpl.src, nil
	}
	prepared := prepareTemplate(tpl, b, isHTML)
	defer func() {
		if r := recover(); r != nil {
			out, err = "", &liquidError{Msg: fmt.Sprintf("the template could not be rendered: %v", r)}
		}
	}()
	engine := liquid.NewEngine()
	compiled, perr := engine.ParseString(prepared)
	if perr != nil {
		return "", newLiquidError(perr)
	}
	s, rerr := compiled.RenderString(b)
	if rerr != nil {
		return "", newLiquidError(rerr)
	}
	return s, nil
}

func hasMarkup(toks []token) bool {
	for _, t := range toks {
		if t.Kind != tokText {
			return true
		}
	}
	return false
}

// prepareTemplate rewrites the outputs of missing variables into their
// visible marker, and decodes HTML entities inside markup. Line breaks are
// kept, so the engine's line numbers still point into the source.
func prepareTemplate(tpl parsedTemplate, b liquid.Bindings, isHTML bool) string {
	var sb strings.Builder
	sb.Grow(len(tpl.src))
	for _, t := range tpl.toks {
		text := tpl.src[t.Start:t.End]
		switch {
		case t.Kind == tokText:
			sb.WriteString(text)
		case t.Kind == tokObject && t.Closed:
			if r, ok := objectRef(t); ok && !r.HasDefault && b[r.Name] == nil && !tpl.locals[r.Name] {
				sb.WriteString(MissingMarker(r.Name))
				continue
			}
			sb.WriteString(decodeMarkup(text, isHTML))
		default:
			sb.WriteString(decodeMarkup(text, isHTML))
		}
	}
	return sb.String()
}

func decodeMarkup(markup string, isHTML bool) string {
	if !isHTML || !strings.Contains(markup, "&") {
		return markup
	}
	return strings.ReplaceAll(html.UnescapeString(markup), "\u00a0", " ")
}

// newLiquidError splits the engine's message, "Liquid error (line 1):
// syntax error in "x |" in {{ x | }}", into the words for the copywriter and
// the markup it quotes.
func newLiquidError(err liquid.SourceError) *liquidError {
	msg := err.Error()
	if i := strings.Index(msg, "): "); i >= 0 && strings.HasPrefix(msg, "Liquid") {
		msg = msg[i+3:]
	}
	msg = strings.TrimPrefix(msg, "Liquid error: ")
	var markup string
	for _, open := range []string{" in {{", " in {%"} {
		if i := strings.LastIndex(msg, open); i >= 0 {
			markup, msg = msg[i+4:], msg[:i]
			break
		}
	}
	return &liquidError{Markup: markup, Line: err.LineNumber(), Msg: msg}
}
