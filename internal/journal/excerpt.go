package journal

import (
	"lemstep/api"
	"lemstep/internal/safetext"
	"lemstep/internal/steptext"
)

// excerptRunes bounds the excerpt kept with an entry: enough to tell steps
// apart, never a whole message.
const excerptRunes = 80

// excerptOf is the step's excerpt, cut to excerptRunes.
func excerptOf(s api.Step) string { return cut(steptext.Excerpt(s)) }

// subjectExcerpt is variant B's subject, on one line and cut.
func subjectExcerpt(s string) string { return cut(safetext.Line(s)) }

func cut(s string) string {
	r := []rune(s)
	if len(r) <= excerptRunes {
		return s
	}
	return string(r[:excerptRunes-1]) + "…"
}
