package findreplace

import (
	"fmt"
	"html"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"lemstep/api"
)

// Where says which layer of a field a match is in.
type Where string

const (
	// InText is the text of an email a reader sees.
	InText Where = "text"
	// InHTML is the markup of an email, inside a tag: a link's address,
	// an image's alt text.
	InHTML Where = "html"
	// InPlain is a field that is not HTML: a subject, a LinkedIn message.
	InPlain Where = "plain"
)

// Match is one occurrence of the pattern in a field.
type Match struct {
	Field api.Field
	// Start and End are byte offsets in the field's value; Text is what
	// they hold.
	Start, End int
	Text       string
	Where      Where
	// Line and Column place the match for a person, from 1; Column counts
	// characters.
	Line, Column int
	// Before and After are a little of the text around the match, on one
	// line, as a reader of the field sees it.
	Before, After string
	// Skip says why the match cannot be replaced; "" when it can.
	Skip string
	// Replaced is set by Plan on a match the replacement is written into.
	Replaced bool
	loc      []int // the match and its groups, for a --regex replacement
}

// contextRunes is how many characters of context each side of a match keeps.
const contextRunes = 40

// Skip reasons.
const (
	skipAcrossMarkup = "a reader sees it across the email's markup (a tag or an entity sits inside it); change it in the editor"
	skipEdgeOf       = "it crosses the edge of %s"
)

// find lists the matches of the pattern in value, a field of a step. In an
// HTML message the search runs on the HTML (each match says whether it is
// in the text or in the markup) and on the text a reader sees; a match seen
// only there, because a tag or an entity sits inside it, is reported and
// cannot be replaced.
func (m *Matcher) find(f api.Field, value string, isHTML bool) []Match {
	return m.findWith(&scratch{}, f, value, isHTML)
}

// scratch is memory a search reuses from one field to the next: the
// regions and the visible text's segments of one field are not needed
// once its matches are listed.
type scratch struct {
	regions, liquid []region
	segs            []segment
}

func (m *Matcher) findWith(sc *scratch, f api.Field, value string, isHTML bool) []Match {
	if value == "" {
		return nil
	}
	locs := m.findAll(value)
	var vis *visibleText
	var rs []region
	if len(locs) > 0 || isHTML {
		sc.regions, sc.liquid = appendRegions(sc.regions, sc.liquid, value, isHTML)
		rs = sc.regions
	}
	if isHTML && m.mayCross(value, rs) {
		v := visible(sc.segs, value, rs)
		sc.segs = v.segs
		vis = &v
	}
	out := make([]Match, 0, len(locs))
	for _, loc := range locs {
		if loc[0] == loc[1] {
			continue // an empty match replaces nothing
		}
		mt := Match{Field: f, Start: loc[0], End: loc[1], Text: value[loc[0]:loc[1]], Where: InPlain, loc: loc}
		mt.Where, mt.Skip = classify(rs, mt.Start, mt.End, isHTML)
		out = append(out, mt)
	}
	if vis != nil {
		out = mergeVisible(out, m.visibleOnly(f, *vis, out))
	}
	var at place
	for i := range out {
		at = at.advance(value, out[i].Start)
		placeMatch(&out[i], value, vis, at)
		if vis == nil && isHTML && out[i].Where == InText {
			out[i].Before, out[i].After = readerContext(value, rs, out[i].Start, out[i].End)
		}
	}
	return out
}

// contextBytes is how much of the text around a match is gathered for its
// context: enough for contextRunes characters once entities are decoded.
const contextBytes = 4 * contextRunes

// readerContext is the text a reader sees just before and after the HTML
// [start, end), for a match in an email whose reader's text was not built:
// the text between the tags nearest the match, gathered outward.
func readerContext(value string, rs []region, start, end int) (string, string) {
	k := sort.Search(len(rs), func(i int) bool { return rs[i].start >= start })
	var pieces [16]string // the text before the match, nearest first
	parts, n, pos := 0, 0, start
	for i := k - 1; i >= -1 && n < contextBytes && parts < len(pieces)-1; i-- {
		if i >= 0 && rs[i].kind != regionTag {
			continue
		}
		from := 0
		if i >= 0 {
			from = min(rs[i].end, pos)
		}
		pieces[parts] = value[from:pos]
		parts++
		n += pos - from
		if i < 0 {
			break
		}
		if blockTags[tagName(value[rs[i].start:rs[i].end])] {
			pieces[parts] = "\n"
			parts++
		}
		pos = rs[i].start
	}
	var before strings.Builder
	before.Grow(n + parts)
	for i := parts - 1; i >= 0; i-- {
		before.WriteString(pieces[i])
	}
	var after strings.Builder
	after.Grow(contextBytes + 8)
	pos = end
	for i := sort.Search(len(rs), func(i int) bool { return rs[i].start >= end }); after.Len() < contextBytes; i++ {
		for i < len(rs) && rs[i].kind != regionTag {
			i++
		}
		to := len(value)
		if i < len(rs) {
			to = max(rs[i].start, pos)
		}
		after.WriteString(value[pos:min(to, pos+contextBytes-after.Len())])
		if i >= len(rs) {
			break
		}
		if blockTags[tagName(value[rs[i].start:rs[i].end])] {
			after.WriteString("\n")
		}
		pos = rs[i].end
	}
	return tail(html.UnescapeString(before.String())), head(html.UnescapeString(after.String()))
}

