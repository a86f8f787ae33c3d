package preview

import (
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// SMS segment sizes (3GPP TS 23.038/23.040): a single message holds 160
// GSM-7 septets or 70 UCS-2 units; a concatenated one loses room to its
// header and holds 153 septets or 67 units per segment.
const (
	gsmSingle  = 160
	gsmConcat  = 153
	ucs2Single = 70
	ucs2Concat = 67
)

// gsmBasic is the GSM 03.38 default alphabet; each character is one septet.
const gsmBasic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
	"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"

// gsmExtension characters are sent as an escape plus a septet: two septets
// that a segment boundary may not split.
const gsmExtension = "^{}\\[~]|€\f"

// SMSSegments returns how many SMS segments text is sent as: GSM-7 when
// every character is in the GSM basic or extension set, UCS-2 otherwise.
// Empty text needs no segment.
func SMSSegments(text string) int {
	if text == "" {
		return 0
	}
	if sizes, ok := gsmSizes(text); ok {
		return segments(sizes, gsmSingle, gsmConcat)
	}
	return segments(ucs2Sizes(text), ucs2Single, ucs2Concat)
}

// gsmSizes returns the septets of each character, or false when a
// character has no GSM-7 encoding.
func gsmSizes(text string) ([]int, bool) {
	sizes := make([]int, 0, len(text))
	for _, r := range text {
		switch {
		case strings.ContainsRune(gsmBasic, r):
			sizes = append(sizes, 1)
		case strings.ContainsRune(gsmExtension, r):
			sizes = append(sizes, 2)
		default:
			return nil, false
		}
	}
	return sizes, true
}

// ucs2Sizes returns the UTF-16 units of each character: two for characters
// outside the BMP (most emoji), which a boundary may not split either.
func ucs2Sizes(text string) []int {
	sizes := make([]int, 0, len(text))
	for _, r := range text {
		sizes = append(sizes, utf16.RuneLen(r))
	}
	return sizes
}

// segments packs characters of the given sizes into segments: one if the
// total fits single, otherwise as many concat-sized segments as needed,
// never splitting a character.
func segments(sizes []int, single, concat int) int {
	total := 0
	for _, s := range sizes {
		total += s
	}
	if total <= single {
		return 1
	}
	n, used := 1, 0
	for _, s := range sizes {
		if used+s > concat {
			n, used = n+1, 0
		}
		used += s
	}
	return n
}

// smsMessage says why a text takes more than one SMS: its length, and,
// when a character outside the SMS alphabet forces Unicode, which one (a
// curly quote or a dash pasted from a document is the usual culprit).
func smsMessage(text string, segments int, lead Lead) string {
	n := utf8.RuneCountInString(text)
	forcer, others := unicodeForcers(text)
	if forcer == 0 {
		return fmt.Sprintf("For %s this text is %d characters, so it is sent as %d SMS segments: one SMS holds %d characters (%d each once split)",
			lead.Name, n, segments, gsmSingle, gsmConcat)
	}
	which := fmt.Sprintf("%q", string(forcer))
	switch others {
	case 0:
	case 1:
		which += " and 1 other character"
	default:
		which += fmt.Sprintf(" and %d other characters", others)
	}
	return fmt.Sprintf("For %s this text is sent as %d SMS segments: %s %s not in the SMS alphabet, which makes it Unicode, "+
		"so one SMS holds %d characters instead of %d (%d each once split)",
		lead.Name, segments, which, isAre(others), ucs2Single, gsmSingle, ucs2Concat)
}

func isAre(others int) string {
	if others > 0 {
		return "are"
	}
	return "is"
}

// unicodeForcers is the first character of text outside the GSM alphabet
// (0 when there is none) and how many other distinct ones there are.
func unicodeForcers(text string) (first rune, others int) {
	seen := map[rune]bool{}
	for _, r := range text {
		if strings.ContainsRune(gsmBasic, r) || strings.ContainsRune(gsmExtension, r) || seen[r] {
			continue
		}
		if first == 0 {
			first = r
		} else {
			others++
		}
		seen[r] = true
	}
	return first, others
}
