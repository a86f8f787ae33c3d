package preview

import (
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"lemstep/api"
)

// newTestModel returns a model whose debounce ticks are delivered by the
// test, not by a clock: ticks counts the ticks the model asked for.
func newTestModel(t *testing.T) (*Model, *int) {
	t.Helper()
	ticks := 0
	m := NewModel(NewRenderer(plainTheme(), DefaultCacheSize), nil)
	m.afterFn = func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		ticks++
		return func() tea.Msg { return fn(time.Time{}) }
	}
	return &m, &ticks
}

// run executes cmd and feeds every message it yields back into m, except
// ticks, which it returns so the test decides when time passes.
func run(t *testing.T, m *Model, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	var ticks []tea.Msg
	if cmd == nil {
		return nil
	}
	msg := cmd()
	switch msg := msg.(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			ticks = append(ticks, run(t, m, c)...)
		}
	case tickMsg:
		ticks = append(ticks, msg)
	default:
		*m, cmd = m.Update(msg)
		ticks = append(ticks, run(t, m, cmd)...)
	}
	return ticks
}

// fire lets the debounce interval started by cmd end: its tick reaches the
// model, whose render runs to completion. It returns the follow-up ticks.
func fire(t *testing.T, m *Model, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	ticks := run(t, m, cmd)
	if len(ticks) != 1 {
		t.Fatalf("want one tick, got %d", len(ticks))
	}
	var next tea.Cmd
	*m, next = m.Update(ticks[0])
	return run(t, m, next)
}

func sms(text string) Request { return Request{Type: api.SMS, Message: text, Width: 60} }

func TestModelDebouncesAndRendersTheLastEdit(t *testing.T) {
	m, ticks := newTestModel(t)
	first := m.Schedule(sms("H"))
	if first == nil {
		t.Fatal("the first edit must start a debounce interval")
	}
	for _, s := range []string{"He", "Hel", "Hello {{firstName}}"} {
		if cmd := m.Schedule(sms(s)); cmd != nil {
			t.Fatalf("edit %q during the interval started another tick", s)
		}
	}
	if m.View() != "" || !m.Pending() {
		t.Fatal("nothing may render before the interval ends")
	}
	pending := fire(t, m, first) // the interval ends: render the latest edit only
	if got := m.View(); !strings.Contains(got, "Hello Jordan") {
		t.Fatalf("view after the tick = %q, want the last edit", got)
	}
	if m.Pending() {
		t.Fatal("the last edit is rendered")
	}
	if len(pending) != 1 || *ticks != 2 {
		t.Fatalf("a cooldown tick should follow a render (ticks %d, pending %d)", *ticks, len(pending))
	}
	// The cooldown ends with nothing new: no render, the model goes idle.
	var cmd tea.Cmd
	*m, cmd = m.Update(pending[0])
	if cmd != nil {
		t.Fatal("an idle cooldown must not render again")
	}
	if m.Schedule(sms("Bye")) == nil {
		t.Fatal("after going idle, the next edit starts a new interval")
	}
}

func TestModelEditDuringCooldownIsRendered(t *testing.T) {
	m, _ := newTestModel(t)
	pending := fire(t, m, m.Schedule(sms("one")))
	if cmd := m.Schedule(sms("two")); cmd != nil {
		t.Fatal("edits during the cooldown wait for its tick")
	}
	var cmd tea.Cmd
	*m, cmd = m.Update(pending[0])
	run(t, m, cmd)
	if !strings.Contains(m.View(), "two") {
		t.Fatalf("view = %q, want the edit made during the cooldown", m.View())
	}
}

func TestModelDropsStaleResults(t *testing.T) {
	m, _ := newTestModel(t)
	m.Schedule(sms("old"))
	m.Schedule(sms("new"))
	newer := renderedMsg{owner: m.owner, seq: 2, res: Result{Body: "new"}}
	older := renderedMsg{owner: m.owner, seq: 1, res: Result{Body: "old"}}
	*m, _ = m.Update(newer)
	*m, _ = m.Update(older)
	if m.View() != "new" {
		t.Fatalf("a late result of an older edit replaced a newer one: %q", m.View())
	}
	other := NewModel(m.r, nil)
	*m, _ = m.Update(renderedMsg{owner: other.owner, seq: 9, res: Result{Body: "other"}})
	if m.View() != "new" {
		t.Fatal("a result of another preview was taken")
	}
}

