package preview

import (
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/golangci/misspell"

	"lemstep/api"
	"lemstep/internal/textplace"
)

// commonMisspellings maps a lower-case misspelling of an English word to
// its correction: misspell's kept list (about 28,000 pairs, the same list
// golangci-lint checks comments with). It is built on first use, once, and
// never changed.
var commonMisspellings = sync.OnceValue(func() map[string]string {
	m := make(map[string]string, len(misspell.DictMain)/2)
	for i := 0; i+1 < len(misspell.DictMain); i += 2 {
		m[misspell.DictMain[i]] = misspell.DictMain[i+1]
	}
	return m
})

// copyWords are the words of a template's copy: its text tokens, without
// the tags and character references of an email, addresses or Liquid.
func copyWords(tpl parsedTemplate, isHTML bool) []wordAt {
	var words []wordAt
	for _, t := range tpl.toks {
		if t.Kind == tokText {
			words = appendCopyWords(words, tpl.src, t.Start, t.End, isHTML)
		}
	}
	return words
}

// typoFindings offers the correction of each common misspelling among a
// field's words. They are info: a name or a brand may look like a typo.
func typoFindings(field api.Field, src string, words []wordAt) []Finding {
	known := commonMisspellings()
	var fs []Finding
	pos := textplace.NewLineCursor(src)
	for _, w := range words {
		fix, ok := known[strings.ToLower(w.word)]
		if !ok {
			continue
		}
		fix = matchCase(fix, w.word)
		line, col := pos.At(w.offset)
		fs = append(fs, Finding{Severity: Info, Field: field, Offset: w.offset, Line: line, Col: col,
			Message: fmt.Sprintf("%q looks like a misspelling of %q", w.word, fix),
			Fix:     Fix{Offset: w.offset, Old: w.word, New: fix}})
	}
	return fs
}

// wordAt is a word of copy and its byte offset in the field's text.
type wordAt struct {
	word   string
	offset int
}

// appendCopyWords adds the words of src[start:end], skipping HTML tags and
// character references (in an email) and runs that are addresses (a "/",
// an "@" or "www.").
func appendCopyWords(words []wordAt, src string, start, end int, isHTML bool) []wordAt {
	i := start
	for i < end {
		c := src[i]
		switch {
		case isHTML && c == '<':
			i = skipPast(src, i, end, '>')
		case isHTML && c == '&':
			i = skipPast(src, i, end, ';')
		case isSpaceByte(c):
			i++
		default:
			j := i
			for j < end && !isSpaceByte(src[j]) && !(isHTML && (src[j] == '<' || src[j] == '&')) {
				j++
			}
			if run := src[i:j]; !strings.ContainsAny(run, "/@") && !strings.Contains(run, "www.") {
				words = appendRunWords(words, run, i)
			}
			i = j
		}
	}
	return words
}

func appendRunWords(words []wordAt, run string, offset int) []wordAt {
	isLetter := func(r rune) bool { return r < 0x80 && unicode.IsLetter(r) || r == '\'' }
	for i := 0; i < len(run); {
		if !isLetter(rune(run[i])) {
			i++
			continue
		}
		j := i
		for j < len(run) && isLetter(rune(run[j])) {
			j++
		}
		// A word glued to a digit or to a non-ASCII letter is not English copy.
		glued := j < len(run) && (run[j] >= '0' && run[j] <= '9' || run[j] >= 0x80) || i > 0 && run[i-1] >= 0x80
		if w := strings.Trim(run[i:j], "'"); w != "" && !glued {
			words = append(words, wordAt{word: w, offset: offset + i + strings.Index(run[i:j], w)})
		}
		i = j
	}
	return words
}

func skipPast(src string, i, end int, c byte) int {
	if j := strings.IndexByte(src[i:end], c); j >= 0 {
		return i + j + 1
	}
	return end
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// englishWords are frequent in any English copy and rare elsewhere.
var englishWords = map[string]bool{
	"the": true, "and": true, "to": true, "you": true, "your": true, "for": true, "of": true,
	"is": true, "in": true, "it": true, "on": true, "with": true, "that": true, "this": true,
	"we": true, "our": true, "are": true, "be": true, "can": true, "would": true, "if": true,
	"about": true, "have": true, "will": true, "just": true, "what": true, "how": true, "my": true,
}

// looksEnglish is true when, among the words of a step's fields, at least
// three, or one in five, are common English words.
func looksEnglish(fields ...[]wordAt) bool {
	hits, n := 0, 0
	for _, words := range fields {
		n += len(words)
		for _, w := range words {
			if englishWords[strings.ToLower(w.word)] {
				hits++
			}
		}
	}
	return hits >= 3 || n > 0 && hits*5 >= n
}

// matchCase writes fix in the case of the word it corrects: "Recieve"
// becomes "Receive", "RECIEVE" "RECEIVE".
func matchCase(fix, word string) string {
	switch {
	case strings.ToUpper(word) == word && len(word) > 1:
		return strings.ToUpper(fix)
	case unicode.IsUpper(rune(word[0])):
		return strings.ToUpper(fix[:1]) + fix[1:]
	}
	return fix
}
