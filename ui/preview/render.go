package preview

import (
	"crypto/sha256"
	"encoding/binary"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
	"charm.land/lipgloss/v2"
	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"

	"lemstep/api"
	"lemstep/theme"
)

// DefaultCacheSize is how many rendered results a Renderer keeps.
const DefaultCacheSize = 64

// maxTermRenderers bounds the glamour renderers kept, one per (width,
// style); a resize storm must not grow memory without end.
const maxTermRenderers = 8

// defaultWidth is used when a request names no width.
const defaultWidth = 80

// Request is what to preview.
type Request struct {
	Type    api.StepType
	Subject string // subject of an email, title of a manual task; ignored for other types
	Message string // HTML for email, plain text for the other channels
	Width   int    // columns available; 0 means 80
	Lead    Lead
	Raw     bool // show the template itself, Liquid highlighted, instead of the rendering
}

// Result is a finished preview.
type Result struct {
	Body          string    // ready to draw: sanitized, styled, wrapped to the width
	Findings      []Finding // lint for the request's lead
	RawChars      int       // characters of the raw message template
	RenderedChars int       // characters of the message for the lead (for email: of its Markdown form)
	SMSSegments   int       // segments of the rendered SMS; 0 for other types
	// AsWritten are the fields shown as written, Liquid and all, because
	// their template does not parse or render (a blocking finding says
	// where); in the order subject or title, then message.
	AsWritten []api.Field
}

// Renderer turns requests into previews. It caches glamour renderers per
// (width, style) and results per (texts, width, style, lead, mode) in a
// bounded LRU. It is safe for concurrent use: renders run one at a time.
type Renderer struct {
	mu        sync.Mutex
	style     ansi.StyleConfig
	styleKey  string
	template  lipgloss.Style // Liquid markup in raw mode
	muted     lipgloss.Style // the "Subject:" label
	sender    map[string]string
	converter *converter.Converter
	terms     map[termKey]*glamour.TermRenderer
	results   *lru[[32]byte, Result]
	blocks    *lru[blockKey, string] // rendered Markdown blocks; see mdBlocks
}

type termKey struct {
	width int
	style string
}

// NewRenderer builds a renderer drawing with th. cacheSize bounds the result
// cache (DefaultCacheSize is a good choice); 0 disables it, and the cache
// of rendered paragraphs with it.
func NewRenderer(th *theme.Theme, cacheSize int) *Renderer {
	r := &Renderer{
		sender:    SampleSender(),
		converter: newHTMLConverter(),
		terms:     map[termKey]*glamour.TermRenderer{},
		results:   newLRU[[32]byte, Result](cacheSize),
		blocks:    newLRU[blockKey, string](0),
	}
	if cacheSize > 0 {
		r.blocks = newLRU[blockKey, string](blockCacheSize)
	}
	r.setTheme(th)
	return r
}

// SetTheme switches the palette, e.g. when the terminal reports its
// background. Cached results of the other palette stay valid for it.
func (r *Renderer) SetTheme(th *theme.Theme) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.setTheme(th)
}

func (r *Renderer) setTheme(th *theme.Theme) {
	r.style = th.GlamourStyle()
	r.template = th.Template
	r.muted = th.Muted
	switch {
	case th.NoColor():
		r.styleKey = "plain"
	case th.Dark():
		r.styleKey = "dark"
	default:
		r.styleKey = "light"
	}
}

// Render previews req. It never panics on message content and never
// returns terminal control sequences other than styling.
func (r *Renderer) Render(req Request) Result {
	if req.Width <= 0 {
		req.Width = defaultWidth
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	key := r.cacheKey(req)
	if res, ok := r.results.get(key); ok {
		res.Findings = slices.Clone(res.Findings)
		return res
	}
	res := r.render(req)
	r.results.put(key, res)
	res.Findings = slices.Clone(res.Findings)
	return res
}

func (r *Renderer) render(req Request) Result {
	a := analyze(req.Type, req.Subject, req.Message, req.Lead, r.sender)
	res := Result{Findings: a.all(), RawChars: a.messageRunesIn, SMSSegments: a.smsSegments, AsWritten: a.asWritten}
	var body, rendered string
	if req.Type.IsEmail() {
		md, err := r.converter.ConvertString(a.messageOut)
		if err != nil {
			md = plainMarkdown(a.messageOut)
		}
		rendered = md
	} else {
		rendered = a.messageOut
	}
	res.RenderedChars = utf8.RuneCountInString(rendered)
	if req.Raw {
		body = r.rawBody(a, req.Width)
	} else {
		body = r.heading(a.headingField, a.subjectOut, req.Width) + r.markdownBody(req, rendered)
	}
	res.Body = body
	return res
}

// markdownBody renders the message's Markdown (or escaped plain text)
// through glamour.
func (r *Renderer) markdownBody(req Request, rendered string) string {
	md := rendered
	if !req.Type.IsEmail() {
		md = plainMarkdown(rendered)
	} else if out, ok := r.renderBlocks(md, req.Width); ok {
		return out
	}
	out, err := r.term(req.Width).Render(md)
	if err != nil {
		out = lipgloss.Wrap(rendered, req.Width, "")
	}
	return tidy(keepSGR(out))
}

// heading is the "Subject: …" or "Title: …" line above the message.
func (r *Renderer) heading(field api.Field, text string, width int) string {
	if field == "" {
		return ""
	}
	label := "Subject: "
	if field == api.FieldTitle {
		label = "Title: "
	}
	line := r.muted.Render(label) + strings.Join(strings.Fields(text), " ")
	return indent(lipgloss.Wrap(line, width-2*docMargin, ""), docMargin) + "\n\n"
}

// docMargin is the left margin glamour's styles put around the document;
// the heading and the raw view use it too so everything lines up.
const docMargin = 2

func (r *Renderer) term(width int) *glamour.TermRenderer {
	k := termKey{width, r.styleKey}
	if t, ok := r.terms[k]; ok {
		return t
	}
	if len(r.terms) >= maxTermRenderers {
		clear(r.terms)
	}
	t, err := glamour.NewTermRenderer(
		glamour.WithStyles(r.style),
		glamour.WithWordWrap(width),
		glamour.WithPreservedNewLines(),
	)
	if err != nil {
		// Only invalid options fail, and these are fixed; fall back to the
		// plain style rather than draw nothing.
		t, _ = glamour.NewTermRenderer(glamour.WithWordWrap(width), glamour.WithStandardStyle("notty"))
	}
	r.terms[k] = t
	return t
}

// cacheKey hashes everything a result depends on.
func (r *Renderer) cacheKey(req Request) [32]byte {
	h := sha256.New()
	var n [8]byte
	field := func(s string) {
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	field(string(req.Type))
	field(req.Subject)
	field(req.Message)
	field(r.styleKey)
	binary.LittleEndian.PutUint64(n[:], uint64(req.Width))
	h.Write(n[:])
	if req.Raw {
		field("raw")
	}
	field(req.Lead.Name)
	for _, k := range slices.Sorted(maps.Keys(req.Lead.Fields)) {
		field(k)
		field(req.Lead.Fields[k])
	}
	var sum [32]byte
	h.Sum(sum[:0])
	return sum
}
