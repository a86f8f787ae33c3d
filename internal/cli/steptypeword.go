package cli

import (
	"fmt"
	"slices"
	"strings"

	"lemstep/api"
	"lemstep/internal/safetext"
)

// parseStepType reads the word given to --type: the API's word
// (linkedinSend) or the name lemstep shows for the type in `steps`, the
// history and the editor (LinkedIn message), in any case and with spaces,
// hyphens and underscores ignored, so "linkedin-invite" and "Manual task"
// are words too. Each accepted word names exactly one type. A word that
// names none is a usage error listing the words, with the nearest ones
// offered; a piece of several names ("LinkedIn") lists those it could be.
func parseStepType(word string) (api.StepType, error) {
	key := typeKey(word)
	for _, t := range api.StepTypes() {
		if key == typeKey(string(t)) || key == typeKey(t.Label()) {
			return t, nil
		}
	}
	shown := safetext.Line(strings.TrimSpace(word))
	if could := typesContaining(key); len(could) > 1 {
		return "", usageError("--type %q could be %s; give one of them (the API's word or the name, in any case)",
			shown, api.JoinOr(typeWords(could)))
	}
	near := typesContaining(key)
	if len(near) == 0 {
		near = nearestTypes(key)
	}
	msg := fmt.Sprintf("--type %q is not a step type lemlist knows.", shown)
	if len(near) > 0 {
		msg = fmt.Sprintf("--type %q is not a step type lemlist knows; did you mean %s?", shown, api.JoinOr(typeWords(near)))
	}
	return "", usageError("%s --type takes the API's word or the name lemstep shows, in any case: %s",
		msg, strings.Join(typeWords(api.StepTypes()), ", "))
}

// typeKey is a word as --type compares it: lower case, without spaces,
// hyphens or underscores.
func typeKey(word string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '-', '_':
			return -1
		}
		return r
	}, strings.ToLower(word))
}

// typesContaining is the types whose API word or name holds key, a piece
// of three letters or more ("linkedin", "message"): a word that is part of
// several names is ambiguous, part of one is a near miss.
func typesContaining(key string) []api.StepType {
	if len(key) < 3 {
		return nil
	}
	var out []api.StepType
	for _, t := range api.StepTypes() {
		if strings.Contains(typeKey(string(t)), key) || strings.Contains(typeKey(t.Label()), key) {
			out = append(out, t)
		}
	}
	return out
}

// nearestTypes is the types whose API word or name is fewest edits from
// key, two at most and fewer than half the word's letters ("emial" is
// email), or none.
func nearestTypes(key string) []api.StepType {
	best, bestDist := []api.StepType(nil), 2
	for _, t := range api.StepTypes() {
		for _, w := range []string{typeKey(string(t)), typeKey(t.Label())} {
			d := editDistance(key, w)
			if d > bestDist || 2*d >= len(w) {
				continue
			}
			if d < bestDist {
				best, bestDist = nil, d
			}
			if !slices.Contains(best, t) {
				best = append(best, t)
			}
		}
	}
	return best
}

// typeWords says each type as --type takes it: its API word, with the name
// lemstep shows in parentheses where that is another word ("linkedinSend
// (LinkedIn message)", "email").
func typeWords(ts []api.StepType) []string {
	words := make([]string, len(ts))
	for i, t := range ts {
		words[i] = string(t)
		if typeKey(t.Label()) != typeKey(string(t)) {
			words[i] += " (" + t.Label() + ")"
		}
	}
	return words
}
