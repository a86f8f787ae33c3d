package api

import (
	"cmp"
	"encoding/base64"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// secretRun is how many consecutive characters of the key, in any of its
// forms, are scrubbed wherever they appear: a part of the key shortens the
// search for the rest, so a server echoing a piece of it (cut, or broken up
// by characters that are cleaned away later) must not get it printed.
const secretRun = 8

// redacted replaces every piece of the key taken out of text.
const redacted = "REDACTED"

// scrubber removes the API key from text that leaves the client: server
// messages and bodies may echo what they were sent.
type scrubber struct {
	forms []string            // whole forms, longest first
	runs  map[string]struct{} // every secretRun-long piece of every form
	// starts has a bit set for each pair of bytes a piece begins with: most
	// positions of a text are passed over without a map lookup.
	starts *[1 << 16 / 64]uint64
}

// newScrubber lists the forms in which key could leak into text: as is,
// URL-encoded, and in base64 as the Basic credentials carry it (":key") or
// alone, each also URL-encoded and with "/" escaped as JSON encoders in other
// languages write it. The base64 forms are unpadded: each is a prefix of its
// padded form, so scrubbing it covers both. Keys too short to be real are not
// scrubbed, as that would mangle ordinary words.
func newScrubber(key string) *scrubber {
	s := &scrubber{runs: map[string]struct{}{}, starts: new([1 << 16 / 64]uint64)}
	if len(key) < 6 {
		return s
	}
	forms := []string{key, url.QueryEscape(key)}
	for _, b64 := range []string{
		base64.RawStdEncoding.EncodeToString([]byte(":" + key)),
		base64.RawURLEncoding.EncodeToString([]byte(":" + key)),
		base64.RawStdEncoding.EncodeToString([]byte(key)),
		base64.RawURLEncoding.EncodeToString([]byte(key)),
	} {
		forms = append(forms, b64, url.QueryEscape(b64), strings.ReplaceAll(b64, "/", `\/`))
	}
	// The longest forms come first, so that none is broken up by a shorter
	// one before it is scrubbed.
	slices.SortFunc(forms, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	s.forms = slices.Compact(forms)
	for _, f := range s.forms {
		for i := 0; i+secretRun <= len(f); i++ {
			s.runs[f[i:i+secretRun]] = struct{}{}
			pair := uint16(f[i])<<8 | uint16(f[i+1])
			s.starts[pair/64] |= 1 << (pair % 64)
		}
	}
	return s
}

// scrub returns text without the key: whole forms, then any run of
// secretRun characters of one. Text holding backslash escapes is also read
// as JSON string content (a server may write the key as "\u0072ef-…"); when
// that reading holds a piece of the key, the scrubbed reading replaces the
// text. Callers scrub before they cut text to length, so that a cut never
// leaves part of the key behind.
func (s *scrubber) scrub(text string) string {
	out := s.scrubPlain(text)
	if !strings.Contains(out, `\`) {
		return out
	}
	decoded := unescapeJSON(out)
	if clean := s.scrubPlain(decoded); clean != decoded {
		return clean
	}
	return out
}

func (s *scrubber) scrubPlain(text string) string {
	for _, f := range s.forms {
		text = strings.ReplaceAll(text, f, redacted)
	}
	if len(s.runs) == 0 || len(text) < secretRun {
		return text
	}
	var b strings.Builder
	last := 0 // text[last:] is not written yet
	for i := 0; i+secretRun <= len(text); {
		if !s.isRun(text[i : i+secretRun]) {
			i++
			continue
		}
		end := i + secretRun
		for end < len(text) && s.isRun(text[end+1-secretRun:end+1]) {
			end++
		}
		b.WriteString(text[last:i])
		b.WriteString(redacted)
		last, i = end, end
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// isRun reports whether piece, secretRun bytes long, is a piece of a form.
func (s *scrubber) isRun(piece string) bool {
	pair := uint16(piece[0])<<8 | uint16(piece[1])
	if s.starts[pair/64]&(1<<(pair%64)) == 0 {
		return false
	}
	_, ok := s.runs[piece]
	return ok
}

// unescapeJSON reads the backslash escapes of JSON strings in text (\uXXXX,
// surrogate pairs included, \/, \", \\, \n…) and leaves everything else as
// it is. It is lenient on purpose: text need not be valid JSON.
func unescapeJSON(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	for {
		i := strings.IndexByte(text, '\\')
		if i < 0 || i+1 >= len(text) {
			b.WriteString(text)
			return b.String()
		}
		b.WriteString(text[:i])
		r, n := jsonEscape(text[i:])
		if n == 0 {
			b.WriteByte('\\')
			text = text[i+1:]
			continue
		}
		b.WriteRune(r)
		text = text[i+n:]
	}
}

// jsonEscape reads one escape at the start of s (which begins with a
// backslash) and returns the rune and how many bytes it took, or n == 0.
func jsonEscape(s string) (rune, int) {
	switch s[1] {
	case '"', '\\', '/':
		return rune(s[1]), 2
	case 'b':
		return '\b', 2
	case 'f':
		return '\f', 2
	case 'n':
		return '\n', 2
	case 'r':
		return '\r', 2
	case 't':
		return '\t', 2
	case 'u', 'U':
		r, ok := hex4(s[2:])
		if !ok {
			return 0, 0
		}
		if utf8.ValidRune(r) || len(s) < 12 || s[6] != '\\' || (s[7] != 'u' && s[7] != 'U') {
			return r, 6
		}
		lo, ok := hex4(s[8:])
		if !ok {
			return r, 6
		}
		return decodeSurrogates(r, lo), 12
	}
	return 0, 0
}

func hex4(s string) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	v, err := strconv.ParseUint(s[:4], 16, 32)
	return rune(v), err == nil
}

func decodeSurrogates(hi, lo rune) rune {
	if hi < 0xd800 || hi > 0xdbff || lo < 0xdc00 || lo > 0xdfff {
		return utf8.RuneError
	}
	return (hi-0xd800)<<10 + (lo - 0xdc00) + 0x10000
}

// scrub removes the API key from text that leaves the client.
func (c *Client) scrub(s string) string { return c.secrets.scrub(s) }
