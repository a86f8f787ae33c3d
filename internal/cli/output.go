package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/colorprofile"

	"lemstep/api"
	"lemstep/internal/safetext"
	"lemstep/theme"
)

// colour reports whether output to stdout may carry colour: only on a
// terminal, and never when NO_COLOR is set.
func (a *app) colour() bool {
	return a.io.IsStdoutTTY() && !theme.NoColorRequested(a.getenv)
}

// theme returns the styles for stdout, or nil when output must stay plain:
// even a colourless theme uses bold and underline, which are escape
// sequences a script would have to strip.
func (a *app) theme() *theme.Theme {
	if !a.colour() {
		return nil
	}
	return theme.New(true, false)
}

// styledOut is stdout for styled text: on a terminal it turns the theme's
// colours into what the terminal supports (256 colours, 16, or none).
func (a *app) styledOut() io.Writer {
	if !a.colour() {
		return a.io.Out
	}
	return colorprofile.NewWriter(a.io.Out, os.Environ())
}

// writeJSON writes v indented, followed by a newline. HTML is not escaped,
// so messages stay readable, but every control character is, so the output
// is safe on a terminal: encoding/json writes C0 controls such as ESC as
// \u001b, and escapeControls does the same for DEL and the C1 controls
// (U+009B is CSI to many terminals), which encoding/json leaves raw, and
// for the bidi and zero-width characters (\u202e), which would otherwise
// reorder or hide the text around them when the JSON is read on a terminal.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(escapeControls(buf.Bytes()))
	return err
}

// escapeControls rewrites DEL, C1 controls and invisible characters in
// encoded JSON as \u escapes. Outside strings JSON is ASCII without controls, so each one found
// sits in a string, where the escape stands for the same character.
func escapeControls(data []byte) []byte {
	if !bytes.ContainsFunc(data, isRawControl) {
		return data
	}
	out := make([]byte, 0, len(data)+32)
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if isRawControl(r) {
			out = fmt.Appendf(out, "\\u%04x", r)
		} else {
			out = append(out, data[:size]...)
		}
		data = data[size:]
	}
	return out
}

func isRawControl(r rune) bool {
	return r == 0x7f || (r >= 0x80 && r <= 0x9f) || safetext.Invisible(r)
}

// rejectedError lists every reason lemlist would refuse what was asked, one
// per line under a heading. It exits with the usage code: nothing was sent.
type rejectedError struct {
	heading string
	lines   []string
}

func (e *rejectedError) Error() string {
	var b strings.Builder
	b.WriteString(e.heading)
	for _, l := range e.lines {
		b.WriteString("\n  - ")
		b.WriteString(l)
	}
	return b.String()
}

// violationLines turns violations into lines "field: message", each prefixed
// with where (an entry of an apply file) when where is not empty.
func violationLines(where string, vs api.Violations) []string {
	lines := make([]string, 0, len(vs))
	for _, v := range vs {
		line := v.Message
		if v.Field != "" {
			line = fmt.Sprintf("%s: %s", v.Field, v.Message)
		}
		if where != "" {
			line = where + ": " + line
		}
		lines = append(lines, line)
	}
	return lines
}

// rejected wraps the lines as an error exiting with code 2.
func rejected(heading string, lines []string) error {
	return &exitError{code: exitUsage, err: &rejectedError{heading: heading, lines: lines}}
}
