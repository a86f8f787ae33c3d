package ui

import (
	"context"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/internal/findreplace"
	"lemstep/internal/journal"
)

// findPhase is where the find-and-replace screen is.
type findPhase int

const (
	findTyping    findPhase = iota // the pattern and the replacement are typed
	findSearching                  // the campaigns are being read
	findMatches                    // the matches, each turned on or off
	findReview                     // the change of each step, before sending
	findSending                    // the PATCHes go out one by one
	findDone                       // what was sent, and what was not
)

// openFindMsg asks to open the find-and-replace screen.
type openFindMsg struct{ sentBy }

// findScreen finds a text in every step of the workspace's campaigns and
// replaces it, step by step, with the engine `lemstep grep` and `lemstep
// replace` use: the matches grouped by campaign and step, each one turned
// on or off, the review of every step's change, and the sending with its
// progress.
type findScreen struct {
	c    *Context
	keys Keys
	// campaigns are the campaign list's: every campaign but archived ones
	// is searched.
	campaigns []api.Campaign

	phase       findPhase
	pattern     textinput.Model
	replacement textinput.Model
	err         string
	gen         int // the search or send in progress; older answers are dropped

	matcher  *findreplace.Matcher
	found    []findreplace.Found
	searched int
	off      map[findreplace.MatchKey]bool
	cursor   int // the match under the cursor, counted over every match

	plan   findPlan
	review pager

	cancel   context.CancelFunc
	outcomes []findreplace.Outcome
	sent     int // outcomes received
	stopped  bool
	batch    *journal.Batch
	// journalErrs counts the changes made that could not be journaled.
	journalErrs int
	journalErr  string

	width, height int
}

func newFindScreen(c *Context, keys Keys, campaigns []api.Campaign) *findScreen {
	s := &findScreen{c: c, keys: keys, review: newPager(keys), off: map[findreplace.MatchKey]bool{}}
	for _, cp := range campaigns {
		if !cp.IsArchived() {
			s.campaigns = append(s.campaigns, cp)
		}
	}
	s.pattern = textinput.New()
	s.pattern.Prompt = "Find:    "
	s.pattern.Placeholder = "text to find, e.g. a product's old name"
	s.replacement = textinput.New()
	s.replacement.Prompt = "Replace: "
	s.replacement.Placeholder = "what to write instead"
	s.pattern.Focus()
	return s
}

func (s *findScreen) Init() tea.Cmd { return textinput.Blink }

func (s *findScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.pattern.SetWidth(max(10, w-12))
	s.replacement.SetWidth(max(10, w-12))
	s.review.SetSize(w, max(1, h-2))
	if s.phase == findReview {
		s.review.SetContent(s.reviewText()) // the change view wraps to the width
	}
}

// CapturesKeys: the two fields take every key while typing, and while
// sending only esc (stop) matters, so q cannot leave half-way by mistake.
func (s *findScreen) CapturesKeys() bool { return s.phase == findTyping || s.phase == findSending }

func (s *findScreen) Crumbs() []string { return []string{"find & replace"} }

func (s *findScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return s.onKey(msg)
	case foundMsg:
		return s.onFound(msg)
	case outcomeMsg:
		return s.onOutcome(msg)
	case sendDoneMsg:
		if msg.gen == s.gen {
			s.phase = findDone
		}
		return nil
	}
	if s.phase == findTyping {
		return s.updateInputs(msg)
	}
	return nil
}

func (s *findScreen) onKey(k tea.KeyPressMsg) tea.Cmd {
	switch s.phase {
	case findTyping:
		return s.onTypingKey(k)
	case findSearching:
		if key.Matches(k, s.keys.Back) {
			s.stop()
			s.phase = findTyping
		}
	case findMatches:
		return s.onMatchesKey(k)
	case findReview:
		return s.onReviewKey(k)
	case findSending:
		if key.Matches(k, s.keys.Back) {
			s.stop()
			s.stopped = true
		}
	case findDone:
		switch {
		case key.Matches(k, s.keys.Back):
			return emit(backMsg{sentBy{s}})
		case key.Matches(k, s.keys.Open):
			s.phase = findTyping
			s.pattern.Focus()
		}
	}
	return nil
}

func (s *findScreen) onTypingKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, s.keys.Back):
		return emit(backMsg{sentBy{s}})
	case key.Matches(k, s.keys.NextField), key.Matches(k, s.keys.PrevField):
		if s.pattern.Focused() {
			s.pattern.Blur()
			return s.replacement.Focus()
		}
		s.replacement.Blur()
		return s.pattern.Focus()
	case key.Matches(k, s.keys.Open):
		return s.search()
	}
	return s.updateInputs(k)
}

