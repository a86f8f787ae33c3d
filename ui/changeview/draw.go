package changeview

import (
	"strings"

	"charm.land/lipgloss/v2"

	"lemstep/api"
	"lemstep/forms"
)

// minValueWidth is the narrowest value column beside the labels; narrower,
// the values go under their labels.
const minValueWidth = 24

// drawer draws entries with one set of options.
type drawer struct {
	o Options
}

func newDrawer(o Options) drawer { return drawer{o: o} }

func (d drawer) paints() paints {
	id := func(s string) string { return s }
	p := paints{id, id, id, id}
	if t := d.o.Theme; t != nil {
		p[paintGone], p[paintNew], p[paintMuted] = render(t.DiffDel), render(t.DiffAdd), render(t.Muted)
	}
	return p
}

func render(st lipgloss.Style) func(string) string {
	return func(s string) string { return st.Render(s) }
}

func (d drawer) title(f api.Field) string {
	name := forms.Label(f)
	if d.o.Theme != nil {
		return d.o.Theme.Key.Render(name)
	}
	return name
}

// entry draws a field: its name, then each version beside its label, the
// values aligned in one column; unlabelled versions sit under the name.
func (d drawer) entry(e Entry) string {
	labelW := 0
	for _, v := range e.Versions {
		labelW = max(labelW, len(v.Label))
	}
	indent := 2
	if labelW > 0 {
		indent += labelW + 2
	}
	under := d.o.Width > 0 && d.o.Width-indent < minValueWidth
	if under {
		indent = 4
	}
	lines := []string{d.title(e.Field)}
	for _, v := range e.Versions {
		rows := d.value(e.Field, v, d.o.Width-indent)
		label := "  " + v.Label + strings.Repeat(" ", indent-2-len(v.Label))
		if d.o.Theme != nil && v.Label != "" {
			label = d.o.Theme.Muted.Render(label)
		}
		if under && v.Label != "" {
			lines = append(lines, label)
			label = strings.Repeat(" ", indent)
		}
		pad := strings.Repeat(" ", indent)
		for i, r := range rows {
			if i == 0 {
				lines = append(lines, label+r)
				continue
			}
			lines = append(lines, pad+r)
		}
	}
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// value draws one version wrapped to width: each line of a text, or each
// item of a list, on rows of its own.
func (d drawer) value(f api.Field, v Version, width int) []string {
	s, against := show(f, v.Value, d.o.Campaigns), show(f, v.Against, d.o.Campaigns)
	ps := d.paints()
	if s.placeholder != "" && (v.Mark != Both || against.placeholder != "") {
		return []string{ps[paintMuted](s.placeholder)}
	}
	pieces := versionPieces(s.tokens, against.tokens, v.Mark)
	if v.Mark == Both && v.Label != "" && (s.whole || !keepsAny(pieces)) {
		// A labelled version sits under the others, each whole: when
		// it keeps nothing of the old value, that value is on its own
		// row already and need not be repeated struck out.
		pieces = versionPieces(s.tokens, against.tokens, Added)
	}
	lines := splitLines(pieces)
	if len(lines) > 1 && len(lines[len(lines)-1]) == 0 {
		lines = lines[:len(lines)-1] // the break after a list's last item
	}
	var rows []string
	for _, line := range lines {
		for _, row := range wrapCells(line, width) {
			rows = append(rows, drawCells(row, ps))
		}
	}
	if s.placeholder != "" {
		rows = append(rows, ps[paintMuted](s.placeholder)) // what is left once the old words go
	}
	return rows
}

// keepsAny reports whether a diff keeps any word of the old value.
func keepsAny(pieces []piece) bool {
	for _, p := range pieces {
		if p.op == opSame && strings.TrimSpace(p.text) != "" {
			return true
		}
	}
	return false
}

// versionPieces is what a version shows of the diff with against.
func versionPieces(value, against []string, m Mark) []piece {
	var all []piece
	switch m {
	case Plain:
		return []piece{{text: strings.Join(value, "")}}
	case Removed:
		all = diffPieces(value, against)
	default:
		all = diffPieces(against, value)
	}
	out := all[:0]
	for _, p := range all {
		if (m == Removed && p.op == opNew) || (m == Added && p.op == opGone) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// splitLines splits pieces at their line breaks into lines of cells, a
// bracketed run closed and opened again on each line it spans so every
// line reads on its own. A line break is never drawn as an empty bracket:
// a pasted block shows as its lines, with no blank ones between.
func splitLines(pieces []piece) [][]cell {
	lines := [][]cell{nil}
	for _, p := range pieces {
		paint := [...]paint{opSame: paintPlain, opGone: paintGone, opNew: paintNew}[p.op]
		for i, part := range strings.Split(p.text, "\n") {
			if i > 0 {
				lines = append(lines, nil)
			}
			if part == "" {
				continue
			}
			last := &lines[len(lines)-1]
			open := toCells(brackets[p.op][0], paint)
			for i := range open {
				open[i].open = true
			}
			*last = append(*last, open...)
			*last = append(*last, toCells(part, paint)...)
			*last = append(*last, toCells(brackets[p.op][1], paint)...)
		}
	}
	return lines
}
