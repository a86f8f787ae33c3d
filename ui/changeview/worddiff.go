package changeview

import (
	"strings"
	"time"
	"unicode"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// piece is a run of a value's text: in both versions, or in one only.
type piece struct {
	text string
	op   op
}

type op int

const (
	opSame op = iota // in both versions
	opGone           // in the old version only
	opNew            // in the new version only
)

// diffTimeout bounds the diff of two very long texts: past it go-diff
// returns a coarser but still correct diff, so the screen never stalls.
const diffTimeout = 200 * time.Millisecond

// maxTokens is how many distinct tokens tokenRune can number.
const maxTokens = unicode.MaxRune - 0x800 - 1

// diffPieces is the word diff of old and nu, in runs. The diff is
// go-diff's on whole tokens (each token one rune), so a change is shown
// word by word, never as half a word.
func diffPieces(old, nu []string) []piece {
	index := map[string]rune{}
	var tokens []string
	encode := func(ts []string) []rune {
		rs := make([]rune, len(ts))
		for i, t := range ts {
			r, ok := index[t]
			if !ok {
				r = tokenRune(len(tokens))
				index[t] = r
				tokens = append(tokens, t)
			}
			rs[i] = r
		}
		return rs
	}
	a, b := encode(old), encode(nu)
	if len(tokens) > maxTokens {
		// More distinct words than runes to number them: show the
		// whole value as changed rather than a wrong diff.
		return []piece{{text: strings.Join(old, ""), op: opGone}, {text: strings.Join(nu, ""), op: opNew}}
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = diffTimeout
	var out []piece
	for _, d := range dmp.DiffCleanupSemantic(dmp.DiffMainRunes(a, b, false)) {
		o := opSame
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			o = opGone
		case diffmatchpatch.DiffInsert:
			o = opNew
		}
		var b strings.Builder
		for _, r := range d.Text {
			b.WriteString(tokens[tokenIndex(r)])
		}
		out = appendPiece(out, piece{text: b.String(), op: o})
	}
	return out
}

// appendPiece adds p, joining it to the last piece of the same op.
func appendPiece(ps []piece, p piece) []piece {
	if n := len(ps); n > 0 && ps[n-1].op == p.op {
		ps[n-1].text += p.text
		return ps
	}
	return append(ps, p)
}

// tokenRune numbers tokens with runes go-diff can carry through its string
// conversions: the surrogate range, which is not valid in a string, is
// skipped.
func tokenRune(i int) rune {
	if i >= maxTokens {
		return 0 // never used: diffPieces gives up first
	}
	r := rune(i) + 1
	if r >= 0xD800 {
		r += 0x800
	}
	return r
}

func tokenIndex(r rune) int {
	if r >= 0xD800+0x800 {
		r -= 0x800
	}
	return int(r) - 1
}

// tokenize splits text into the tokens a word diff compares: runs of letters
// and digits, runs of spaces, and each other character on its own (a line
// break, a brace of {{firstName}}, a comma).
func tokenize(text string) []string {
	var out []string
	rs := []rune(text)
	for i := 0; i < len(rs); {
		j := i + 1
		switch {
		case isWordRune(rs[i]):
			for j < len(rs) && isWordRune(rs[j]) {
				j++
			}
		case rs[i] == ' ' || rs[i] == '\t':
			for j < len(rs) && (rs[j] == ' ' || rs[j] == '\t') {
				j++
			}
		}
		out = append(out, string(rs[i:j]))
		i = j
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_' || r == '\''
}
