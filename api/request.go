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
	"net/http/httptrace"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"lemstep/internal/safetext"
)

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
	rc, err := jsonCall(method, path, v)
	if err != nil {
		return err
	}
	return c.do(ctx, rc, out)
}

// jsonCall is a request whose body is v encoded as JSON.
func jsonCall(method, path string, v any) (call, error) {
	body, err := json.Marshal(v)
	if err != nil {
		return call{}, fmt.Errorf("lemstep could not encode the %s %s body: %w", method, path, err)
	}
	return call{method: method, path: path, body: body}, nil
}

// do sends rc (retrying as its method allows) and decodes a JSON answer into
// out; out may be nil when the answer's content does not matter.
func (c *Client) do(ctx context.Context, rc call, out any) error {
	a, err := c.send(ctx, rc)
	if err != nil {
		return c.annotate(err)
	}
	return c.decode(rc, a, out)
}

// annotate tells a lemlist *Error in err where the request went and whether
// to name the request and its status (only with a debug log).
func (c *Client) annotate(err error) error {
	var e *Error
	if errors.As(err, &e) {
		e.Workspace, e.Detail = c.workspace, c.debug != nil
	}
	return err
}

// attempt sends rc once. wrote reports whether the whole request went out:
// a failure after that leaves unknown whether lemlist acted on it.
func (c *Client) attempt(ctx context.Context, rc call) (a answer, wrote bool, err error) {
	var sent atomic.Bool
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		WroteRequest: func(info httptrace.WroteRequestInfo) { sent.Store(info.Err == nil) },
	})
	var body io.Reader
	if rc.body != nil {
		body = bytes.NewReader(rc.body)
	}
	req, err := http.NewRequestWithContext(ctx, rc.method, c.base+rc.target(), body)
	if err != nil {
		return answer{}, false, err
	}
	req.Header.Set("Authorization", c.auth)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if rc.body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	start := time.Now()
	stopNotice := c.noticeLater(Wait{Method: rc.method, Path: rc.path, For: WaitAnswer})
	defer stopNotice()
	resp, err := c.http.Do(req)
	if err != nil {
		var re *RedirectError
		if errors.As(err, &re) {
			re.Method, re.Path, re.Location = rc.method, rc.path, c.location(re.Location)
			err = re
		}
		c.debug.exchange(rc, req.Header, answer{}, err, time.Since(start))
		return answer{}, sent.Load(), err
	}
	defer resp.Body.Close()
	data, err := c.readBody(rc, resp)
	a = answer{status: resp.StatusCode, header: resp.Header, body: data}
	c.debug.exchange(rc, req.Header, a, err, time.Since(start))
	if err != nil {
		return answer{}, true, err
	}
	return a, true, nil
}

