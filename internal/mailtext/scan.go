package mailtext

import "strings"

// scanTag reads the tag starting at src[i] == '<'. It reports false with
// end 0 when no tag starts there (a '<' of copy), and false with end -1
// when a tag starts but never ends. Quoted values and Liquid inside the
// tag are skipped whole, so "{% if a > b %}" or `title="a>b"` do not end it.
func scanTag(src string, i int) (tag, bool) {
	j := i + 1
	t := tag{}
	if j < len(src) && src[j] == '/' {
		t.closing = true
		j++
	}
	if j >= len(src) || !isLetter(src[j]) {
		return tag{}, false
	}
	from := j
	for j < len(src) && isNameByte(src[j]) {
		j++
	}
	t.name = strings.ToLower(src[from:j])
	for j < len(src) {
		c := src[j]
		switch {
		case c == '>':
			t.end = j + 1
			return t, true
		case c == '/' && j+1 < len(src) && src[j+1] == '>':
			t.selfClosing = true
			t.end = j + 2
			return t, true
		case isSpace(c) || c == '/':
			j++
		case liquidAt(src, j):
			n := liquidLen(src[j:])
			if n < 0 {
				return tag{end: -1}, false
			}
			j += n
		default:
			next, ok := scanAttr(src, i, j, &t)
			if !ok {
				return tag{end: -1}, false
			}
			j = next
		}
	}
	return tag{end: -1}, false
}

// scanAttr reads one attribute at src[j] of the tag starting at src[i] and
// returns the index after it; an <a>'s first href is recorded.
func scanAttr(src string, i, j int, t *tag) (int, bool) {
	from := j
	for j < len(src) && !isSpace(src[j]) && src[j] != '=' && src[j] != '>' && src[j] != '/' && !liquidAt(src, j) {
		j++
	}
	name := strings.ToLower(src[from:j])
	if j == from {
		// A stray '=' or quote: step over it as part of the tag.
		j++
	}
	k := j
	for k < len(src) && isSpace(src[k]) {
		k++
	}
	if k >= len(src) || src[k] != '=' {
		return j, true
	}
	k++
	for k < len(src) && isSpace(src[k]) {
		k++
	}
	vs, ve, next, quote, ok := scanValue(src, k)
	if !ok {
		return 0, false
	}
	if name == "href" && t.href.end == 0 && t.name == "a" {
		t.href = span{start: int32(vs - i), end: int32(ve - i), quote: quote}
	}
	return next, true
}

// scanValue reads an attribute value at src[k]: quoted (Liquid inside
// skipped whole, its own quotes included) or unquoted.
func scanValue(src string, k int) (vs, ve, next int, quote byte, ok bool) {
	if k < len(src) && (src[k] == '"' || src[k] == '\'') {
		quote = src[k]
		j, ok := skipValue(src, k+1, func(c byte) bool { return c == quote })
		if !ok || j >= len(src) {
			return 0, 0, 0, 0, false
		}
		return k + 1, j, j + 1, quote, true
	}
	j, ok := skipValue(src, k, func(c byte) bool { return isSpace(c) || c == '>' })
	if !ok {
		return 0, 0, 0, 0, false
	}
	return k, j, j, 0, true
}

// skipValue moves from src[j] to the first byte that ends the value,
// skipping Liquid markup whole; ok is false on unclosed Liquid.
func skipValue(src string, j int, ends func(byte) bool) (int, bool) {
	for j < len(src) && !ends(src[j]) {
		if liquidAt(src, j) {
			n := liquidLen(src[j:])
			if n < 0 {
				return 0, false
			}
			j += n
			continue
		}
		j++
	}
	return j, true
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// liquidAt reports whether a Liquid object or tag opens at s[i].
func liquidAt(s string, i int) bool {
	return i+1 < len(s) && s[i] == '{' && (s[i+1] == '{' || s[i+1] == '%')
}

// liquidStart is the index of the first Liquid opening in s, or -1.
func liquidStart(s string) int {
	for i := strings.IndexByte(s, '{'); i >= 0; {
		if liquidAt(s, i) {
			return i
		}
		j := strings.IndexByte(s[i+1:], '{')
		if j < 0 {
			return -1
		}
		i += 1 + j
	}
	return -1
}

// liquidLen is the length of the Liquid markup opening s, through its
// closing delimiter (the first one, as Liquid reads it), or -1 when it
// never closes.
func liquidLen(s string) int {
	closer := "}}"
	if s[1] == '%' {
		closer = "%}"
	}
	i := strings.Index(s[2:], closer)
	if i < 0 {
		return -1
	}
	return 2 + i + 2
}
