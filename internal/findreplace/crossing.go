package findreplace

import (
	"strings"
	"unicode/utf8"
)

// mayCross reports whether a match a reader sees could run across the
// markup of value (an email's HTML, whose tags are among rs): only then is
// the text a reader sees built and searched. Such a match holds a tag or an
// entity, so the text just before that tag or entity ends with the start
// of the pattern, or the entity or line break the tag stands for is part
// of it. Checking that at each tag and entity costs a little per tag;
// building the reader's text costs a copy of the whole message. Regular
// expressions, and patterns whose case folds beyond ASCII, always build it.
func (m *Matcher) mayCross(value string, rs []region) bool {
	l := m.lit
	if l == nil || !l.plainASCII {
		return true
	}
	prev := 0
	for _, r := range rs {
		if r.kind != regionTag {
			continue
		}
		if l.endsWithStart(value[prev:r.start]) || l.entityMayMatch(value[prev:r.start]) {
			return true
		}
		if l.has['\n'] && blockTags[tagName(value[r.start:r.end])] {
			return true
		}
		prev = r.end
	}
	return l.entityMayMatch(value[prev:])
}

// endsWithStart reports whether text ends with the first k characters of
// the pattern, for some k short of the whole.
func (l *literal) endsWithStart(text string) bool {
	if text == "" || !l.has[text[len(text)-1]] {
		return false
	}
	for k := 1; k < len(l.pat) && k <= len(text); k++ {
		if l.prefixAt(text[len(text)-k:], k) {
			return true
		}
	}
	return false
}

// prefixAt reports whether s is the pattern's first k bytes (ASCII).
func (l *literal) prefixAt(s string, k int) bool {
	if l.fold {
		return strings.EqualFold(s, l.pat[:k])
	}
	return s == l.pat[:k]
}

// entityMayMatch reports whether text holds an entity a match could run
// through: the text before it ends with the start of the pattern, or what
// it stands for holds a character of the pattern.
func (l *literal) entityMayMatch(text string) bool {
	for i := 0; ; {
		amp := strings.IndexByte(text[i:], '&')
		if amp < 0 {
			return false
		}
		at := i + amp
		if n, decoded := entityAt(text, at); n > 0 {
			if l.endsWithStart(text[:at]) || l.hasAnyOf(decoded) {
				return true
			}
		}
		i = at + 1
	}
}

// hasAnyOf reports whether s holds a byte of the pattern, in either case,
// or any character beyond ASCII.
func (l *literal) hasAnyOf(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || l.has[s[i]] {
			return true
		}
	}
	return false
}
