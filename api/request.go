package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// maxBody bounds how much of an answer is read, so a misbehaving server
// cannot exhaust memory.
const maxBody = 32 << 20

// call is one logical request; the retry loop may send it several times.
type call struct {
	method string
	path   string // escaped, relative to the base URL, e.g. /campaigns/cam_x
	query  url.Values
	body   []byte // nil when the request has none
}

func (rc call) target() string {
	if len(rc.query) == 0 {
		return rc.path
	}
	return rc.path + "?" + rc.query.Encode()
}

// answer is a response read in full.
type answer struct {
	status int
	header http.Header
	body   []byte
}

// getJSON sends a GET and decodes the answer into out.
func (c *Client) getJSON(ctx context.Context, path string, query url.Values, out any) error {
	return c.do(ctx, call{method: http.MethodGet, path: path, query: query}, out)
}

// sendJSON sends a request whose body is v encoded as JSON.
func (c *Client) sendJSON(ctx context.Context, method, path string, v, out any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("lemstep could not encode the %s %s body: %w", method, path, err)
	}
	return c.do(ctx, call{method: method, path: path, body: body}, out)
}

// do sends rc (retrying as its method allows) and decodes a JSON answer into
// out; out may be nil when the answer's content does not matter.
func (c *Client) do(ctx context.Context, rc call, out any) error {
	a, err := c.send(ctx, rc)
	if err != nil {
		return err
	}
	return c.decode(rc, a, out)
}

// attempt sends rc once.
func (c *Client) attempt(ctx context.Context, rc call) (answer, error) {
	var body io.Reader
	if rc.body != nil {
		body = bytes.NewReader(rc.body)
	}
	req, err := http.NewRequestWithContext(ctx, rc.method, c.base+rc.target(), body)
	if err != nil {
		return answer{}, err
	}
	req.Header.Set("Authorization", c.auth)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if rc.body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	start := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		c.debug.exchange(rc, 0, err, time.Since(start))
		return answer{}, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	c.debug.exchange(rc, resp.StatusCode, err, time.Since(start))
	if err != nil {
		return answer{}, err
	}
	return answer{status: resp.StatusCode, header: resp.Header, body: data}, nil
}

// decode turns an answer into out, or into an *Error.
func (c *Client) decode(rc call, a answer, out any) error {
	if a.status < 200 || a.status > 299 {
		return c.refusal(rc, a)
	}
	if a.status == http.StatusNoContent || (out == nil && len(bytes.TrimSpace(a.body)) == 0) {
		return nil
	}
	if msg := notData(a); msg != "" {
		return &Error{Status: a.status, Message: msg, Method: rc.method, Path: rc.path}
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(a.body, out); err != nil {
		return &Error{Status: a.status, Method: rc.method, Path: rc.path,
			Message: "data lemstep could not read (" + c.scrub(cleanWords(err.Error())) + ")"}
	}
	return nil
}

// notData explains why a successful answer is not JSON data, or returns "".
// lemlist answers unknown routes with 200 and the HTML of its web app, so a
// wrong base URL shows up here.
func notData(a answer) string {
	text := bytes.TrimSpace(a.body)
	mediaType, _, _ := mime.ParseMediaType(a.header.Get("Content-Type"))
	isJSON := mediaType == "application/json" || strings.HasSuffix(mediaType, "+json")
	switch {
	case mediaType == "text/html" || mediaType == "application/xhtml+xml" || bytes.HasPrefix(text, []byte("<")):
		return "a web page instead of data; check the base URL (lemlist's is " + DefaultBaseURL + ")"
	case isJSON:
		return ""
	case json.Valid(text):
		// Tolerate JSON served with a missing or generic content type.
		return ""
	}
	return fmt.Sprintf("%q content instead of JSON data; check the base URL (lemlist's is %s)", mediaType, DefaultBaseURL)
}

// transportError describes a request that got no answer.
func (c *Client) transportError(ctx context.Context, rc call, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return fmt.Errorf("%s %s stopped: %w", rc.method, rc.path, ctxErr)
	}
	inner := err
	var ue *url.Error
	if errors.As(err, &ue) {
		inner = ue.Err
	}
	return &netError{
		msg: c.scrub(fmt.Sprintf("lemstep could not reach lemlist at %s (%s %s): %v; check the network and the base URL.", c.host, rc.method, rc.path, inner)),
		err: err,
	}
}

// netError keeps the cause of a network failure reachable by errors.Is/As
// while its text stays free of secrets.
type netError struct {
	msg string
	err error
}

func (e *netError) Error() string { return e.msg }
func (e *netError) Unwrap() error { return e.err }

// debugLog writes one line per request to the configured writer. A nil
// *debugLog writes nothing.
type debugLog struct {
	mu    sync.Mutex
	w     io.Writer
	scrub func(string) string
}

func (d *debugLog) exchange(rc call, status int, err error, took time.Duration) {
	if d == nil {
		return
	}
	outcome := fmt.Sprintf("%d", status)
	if err != nil {
		outcome = "failed: " + err.Error()
	}
	d.printf("lemlist %s %s authorization=REDACTED → %s in %s", rc.method, rc.target(), outcome, took.Round(time.Microsecond))
}

func (d *debugLog) retry(rc call, reason string, wait time.Duration) {
	if d == nil {
		return
	}
	d.printf("lemlist %s %s: %s, retrying in %s", rc.method, rc.path, reason, wait.Round(time.Millisecond))
}

func (d *debugLog) printf(format string, args ...any) {
	line := d.scrub(cleanWords(fmt.Sprintf(format, args...)))
	d.mu.Lock()
	defer d.mu.Unlock()
	fmt.Fprintln(d.w, line)
}
