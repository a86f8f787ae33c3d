// Package findreplace finds a pattern in the text fields of a workspace's
// steps and builds the replacements, once for `lemstep grep`, `lemstep
// replace` and the find-and-replace screen.
//
// A replacement never breaks the HTML tags of an email nor a Liquid
// expression of any field: a match that would is kept as it is and says
// why (Match.Skip). Text outside the matches it replaces is never changed.
package findreplace

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"lemstep/api"
)

// Query is what to look for, and where.
type Query struct {
	Pattern    string
	Regex      bool // Pattern is a Go regular expression (RE2); else it is literal text
	IgnoreCase bool
	// Fields narrows the search to these fields; empty means every text
	// field (TextFields).
	Fields []api.Field
}

// textFields are the fields of a step that hold text a person wrote, in the
// order a step shows them.
var textFields = []api.Field{api.FieldSubject, api.FieldTitle, api.FieldMessage, api.FieldAltMessage,
	api.FieldSkillName, api.FieldURL}

// TextFields returns the fields a search looks in.
func TextFields() []api.Field { return slices.Clone(textFields) }

// ParseField reads a field name as the endpoint spells it ("altMessage"),
// in any case.
func ParseField(name string) (api.Field, bool) {
	for _, f := range textFields {
		if strings.EqualFold(string(f), strings.TrimSpace(name)) {
			return f, true
		}
	}
	return "", false
}

// Matcher is a compiled Query. It is safe for concurrent use.
type Matcher struct {
	re     *regexp.Regexp
	lit    *literal // set for a query that is not a regular expression
	regex  bool
	fields []api.Field
}

// ErrEmptyPattern is a query with nothing to look for.
var ErrEmptyPattern = errors.New("the pattern is empty: give the text to look for")

// Compile checks q and prepares it.
func Compile(q Query) (*Matcher, error) {
	if q.Pattern == "" {
		return nil, ErrEmptyPattern
	}
	expr := q.Pattern
	if !q.Regex {
		expr = regexp.QuoteMeta(expr)
	}
	if q.IgnoreCase {
		expr = "(?i)" + expr
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, fmt.Errorf("the pattern %q is not a regular expression lemstep can read: %w", q.Pattern, err)
	}
	fields := q.Fields
	if len(fields) == 0 {
		fields = textFields
	}
	m := &Matcher{re: re, regex: q.Regex, fields: slices.Clone(fields)}
	if !q.Regex {
		m.lit = newLiteral(q.Pattern, q.IgnoreCase)
	}
	return m, nil
}

// findAll returns the matches of the pattern in s, each as the start and
// end of the match followed by those of its groups.
func (m *Matcher) findAll(s string) [][]int {
	if m.lit != nil {
		return m.lit.findAll(s)
	}
	return m.re.FindAllStringSubmatchIndex(s, -1)
}

// wants reports whether the query looks in field f.
func (m *Matcher) wants(f api.Field) bool { return slices.Contains(m.fields, f) }

// expand is the text that replaces the match at loc of value: the
// replacement as written, or with --regex its $1 and ${name} filled in.
func (m *Matcher) expand(replacement, value string, loc []int) string {
	if !m.regex {
		return replacement
	}
	return string(m.re.ExpandString(nil, replacement, value, loc))
}