// readBody reads an answer's body, up to the client's MaxBody: a longer one
// is a *TooLargeError, so that a server sending without end cannot exhaust
// memory.
func (c *Client) readBody(rc call, resp *http.Response) ([]byte, error) {
	tooLarge := &TooLargeError{Method: rc.method, Path: rc.path, Status: resp.StatusCode, Limit: c.maxBody}
	if resp.ContentLength > c.maxBody {
		return nil, tooLarge
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, c.maxBody+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > c.maxBody {
		return nil, tooLarge
	}
	return data, nil
}

// decode turns an answer into out, or into an *Error that knows where the
// request went.
func (c *Client) decode(rc call, a answer, out any) error {
	return c.annotate(c.decodeAnswer(rc, a, out))
}

func (c *Client) decodeAnswer(rc call, a answer, out any) error {
	if a.status >= 300 && a.status <= 399 {
		return c.redirected(rc, a)
	}
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

// isWebPage reports an answer that is an HTML page: lemlist's web app, or a
// proxy's error page.
func isWebPage(a answer) bool {
	mediaType, _, _ := mime.ParseMediaType(a.header.Get("Content-Type"))
	return mediaType == "text/html" || mediaType == "application/xhtml+xml" || bytes.HasPrefix(bytes.TrimSpace(a.body), []byte("<"))
}

// notData explains why a successful answer is not JSON data, or returns "".
// lemlist answers unknown routes with 200 and the HTML of its web app, so a
// wrong base URL shows up here.
func notData(a answer) string {
	text := bytes.TrimSpace(a.body)
	mediaType, _, _ := mime.ParseMediaType(a.header.Get("Content-Type"))
	isJSON := mediaType == "application/json" || strings.HasSuffix(mediaType, "+json")
	switch {
	case isWebPage(a):
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
	if overBudget(ctx) {
		return &TimeoutError{Method: rc.method, Path: rc.path, Limit: c.timeout}
	}
	if ctxErr := ctx.Err(); ctxErr != nil {
		return fmt.Errorf("%s %s stopped: %w", rc.method, rc.path, ctxErr)
	}
	inner := err
	var ue *url.Error
	if errors.As(err, &ue) {
		inner = ue.Err
	}
	return &netError{
		msg: c.scrub(cleanWords(fmt.Sprintf("lemstep could not reach lemlist at %s (%s %s): %s; check the network and the base URL.", c.host, rc.method, rc.path, networkCause(inner)))),
		err: err,
	}
}

// networkCause says in words why a request got no complete answer. Go's
// "EOF" and "unexpected EOF" mean the server closed the connection early.
func networkCause(err error) string {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return "the connection closed before the answer was complete"
	}
	if errors.Is(err, syscall.ECONNRESET) {
		return "the connection was reset before the answer was complete"
	}
	return err.Error()
}

// netError keeps the cause of a network failure reachable by errors.Is/As
// while its text stays free of secrets.
type netError struct {
	msg string
	err error
}

func (e *netError) Error() string { return e.msg }
func (e *netError) Unwrap() error { return e.err }

// maxLogBody caps how much of each body the debug log shows.
const maxLogBody = 64 << 10

// redactedHeaders carry credentials; the debug log shows that they were
// there, never their value.
var redactedHeaders = []string{"Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie"}

// debugLog writes one line per request to the configured writer: the
// request's method, target, headers and body, then the answer's status,
// headers and body, or the failure. Header values and bodies are quoted, so a
// line never holds a raw control character and a hostile answer cannot
// reach the terminal of whoever reads the log. The API key is scrubbed from
// the whole line. A nil *debugLog writes nothing.
type debugLog struct {
	mu    sync.Mutex
	w     io.Writer
	scrub func(string) string
}

// exchange records one attempt: sent is the request's headers, a what came
// back (when anything did) and err what went wrong.
func (d *debugLog) exchange(rc call, sent http.Header, a answer, err error, took time.Duration) {
	if d == nil {
		return
	}
	outcome := strconv.Itoa(a.status)
	if err != nil {
		outcome = "failed: " + strconv.Quote(d.scrub(err.Error()))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "lemlist %s %s authorization=REDACTED → %s in %s", rc.method, d.scrub(safetext.Clean(rc.target())), outcome, took.Round(time.Microsecond))
	fmt.Fprintf(&b, " | request headers: %s | request body: %s", d.headers(sent), d.body(rc.body))
	if a.status != 0 {
		fmt.Fprintf(&b, " | response headers: %s | response body: %s", d.headers(a.header), d.body(a.body))
	}
	d.writeLine(b.String())
}

// headers lists h sorted by name, each value quoted, credentials redacted.
func (d *debugLog) headers(h http.Header) string {
	names := make([]string, 0, len(h))
	for name := range h {
		names = append(names, name)
	}
	slices.Sort(names)
	parts := make([]string, 0, len(names))
	for _, name := range names {
		for _, v := range h[name] {
			if slices.Contains(redactedHeaders, http.CanonicalHeaderKey(name)) {
				v = "REDACTED"
			}
			parts = append(parts, strconv.Quote(safetext.Clean(name))+": "+strconv.Quote(d.scrub(v)))
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

// body quotes data, scrubbed before it is cut so that a cut never leaves
// part of the key behind.
func (d *debugLog) body(data []byte) string {
	if data == nil {
		return "none"
	}
	text := d.scrub(string(data))
	if len(text) <= maxLogBody {
		return strconv.Quote(text)
	}
	return fmt.Sprintf("%s… (%d more bytes)", strconv.Quote(text[:maxLogBody]), len(text)-maxLogBody)
}

func (d *debugLog) retry(rc call, reason string, wait time.Duration) {
	if d == nil {
		return
	}
	d.writeLine(d.scrub(cleanWords(fmt.Sprintf("lemlist %s %s: %s, retrying in %s", rc.method, rc.path, reason, wait.Round(time.Millisecond)))))
}

// writeLine writes one line. Each part of it that came from a request or
// an answer was scrubbed of the key already; scrubbing the whole line again
// would cost a second pass over up to two bodies.
func (d *debugLog) writeLine(line string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	fmt.Fprintln(d.w, line)
}
