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
}

// Error says what happened as a sentence, ending with what to do when there
// is something to do.
func (e *Error) Error() string {
	where := safetext.Clean(e.Method + " " + e.Path)
	msg := e.Message
	if msg == "" {
		msg = http.StatusText(e.Status)
	}
	switch {
	case e.Status == http.StatusUnauthorized:
		return fmt.Sprintf("lemlist refused the API key on %s (401): %s. Create a key in lemlist → Settings → Integrations, then set LEMLIST_API_KEY or run `lemstep auth login`.",
			where, strings.TrimSuffix(msg, "."))
	case e.Status >= 200 && e.Status <= 299:
		return fmt.Sprintf("lemlist answered %s (%d) with %s", where, e.Status, msg)
	case e.Status == http.StatusTooManyRequests:
		return fmt.Sprintf("lemlist kept refusing %s because of its rate limit (429): %s. Wait a few seconds and try again.",
			where, strings.TrimSuffix(msg, "."))
	case e.Status >= 500:
		return fmt.Sprintf("lemlist failed on %s (%d): %s. Try again in a moment.", where, e.Status, strings.TrimSuffix(msg, "."))
	}
	return fmt.Sprintf("lemlist refused %s (%d): %s", where, e.Status, msg)
}

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
