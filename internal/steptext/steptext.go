// Package steptext turns a step's stored message into the text a reader
// sees, for the command line and the editor's screens alike. It knows the
// HTML of an email so that api, which only stores and sends it, need not.
package steptext

import (
	"fmt"
	"html"
	"regexp"

	"lemstep/api"
	"lemstep/internal/safetext"
)

// Compiled once; regexps are safe for concurrent use and never change.
var (
	tagPattern   = regexp.MustCompile(`<[^>]*>`)
	blockPattern = regexp.MustCompile(`(?i)<\s*(br|/p|/div|/li|/h[1-6])\s*/?>`)
)

// Plain is a stored message of a step of type t as a reader sees it: an
// email's tags removed (block ends become line breaks) and its entities
// decoded; controls stripped from every type's message.
func Plain(t api.StepType, msg string) string {
	if t.IsEmail() {
		msg = blockPattern.ReplaceAllString(msg, "\n")
		msg = html.UnescapeString(tagPattern.ReplaceAllString(msg, ""))
	}
	return safetext.Clean(msg)
}

// Count is n with the noun that fits it: "1 step", "3 steps", "0 steps".
func Count(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