func (s *findScreen) updateInputs(msg tea.Msg) tea.Cmd {
	var a, b tea.Cmd
	s.pattern, a = s.pattern.Update(msg)
	s.replacement, b = s.replacement.Update(msg)
	return tea.Batch(a, b)
}

// search compiles the pattern and reads the campaigns.
func (s *findScreen) search() tea.Cmd {
	m, err := findreplace.Compile(findreplace.Query{Pattern: s.pattern.Value()})
	if err != nil {
		s.err = err.Error()
		return nil
	}
	s.err, s.matcher, s.phase = "", m, findSearching
	s.off = map[findreplace.MatchKey]bool{}
	s.gen++
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	return searchCampaigns(s, s.c.Client, ctx, s.gen, m, s.campaigns)
}

func (s *findScreen) onFound(msg foundMsg) tea.Cmd {
	if msg.gen != s.gen || s.phase != findSearching {
		return nil
	}
	s.found, s.searched, s.cursor = msg.found, msg.searched, 0
	s.err = msg.errText
	s.phase = findMatches
	return nil
}

func (s *findScreen) onMatchesKey(k tea.KeyPressMsg) tea.Cmd {
	total := s.matchCount()
	switch {
	case key.Matches(k, s.keys.Back):
		s.phase = findTyping
		return s.pattern.Focus()
	case key.Matches(k, s.keys.Up):
		s.cursor = max(0, s.cursor-1)
	case key.Matches(k, s.keys.Down):
		s.cursor = min(max(0, total-1), s.cursor+1)
	case key.Matches(k, s.keys.PageUp):
		s.cursor = max(0, s.cursor-s.height/2)
	case key.Matches(k, s.keys.PageDown):
		s.cursor = min(max(0, total-1), s.cursor+s.height/2)
	case key.Matches(k, s.keys.Toggle):
		if f, i, ok := s.matchAt(s.cursor); ok && f.Matches[i].Skip == "" {
			mk := f.Key(i)
			s.off[mk] = !s.off[mk]
		}
	case key.Matches(k, s.keys.Open):
		return s.toReview()
	}
	return nil
}

// matchCount is how many matches were found.
func (s *findScreen) matchCount() int {
	n := 0
	for _, f := range s.found {
		n += len(f.Matches)
	}
	return n
}

// matchAt is the n-th match over every step.
func (s *findScreen) matchAt(n int) (findreplace.Found, int, bool) {
	for _, f := range s.found {
		if n < len(f.Matches) {
			return f, n, true
		}
		n -= len(f.Matches)
	}
	return findreplace.Found{}, 0, false
}

// on reports whether a match is turned on.
func (s *findScreen) on(k findreplace.MatchKey) bool { return !s.off[k] }

func (s *findScreen) onReviewKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, s.keys.Cancel):
		s.phase = findMatches
	case key.Matches(k, s.keys.Submit):
		if len(s.plan.send) > 0 {
			return s.send()
		}
	default:
		s.review.Update(k)
	}
	return nil
}

// stop cancels the search or the sending in progress.
func (s *findScreen) stop() {
	if s.cancel != nil {
		s.cancel()
		s.cancel = nil
	}
}

// Closed stops what is in progress when the screen closes.
func (s *findScreen) Closed() { s.stop() }

func (s *findScreen) ShortHelp() []key.Binding {
	switch s.phase {
	case findTyping:
		search := s.keys.Open
		search.SetHelp("enter", "find")
		return []key.Binding{search, s.keys.NextField, s.keys.Back, s.keys.Interrupt}
	case findSearching:
		stop := s.keys.Back
		stop.SetHelp("esc", "stop")
		return []key.Binding{stop}
	case findMatches:
		review := s.keys.Open
		review.SetHelp("enter", "review")
		back := s.keys.Back
		back.SetHelp("esc", "edit the search")
		return []key.Binding{s.keys.Toggle, review, s.keys.Up, s.keys.Down, back, s.keys.Quit}
	case findReview:
		send := s.keys.Submit
		send.SetHelp("enter/y", "send")
		back := s.keys.Cancel
		back.SetHelp("esc/n", "back to the matches")
		return []key.Binding{send, back, s.keys.PageDown, s.keys.Quit}
	case findSending:
		stop := s.keys.Back
		stop.SetHelp("esc", "stop (what was sent stays)")
		return []key.Binding{stop}
	}
	again := s.keys.Open
	again.SetHelp("enter", "new search")
	return []key.Binding{again, s.keys.Back, s.keys.Quit}
}

func (s *findScreen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
