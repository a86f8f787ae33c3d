package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"lemstep/api"
	"lemstep/forms"
	"lemstep/internal/steptext"
	"lemstep/ui/preview"
)

// previewPane shows the edited message as the lead will read it, with its
// lint and counters under it. Rendering is the preview model's: off the
// keystroke path, debounced.
type previewPane struct {
	c      *Context
	model  preview.Model
	last   preview.Request
	width  int
	offset int // the first body line shown
	bodyH  int // the body lines the last View showed
	checks checksList
	// places names the findings' places as the form shows their fields
	// (see editorScreen.checkPlaces); nil: as the lint read them. Named
	// once per result: naming reads the fields' text.
	places checkPlaces
	named  struct {
		for_  []preview.Finding
		names []string
	}
	// alone is set while the preview fills the screen in place of the
	// form: plain ↑/↓ scroll it then.
	alone bool
}

func newPreviewPane(c *Context) *previewPane {
	return &previewPane{c: c, model: preview.NewModel(c.Renderer, nil)}
}

func (p *previewPane) SetSize(w, _ int) { p.width = w }

// request is what to preview for the step as edited.
func (p *previewPane) request(s api.Step) preview.Request {
	subject := s.Subject
	if s.Type == api.Manual {
		subject = s.Title
	}
	return preview.Request{Type: s.Type, Subject: subject, Message: s.Message, Width: p.width}
}

// Schedule re-renders when what the preview shows has changed.
func (p *previewPane) Schedule(s api.Step) tea.Cmd {
	req := p.request(s)
	if req.Type == p.last.Type && req.Subject == p.last.Subject && req.Message == p.last.Message && req.Width == p.last.Width {
		return nil
	}
	p.last = req
	return p.model.Schedule(req)
}

// NextLead previews the latest edit for the next sample lead.
func (p *previewPane) NextLead() tea.Cmd { return p.model.NextLead() }

// ToggleRaw switches between the rendered message and the raw template.
func (p *previewPane) ToggleRaw() tea.Cmd { return p.model.ToggleRaw() }

// Scroll moves the body n lines down (up when negative); a page is the
// lines it shows.
func (p *previewPane) Scroll(n int) { p.offset = max(0, p.offset+n) }

// Page is how many lines Scroll should move for a page.
func (p *previewPane) Page() int { return max(1, p.bodyH-1) }

// isNote reports a step whose message is a note for the rep, not copy a
// lead reads.
func isNote(t api.StepType) bool { return t == api.Manual || t == api.Phone }

// Update passes the preview's own messages to it.
func (p *previewPane) Update(msg tea.Msg) (tea.Cmd, bool) {
	var cmd tea.Cmd
	p.model, cmd = p.model.Update(msg)
	return cmd, cmd != nil
}

// hasMessage reports whether the step type has text to preview.
func hasMessage(t api.StepType) bool {
	return api.CanEdit(t, api.FieldMessage) || api.CanEdit(t, api.FieldSubject)
}

// View draws the pane in at most h lines: a title naming the lead and
// mode, the body, then lint findings and counters.
func (p *previewPane) View(h int) string {
	st := p.c.Styles
	if !hasMessage(p.last.Type) {
		return st.Muted.Render("This step has no message to preview.")
	}
	name, mode := "Preview", "as "+p.model.Lead().Name+" will read it"
	if isNote(p.last.Type) {
		name, mode = "Note for the rep", "with "+p.model.Lead().Name+"'s details"
	}
	if p.model.Raw() {
		mode = "raw template"
	}
	title := st.Title.Render(name) + st.Muted.Render(" · "+mode)
	if p.model.Pending() {
		title += st.Muted.Render(" · updating…")
	}
	title = truncate(title, p.width)
	res := p.model.Result()
	if note := p.asWrittenNote(res); note != "" {
		title += "\n" + note
	}
	foot := p.footer(res, h)
	bodyH := max(1, h-1-lipgloss.Height(title)-lipgloss.Height(foot))
	body, more := p.scrolled(res.Body, bodyH)
	if more != "" {
		first, rest, _ := strings.Cut(title, "\n")
		title = truncate(first+st.Muted.Render(" · "+more), p.width)
		if rest != "" {
			title += "\n" + rest
		}
	}
	return title + "\n" + body + "\n" + foot
}

// asWrittenNote says which fields the preview shows as written because
// their Liquid does not parse or render; "" when it fills in every field.
func (p *previewPane) asWrittenNote(res preview.Result) string {
	if len(res.AsWritten) == 0 || p.model.Raw() {
		return ""
	}
	names := make([]string, len(res.AsWritten))
	for i, f := range res.AsWritten {
		names[i] = strings.ToLower(forms.Label(f))
	}
	text := fmt.Sprintf("Shown as written: lemlist cannot fill in the variables of the %s. The checks below say why.",
		strings.Join(names, " and the "))
	return p.c.Styles.Warning.Render(lipgloss.Wrap(text, max(10, p.width), ""))
}

// scrolled is the part of body that shows in h lines from the offset, and
// how much lies above and below it ("" when it all shows).
func (p *previewPane) scrolled(body string, h int) (string, string) {
	lines := strings.Split(body, "\n")
	p.bodyH = h
	p.offset = min(p.offset, max(0, len(lines)-h))
	if len(lines) <= h {
		return fitHeight(body, h), ""
	}
	above, below := p.offset, len(lines)-p.offset-h
	var more []string
	if above > 0 {
		more = append(more, fmt.Sprintf("↑ %d above", above))
	}
	if below > 0 {
		more = append(more, fmt.Sprintf("↓ %d below", below))
	}
	keys := " (ctrl+↑/↓)"
	if p.alone {
		keys = " (↑/↓)"
	}
	return strings.Join(lines[p.offset:p.offset+h], "\n"), strings.Join(more, " · ") + keys
}

// checksLines is how many lines the checks may take in a pane h lines
// tall: a third, and two thirds while the user goes through them.
func (p *previewPane) checksLines(h int) int {
	if p.checks.focused {
		return max(4, h*2/3)
	}
	return max(3, h/3)
}

// footer is the counters and the checks, under the body.
func (p *previewPane) footer(res preview.Result, h int) string {
	st := p.c.Styles
	counts := fmt.Sprintf("%d characters in the template · %d for this lead", res.RawChars, res.RenderedChars)
	if res.SMSSegments > 0 {
		counts += " · " + steptext.Count(res.SMSSegments, "SMS segment", "SMS segments")
	}
	foot := st.Counter.Render(truncate(counts, p.width))
	if checks := p.checks.view(st, res.Findings, p.placeNames(res.Findings), p.width, p.checksLines(h)); checks != "" {
		foot += "\n" + checks
	}
	return foot
}

// placeNames names where each of fs is, once per result.
func (p *previewPane) placeNames(fs []preview.Finding) []string {
	if len(fs) == 0 {
		return nil
	}
	if n := &p.named; len(n.for_) == len(fs) && &n.for_[0] == &fs[0] {
		return n.names
	}
	places := p.places
	if places == nil {
		places = storedPlaces
	}
	names := places(fs)
	p.named.for_, p.named.names = fs, names
	return names
}

// Findings are the checks of the latest preview.
func (p *previewPane) Findings() []preview.Finding { return p.model.Result().Findings }
