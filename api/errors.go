package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"lemstep/internal/safetext"
)

// maxMessage caps how much of the server's words an error carries.
const maxMessage = 500

// Error is an answer from lemlist that lemstep cannot use: a refusal (4xx),
// a failure (5xx), or a success whose body is not the data asked for.
// Message holds the server's own words, sanitized for a terminal.
type Error struct {
	Status  int
	Message string
	Method  string
	Path    string
	// Workspace names where the request went (a profile, the demo, a base
	// URL), so that "not found" says where it was looked for.
	Workspace string
	// Detail adds the request and the HTTP status to the sentence: a person
	// reading a debug log wants them, anyone else is better off without.
	Detail bool
	// Subject is what a 404 did not find, when the path does not say it
	// (a step picked out of its campaign's sequences).
	Subject *Subject
}

// Error says what happened as a sentence, ending with what to do when there
// is something to do.
func (e *Error) Error() string {
	msg := strings.TrimSuffix(e.Message, ".")
	if msg == "" {
		msg = http.StatusText(e.Status)
	}
	var s string
	switch {
	case e.Status == http.StatusUnauthorized:
		s = fmt.Sprintf("lemlist refused the API key: %s. Create a key in lemlist → Settings → Integrations, then set LEMLIST_API_KEY or run `lemstep auth login`.", msg)
	case e.Status >= 200 && e.Status <= 299:
		// An answer that is not data is a fault of the exchange itself:
		// the request and status are what there is to say.
		return fmt.Sprintf("lemlist answered %s (%d) with %s", e.request(), e.Status, e.Message)
	case e.Status == http.StatusTooManyRequests:
		s = fmt.Sprintf("lemlist kept refusing because of its rate limit: %s. Wait a few seconds and try again.", msg)
	case e.Status >= 500:
		s = fmt.Sprintf("lemlist failed: %s. Try again in a moment.", msg)
	case e.Status == http.StatusNotFound && e.missing() != nil:
		s = e.notFound(msg)
	default:
		s = fmt.Sprintf("lemlist refused %s: %s.", e.doing(), msg)
	}
	if e.Detail {
		s = strings.TrimSuffix(s, ".") + fmt.Sprintf(" (%s answered %d).", e.request(), e.Status)
	}
	return s
}

// request is the method and path, cleaned for a terminal.
func (e *Error) request() string { return safetext.Clean(e.Method + " " + e.Path) }

// StatusOf returns the HTTP status of a lemlist *Error in err's chain, or 0.
func StatusOf(err error) int {
	var e *Error
	if errors.As(err, &e) {
		return e.Status
	}
	return 0
}

// IsNotFound reports whether err is lemlist answering 404.
func IsNotFound(err error) bool { return StatusOf(err) == http.StatusNotFound }

// refusal builds the *Error for a non-2xx answer.
func (c *Client) refusal(rc call, a answer) *Error {
	return &Error{
		Status:  a.status,
		Message: c.serverWords(a),
		Method:  rc.method,
		Path:    rc.path,
	}
}

// serverWords extracts what the server said: most lemlist errors are plain
// text one-liners, a few are JSON objects with `message` or `error`. An HTML
// page (a proxy's error page) says nothing worth showing.
func (c *Client) serverWords(a answer) string {
	if isWebPage(a) {
		return ""
	}
	text := bytes.TrimSpace(a.body)
	if bytes.HasPrefix(text, []byte("{")) {
		if s, ok := jsonMessage(text); ok {
			return c.words(s)
		}
	}
	return c.words(string(text))
}

// words makes server text fit for an error: the key scrubbed from it before
// anything else (cleaning could join pieces of the key, cutting could leave
// a piece of it), cleaned, scrubbed again, and only then cut to length.
func (c *Client) words(s string) string {
	return capWords(c.scrub(cleanWords(c.scrub(s))))
}

// jsonMessage returns the `message` or `error` text of a JSON object body.
func jsonMessage(body []byte) (string, bool) {
	var fields map[string]json.RawMessage
	if json.Unmarshal(body, &fields) != nil {
		return "", false
	}
	for _, key := range []string{"message", "error"} {
		var s string
		if json.Unmarshal(fields[key], &s) == nil && strings.TrimSpace(s) != "" {
			return s, true
		}
		// {"error": {"message": "..."}}
		var nested struct {
			Message string `json:"message"`
		}
		if json.Unmarshal(fields[key], &nested) == nil && strings.TrimSpace(nested.Message) != "" {
			return nested.Message, true
		}
	}
	return "", false
}

// cleanWords strips terminal controls and folds the text onto one line.
func cleanWords(s string) string {
	return strings.Join(strings.Fields(safetext.Clean(s)), " ")
}

// capWords shortens s to maxMessage characters.
func capWords(s string) string {
	if utf8.RuneCountInString(s) <= maxMessage {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:maxMessage-1])) + "…"
}
