package preview

import (
	"strings"

	"charm.land/lipgloss/v2"

	"lemstep/api"
)

// rawBody shows the templates as written, Liquid markup highlighted, wrapped
// to the width: what lemlist stores, before any lead is applied.
func (r *Renderer) rawBody(a analysis, width int) string {
	var sb strings.Builder
	if a.headingField != "" {
		label := "Subject: "
		if a.headingField == api.FieldTitle {
			label = "Title: "
		}
		sb.WriteString(r.muted.Render(label))
		// Newlines never delimit markup and a space takes the same byte,
		// so the subject's tokens fit the one-line text too.
		sb.WriteString(r.highlight(strings.ReplaceAll(a.subject.src, "\n", " "), a.subject.toks))
		sb.WriteString("\n\n")
	}
	sb.WriteString(r.highlight(a.message.src, a.message.toks))
	return indent(lipgloss.Wrap(sb.String(), width-2*docMargin, ""), docMargin)
}

// highlight styles each {{ … }} and {% … %} of src, as toks locate them,
// with the template style.
func (r *Renderer) highlight(src string, toks []token) string {
	var sb strings.Builder
	for _, t := range toks {
		text := src[t.Start:t.End]
		if t.Kind == tokText {
			sb.WriteString(text)
			continue
		}
		for i, line := range strings.Split(text, "\n") {
			if i > 0 {
				sb.WriteByte('\n')
			}
			if line != "" {
				sb.WriteString(r.template.Render(line))
			}
		}
	}
	return sb.String()
}