// place is a position in a field's value with its line and column, moved
// forward match by match so that placing every match of a field reads it
// once.
type place struct {
	offset, line, column int
}

// advance moves p forward to offset to (never backward: matches come in
// order, and a match only a reader sees can start before the last one).
func (p place) advance(value string, to int) place {
	if p.line == 0 {
		p = place{line: 1, column: 1}
	}
	if to < p.offset {
		p = place{line: 1, column: 1}
	}
	seg := value[p.offset:to]
	if nl := strings.Count(seg, "\n"); nl > 0 {
		p.line += nl
		seg = seg[strings.LastIndexByte(seg, '\n')+1:]
		p.column = 1
	}
	p.column += utf8.RuneCountInString(seg)
	p.offset = to
	return p
}

// classify says where [start, end) lies and, when it straddles the edge
// of a tag or a Liquid expression, why it cannot be replaced.
func classify(rs []region, start, end int, isHTML bool) (Where, string) {
	where := InPlain
	if isHTML {
		where = InText
	}
	for _, r := range rs {
		if r.end <= start || r.start >= end {
			continue
		}
		if r.start < start && end < r.end {
			if r.kind == regionTag {
				where = InHTML
			}
			continue
		}
		if start <= r.start && r.end <= end {
			continue // the whole piece is in the match: replaced as a whole
		}
		if r.kind == regionTag {
			where = InHTML
		}
		return where, fmt.Sprintf(skipEdgeOf, r.kind)
	}
	return where, ""
}

// visibleOnly are the matches in the text a reader sees whose HTML is not
// the match itself: a tag or an entity sits inside them.
func (m *Matcher) visibleOnly(f api.Field, v visibleText, inHTML []Match) []Match {
	found := make(map[[2]int]bool, len(inHTML))
	for _, mt := range inHTML {
		found[[2]int{mt.Start, mt.End}] = true
	}
	var out []Match
	for _, loc := range m.findAll(v.text) {
		if loc[0] == loc[1] {
			continue
		}
		start, end := v.source(loc[0], loc[1])
		if found[[2]int{start, end}] {
			continue // the HTML holds the same text: found by the search of the HTML
		}
		out = append(out, Match{Field: f, Start: start, End: end, Text: v.text[loc[0]:loc[1]], Where: InText, Skip: skipAcrossMarkup})
	}
	return out
}

// mergeVisible adds the matches only a reader sees to those of the HTML,
// in order of position.
func mergeVisible(html, seen []Match) []Match {
	if len(seen) == 0 {
		return html
	}
	out := make([]Match, 0, len(html)+len(seen))
	i, j := 0, 0
	for i < len(html) || j < len(seen) {
		if j == len(seen) || (i < len(html) && html[i].Start <= seen[j].Start) {
			out = append(out, html[i])
			i++
			continue
		}
		out = append(out, seen[j])
		j++
	}
	return out
}

// placeMatch fills the line, column and context of mt, which is at.
func placeMatch(mt *Match, value string, vis *visibleText, at place) {
	mt.Line, mt.Column = at.line, at.column
	if vis != nil && mt.Where == InText {
		vs, ve := vis.around(mt.Start, mt.End)
		// Cloned: a substring would keep the whole text alive.
		mt.Before, mt.After = strings.Clone(tail(vis.text[:vs])), strings.Clone(head(vis.text[ve:]))
		return
	}
	mt.Before, mt.After = tail(value[:mt.Start]), head(value[mt.End:])
}

// tail is the end of s, at most contextRunes characters, on one line.
func tail(s string) string {
	n := 0
	i := len(s)
	for i > 0 && n < contextRunes {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		n++
	}
	return strings.TrimLeft(oneLine(s[i:]), " ")
}

// head is the start of s, at most contextRunes characters, on one line.
func head(s string) string {
	n := 0
	i := 0
	for i < len(s) && n < contextRunes {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n++
	}
	return strings.TrimRight(oneLine(s[:i]), " ")
}

// oneLine turns each run of spaces, tabs and line breaks into one space.
// It reads bytes, decoding only what is beyond ASCII, and allocates once:
// every match's context goes through it.
func oneLine(s string) string {
	if isOneLine(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		size := 1
		isSpace := c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			isSpace = unicode.IsSpace(r)
		}
		if isSpace {
			space = true
		} else {
			if space {
				b = append(b, ' ')
				space = false
			}
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	if space {
		b = append(b, ' ')
	}
	return string(b)
}

// isOneLine reports whether s has no white space but single ASCII spaces,
// so oneLine would return it as it is.
func isOneLine(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return false // a Unicode space, maybe: let oneLine look
		case c == ' ':
			if i+1 < len(s) && s[i+1] == ' ' {
				return false
			}
		case c < ' ':
			return false
		}
	}
	return true
}
