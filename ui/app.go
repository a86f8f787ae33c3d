package ui

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"lemstep/internal/safetext"
	"lemstep/theme"
	"lemstep/ui/preview"
)

// screen is which page the root model shows.
type screen int

const (
	screenCampaigns screen = iota
	screenSteps
	screenEditor
	screenReview
	screenDraft // the offer to restore a step's draft
)

func (s screen) String() string {
	return [...]string{"campaigns", "steps", "editor", "review", "draft"}[s]
}

// Model is the root of the interface: it owns the screens, routes messages to
// the active one, and handles what is common to all (size, theme, help,
// quitting, confirmations).
type Model struct {
	c         *Context
	keys      Keys
	help      help.Model
	fullHelp  bool
	noColor   bool
	screen    screen
	campaigns *campaignScreen
	steps     *stepScreen
	editor    *editorScreen
	review    *reviewScreen
	offer     *draftOfferScreen
	confirm   *confirmBox
	notice    string
}

// New builds the interface on an API client.
func New(cfg Config) *Model {
	timeout := cfg.Timeout
	if timeout == 0 {
		timeout = time.Minute
	}
	th := theme.New(cfg.Dark, cfg.NoColor)
	c := &Context{
		Client: cfg.Client, Theme: th, Styles: newStyles(th), Demo: cfg.Demo, Timeout: timeout,
		Renderer: preview.NewRenderer(th, preview.DefaultCacheSize),
		Drafts:   cfg.Drafts, Journal: cfg.Journal, Workspace: cfg.Workspace, Now: cfg.Now,
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	keys := DefaultKeys()
	m := &Model{c: c, keys: keys, noColor: cfg.NoColor, help: newHelp(c)}
	m.campaigns = newCampaignScreen(c, keys)
	return m
}

// Init loads the team and the campaigns, and asks the terminal whether its
// background is dark (the theme assumes the first guess until it answers).
func (m *Model) Init() tea.Cmd {
	return tea.Batch(loadTeam(m.c), m.campaigns.Load(), tea.RequestBackgroundColor)
}

// Screen names the active screen (for tests and debugging).
func (m *Model) Screen() string { return m.screen.String() }

func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		return m, nil
	case tea.BackgroundColorMsg:
		return m, m.setTheme(msg.IsDark())
	case teamLoadedMsg:
		if msg.err == nil {
			m.c.Team = msg.team.Name
		}
		return m, nil
	case tea.KeyPressMsg:
		return m, m.onKey(msg)
	}
	if cmd, ok := m.onNavigation(msg); ok {
		return m, cmd
	}
	return m, m.routeToScreens(msg)
}