func TestModelLeadsAndRawMode(t *testing.T) {
	m, _ := newTestModel(t)
	pending := fire(t, m, m.Schedule(sms("Hi {{firstName}} at {{companyName}}")))
	if !strings.Contains(m.View(), "Hi Jordan at Acme Robotics") {
		t.Fatalf("view = %q", m.View())
	}
	*m, _ = m.Update(pending[0]) // idle
	pending = fire(t, m, m.NextLead())
	if m.Lead().Name != "Sam Rivera (no company)" || !strings.Contains(m.View(), "Hi Sam at ⟨companyName⟩") {
		t.Fatalf("after NextLead: lead %q, view %q", m.Lead().Name, m.View())
	}
	*m, _ = m.Update(pending[0])
	fire(t, m, m.ToggleRaw())
	if !m.Raw() || !strings.Contains(m.View(), "{{firstName}}") {
		t.Fatalf("raw mode should show the template: %q", m.View())
	}
	for range len(Leads()) - 1 {
		m.NextLead()
	}
	if m.Lead().Name != Leads()[0].Name {
		t.Fatal("NextLead should cycle back to the first lead")
	}
}

func TestModelBeforeAnyEdit(t *testing.T) {
	m, _ := newTestModel(t)
	if m.NextLead() != nil || m.ToggleRaw() != nil {
		t.Fatal("nothing to render before the first edit")
	}
	if m.View() != "" || m.Pending() {
		t.Fatal("an untouched preview is empty and not pending")
	}
}

func TestRendererCache(t *testing.T) {
	r := NewRenderer(plainTheme(), 2)
	req := sms("Hi {{firstName}}")
	req.Lead = leadNamed(t, "Jordan")
	a := r.Render(req)
	if r.results.len() != 1 {
		t.Fatalf("cache holds %d results", r.results.len())
	}
	if b := r.Render(req); b.Body != a.Body {
		t.Fatal("a cached result differs")
	}
	if r.results.len() != 1 {
		t.Fatal("the same request was stored twice")
	}
	req.Lead.Fields["firstName"] = "Jo"
	if c := r.Render(req); !strings.Contains(c.Body, "Hi Jo") || strings.Contains(c.Body, "Jordan") {
		t.Fatalf("a changed lead must not hit the cache: %q", c.Body)
	}
	req.Width = 30
	r.Render(req)
	if r.results.len() != 2 {
		t.Fatalf("the cache must stay bounded at 2, holds %d", r.results.len())
	}
	// Findings handed out, on a miss or a hit, are the caller's own copy.
	typo := sms("Hi {{firstname}}")
	typo.Lead = req.Lead
	miss := r.Render(typo)
	if len(miss.Findings) == 0 {
		t.Fatal("setup: a misspelt variable must give a finding")
	}
	want := miss.Findings[0]
	miss.Findings[0] = Finding{Message: "mutated"}
	hit := r.Render(typo)
	if len(hit.Findings) == 0 || hit.Findings[0] != want {
		t.Fatalf("changing the findings of a render changed the cached ones: %v", hit.Findings)
	}
	hit.Findings[0] = Finding{Message: "mutated"}
	cached, ok := r.results.get(r.cacheKey(typo))
	if !ok || len(cached.Findings) == 0 || cached.Findings[0] != want {
		t.Fatalf("changing the findings of a cache hit changed the cached ones: %v", cached.Findings)
	}
}

func TestRendererConcurrentUse(t *testing.T) {
	r := NewRenderer(plainTheme(), 4)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req := Request{Type: api.Email, Subject: "s", Message: "<p>Hi {{firstName}}</p>", Width: 40 + i%3, Lead: Leads()[i%3]}
			if res := r.Render(req); !strings.Contains(res.Body, "Hi ") {
				t.Errorf("render %d: %q", i, res.Body)
			}
		}()
	}
	wg.Wait()
}
