package preview

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// Debounce is the shortest interval between two renders while typing.
const Debounce = 100 * time.Millisecond

// Model is the preview pane the editor embeds. The editor calls Schedule on
// every edit and forwards messages to Update; rendering runs in a tea.Cmd,
// off the keystroke path, at most once per Debounce while edits keep coming,
// and always once more for the last edit. NextLead and ToggleRaw are for the
// editor's key bindings (ctrl+l and ctrl+g in lemstep).
type Model struct {
	r     *Renderer
	owner *owner // tells this model's messages from another's
	leads []Lead
	lead  int
	raw   bool

	req     Request // latest request, with lead and mode filled in
	seq     int     // bumped on every Schedule: 0 until the first request
	started int     // seq of the newest render started
	shown   int     // seq of the result on display
	cooling bool    // a tick is in flight: renders wait for it
	result  Result
	afterFn func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
}

type owner struct{ _ byte }

// tickMsg ends a debounce interval.
type tickMsg struct{ owner *owner }

// renderedMsg carries a finished render.
type renderedMsg struct {
	owner *owner
	seq   int
	res   Result
}

// NewModel builds a preview that renders with r for the given sample leads
// (Leads() when nil).
func NewModel(r *Renderer, leads []Lead) Model {
	if len(leads) == 0 {
		leads = Leads()
	}
	return Model{r: r, owner: &owner{}, leads: leads, afterFn: tea.Tick}
}

// Schedule asks for a preview of req. The model's current lead and mode
// replace req.Lead and req.Raw. The returned command (nil while a debounce
// interval is running) eventually delivers the result to Update.
func (m *Model) Schedule(req Request) tea.Cmd {
	req.Lead = m.leads[m.lead]
	req.Raw = m.raw
	m.req = req
	m.seq++
	if m.cooling {
		return nil
	}
	m.cooling = true
	return m.tick()
}

// NextLead switches to the next sample lead and re-renders.
func (m *Model) NextLead() tea.Cmd {
	m.lead = (m.lead + 1) % len(m.leads)
	return m.reschedule()
}

// ToggleRaw switches between the rendered message and the raw template.
func (m *Model) ToggleRaw() tea.Cmd {
	m.raw = !m.raw
	return m.reschedule()
}

func (m *Model) reschedule() tea.Cmd {
	if !m.hasReq() {
		return nil
	}
	return m.Schedule(m.req)
}

// Update handles the model's own messages and ignores every other one.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tickMsg:
		if msg.owner != m.owner {
			return m, nil
		}
		if m.started == m.seq {
			m.cooling = false
			return m, nil
		}
		m.started = m.seq
		return m, tea.Batch(m.renderCmd(m.req, m.seq), m.tick())
	case renderedMsg:
		if msg.owner == m.owner && msg.seq > m.shown {
			m.shown, m.result = msg.seq, msg.res
		}
	}
	return m, nil
}

func (m *Model) tick() tea.Cmd {
	o := m.owner
	return m.afterFn(Debounce, func(time.Time) tea.Msg { return tickMsg{owner: o} })
}

func (m *Model) renderCmd(req Request, seq int) tea.Cmd {
	r, o := m.r, m.owner
	return func() tea.Msg { return renderedMsg{owner: o, seq: seq, res: r.Render(req)} }
}

// View returns the body of the latest finished preview.
func (m Model) View() string { return m.result.Body }

// Result returns the latest finished preview: body, lint and counters.
func (m Model) Result() Result { return m.result }

// Lead returns the sample lead the preview renders for.
func (m Model) Lead() Lead { return m.leads[m.lead] }

// Raw reports whether the preview shows the raw template.
func (m Model) Raw() bool { return m.raw }

// Pending reports whether an edit has not been rendered yet.
func (m Model) Pending() bool { return m.hasReq() && m.shown != m.seq }

// hasReq reports whether a request was ever scheduled.
func (m Model) hasReq() bool { return m.seq > 0 }