// routeToScreens gives a message to every screen that may be waiting for it:
// answers from the API can arrive after the user moved on.
func (m *Model) routeToScreens(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	switch msg.(type) {
	case campaignsPageMsg:
		return m.campaigns.Update(msg)
	case sequencesLoadedMsg:
		if m.steps != nil {
			return m.steps.Update(msg)
		}
		return nil
	}
	switch m.screen {
	case screenCampaigns:
		cmds = append(cmds, m.campaigns.Update(msg))
	case screenSteps:
		cmds = append(cmds, m.steps.Update(msg))
	case screenEditor:
		cmds = append(cmds, m.editor.Update(msg))
	case screenReview:
		cmds = append(cmds, m.review.Update(msg))
	case screenDraft:
		cmds = append(cmds, m.offer.Update(msg))
	}
	if m.screen != screenEditor && m.editor != nil {
		cmd, _ := m.editor.Background(msg)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

func (m *Model) resize(w, h int) {
	m.c.Width, m.c.Height = w, h
	bodyH := max(1, h-3)
	m.campaigns.SetSize(w, bodyH)
	if m.steps != nil {
		m.steps.SetSize(w, bodyH)
	}
	if m.editor != nil {
		m.editor.SetSize(w, bodyH)
	}
	if m.review != nil {
		m.review.SetSize(w, bodyH)
	}
	if m.offer != nil {
		m.offer.SetSize(w, bodyH)
	}
}

func (m *Model) setTheme(dark bool) tea.Cmd {
	th := theme.New(dark, m.noColor)
	m.c.Theme, m.c.Styles = th, newStyles(th)
	m.c.Renderer.SetTheme(th)
	m.help = newHelp(m.c)
	if m.editor != nil {
		return m.editor.SetTheme()
	}
	return nil
}

// textFocused reports whether keys are text for the active screen, so q and
// esc and ? belong to the field, not to the root.
func (m *Model) textFocused() bool {
	switch m.screen {
	case screenCampaigns:
		return m.campaigns.CapturesKeys()
	case screenSteps:
		return m.steps.CapturesKeys()
	case screenEditor:
		return true
	}
	return false
}

func (m *Model) onKey(k tea.KeyPressMsg) tea.Cmd {
	m.notice = ""
	if m.confirm != nil {
		return m.onConfirmKey(k)
	}
	if k.String() == "ctrl+c" {
		return m.quit()
	}
	if !m.textFocused() {
		switch {
		case key.Matches(k, m.keys.Help):
			m.fullHelp = !m.fullHelp
			return nil
		case key.Matches(k, m.keys.Quit):
			return m.quit()
		case key.Matches(k, m.keys.Back) && m.screen == screenSteps && !m.steps.ClearsFilterOnEsc():
			m.screen = screenCampaigns
			return nil
		case key.Matches(k, m.keys.Back) && m.screen == screenDraft:
			m.offer, m.screen = nil, screenSteps
			return nil
		}
	}
	return m.routeToScreens(k)
}

// quit leaves at once, writing the open editor's draft first; it asks only
// when the draft cannot be written, since then the edits would be lost.
func (m *Model) quit() tea.Cmd {
	if m.editor == nil {
		return tea.Quit
	}
	if m.screen == screenReview && m.review.Submitting() {
		m.confirm = &confirmBox{
			question: "The update is on its way to lemlist. Quit before it answers?\n" +
				"Your edits stay in the draft, but if lemlist accepts the update, the journal will not record it.",
			yes: m.quitKeepingDraft,
		}
		return nil
	}
	return m.quitKeepingDraft()
}

// quitKeepingDraft writes the open editor's draft and quits.
func (m *Model) quitKeepingDraft() tea.Cmd {
	if _, err := m.editor.FlushDraft(); err != nil {
		m.confirm = &confirmBox{
			question: "Your edits could not be saved as a draft. Quit and lose them?",
			yes:      func() tea.Cmd { return tea.Quit },
		}
		return nil
	}
	return tea.Quit
}

// SaveDraft writes the open editor's edits to their draft now. The program
// calls it when it stops, whatever stopped it (a signal, a crash, a quit),
// and tells the user what it returns.
func (m *Model) SaveDraft() (kept string, err error) {
	if m.editor == nil {
		return "", nil
	}
	defer func() {
		// After a crash the editor may be half-updated; a draft is then
		// best effort, and the crash is the error worth reporting.
		if r := recover(); r != nil {
			err = fmt.Errorf("the draft could not be saved after the crash: %v", r)
		}
	}()
	ok, err := m.editor.FlushDraft()
	if err != nil || !ok {
		return "", err
	}
	e := m.editor
	return fmt.Sprintf("Your edits to step %d of %q are kept as a draft; open the step in lemstep to restore them.",
		e.original.Index, safetext.Clean(e.campaign.Name)), nil
}

func (m *Model) onConfirmKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Yes):
		yes := m.confirm.yes
		m.confirm = nil
		return yes()
	case key.Matches(k, m.keys.No), k.String() == "ctrl+c":
		m.confirm = nil
	}
	return nil
}

func (m *Model) crumbs() []string {
	var cr []string
	if m.screen >= screenSteps && m.steps != nil {
		cr = append(cr, m.steps.campaign.Name)
	}
	switch {
	case m.screen == screenDraft:
		cr = append(cr, "draft")
	case m.screen >= screenEditor && m.editor != nil:
		cr = append(cr, m.editor.Crumbs()...)
	}
	if m.screen == screenReview {
		cr = append(cr, "review")
	}
	return cr
}

func (m *Model) active() interface {
	helpKeys
	View() string
} {
	switch m.screen {
	case screenSteps:
		return m.steps
	case screenEditor:
		return m.editor
	case screenReview:
		return m.review
	case screenDraft:
		return m.offer
	}
	return m.campaigns
}

// View draws the header, the active screen and the help footer.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "lemstep"
	return v
}

func (m *Model) render() string {
	if m.c.Width == 0 {
		return ""
	}
	if m.c.Width < minWidth || m.c.Height < minHeight {
		return tooSmall(m.c)
	}
	scr := m.active()
	foot := footer(m.c, m.help, scr, m.fullHelp)
	if m.notice != "" {
		foot = m.c.Styles.Success.Render(" "+m.notice) + "\n" + foot
	}
	body := scr.View()
	if m.confirm != nil {
		body = m.confirm.View(m.c)
	}
	bodyH := m.c.Height - 1 - lipgloss.Height(foot)
	return header(m.c, m.crumbs()) + "\n" + fitHeight(body, bodyH) + "\n" + foot
}
