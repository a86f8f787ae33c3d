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

// Model is the root of the interface: it owns the screens, routes messages to
// the active one, and handles what is common to all (size, theme, help,
// quitting, confirmations).
type Model struct {
	c        *Context
	keys     Keys
	help     help.Model
	fullHelp bool
	noColor  bool
	// screens are the open pages; the campaign list is always the first.
	screens   stack
	campaigns *campaignScreen
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
		Workspaces: cfg.Workspaces, CurrentWorkspace: cfg.CurrentWorkspace,
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	keys := DefaultKeys()
	m := &Model{c: c, keys: keys, noColor: cfg.NoColor, help: newHelp(c)}
	m.campaigns = newCampaignScreen(c, keys)
	m.screens = stack{m.campaigns}
	return m
}

// Init loads the team and the campaigns, and asks the terminal whether its
// background is dark (the theme assumes the first guess until it answers).
func (m *Model) Init() tea.Cmd {
	return tea.Batch(loadTeam(m.c), m.campaigns.Load(), tea.RequestBackgroundColor)
}

// editor is the open step editor, if any.
func (m *Model) editor() (*editorScreen, bool) { return find[*editorScreen](m.screens) }

func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		return m, nil
	case tea.BackgroundColorMsg:
		return m, m.setTheme(msg.IsDark())
	case teamLoadedMsg:
		if msg.err == nil && msg.client == m.c.Client {
			m.c.Team, m.c.TeamID = msg.team.Name, msg.team.ID
			// Drafts of another team are not offered here: the marks are
			// read again with the team known.
			return m, m.campaigns.RefreshDrafts()
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

// routeToScreens gives a message to the screen it is for: a result to the
// screen that asked for it, anything else to the screen on display, and to
// the screens below it that keep working in the background.
func (m *Model) routeToScreens(msg tea.Msg) tea.Cmd {
	if a, ok := msg.(addressed); ok {
		if to := a.recipient(); m.screens.holds(to) {
			return to.Update(msg)
		}
		return nil
	}
	cmds := []tea.Cmd{m.screens.top().Update(msg)}
	if _, isKey := msg.(tea.KeyPressMsg); !isKey {
		for _, s := range m.screens.below() {
			if w, ok := s.(backgroundWorker); ok {
				cmd, _ := w.Background(msg)
				cmds = append(cmds, cmd)
			}
		}
	}
	return tea.Batch(cmds...)
}

func (m *Model) resize(w, h int) {
	m.c.Width, m.c.Height = w, h
	for _, s := range m.screens {
		s.SetSize(w, bodyHeight(h))
	}
}

// bodyHeight is the height a screen gets in a terminal h rows tall.
func bodyHeight(h int) int { return max(1, h-3) }

// push opens scr on top of the others.
func (m *Model) push(scr screen) {
	scr.SetSize(m.c.Width, bodyHeight(m.c.Height))
	m.screens = append(m.screens, scr)
}

func (m *Model) setTheme(dark bool) tea.Cmd {
	th := theme.New(dark, m.noColor)
	m.c.Theme, m.c.Styles = th, newStyles(th)
	m.c.Renderer.SetTheme(th)
	m.help = newHelp(m.c)
	// An editor's form keeps the styles it was built with: rebuild it.
	var cmds []tea.Cmd
	for _, scr := range m.screens {
		if t, ok := scr.(interface{ SetTheme() tea.Cmd }); ok {
			cmds = append(cmds, t.SetTheme())
		}
	}
	return tea.Batch(cmds...)
}

func (m *Model) onKey(k tea.KeyPressMsg) tea.Cmd {
	m.notice = ""
	if m.confirm != nil {
		return m.onConfirmKey(k)
	}
	if key.Matches(k, m.keys.Interrupt) {
		return m.quit()
	}
	if key.Matches(k, m.keys.HelpAnywhere) {
		m.fullHelp = !m.fullHelp
		return nil
	}
	if !m.screens.top().CapturesKeys() {
		switch {
		case key.Matches(k, m.keys.Help):
			m.fullHelp = !m.fullHelp
			return nil
		case key.Matches(k, m.keys.Quit):
			return m.quit()
		case key.Matches(k, m.keys.Workspace) && m.screens.top() == screen(m.campaigns) && m.c.canSwitchWorkspace():
			return m.switchWorkspace()
		}
	}
	return m.routeToScreens(k)
}

// quit leaves at once, writing the open editor's draft first; it asks only
// when the draft cannot be written, since then the edits would be lost.
func (m *Model) quit() tea.Cmd {
	if _, ok := m.drafting(); !ok {
		return tea.Quit
	}
	if r, ok := m.screens.top().(submitter); ok && r.Submitting() {
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
	e, _ := m.drafting()
	if _, err := e.FlushDraft(); err != nil {
		m.confirm = &confirmBox{
			question: "Your edits could not be saved as a draft. Quit and lose them?",
			yes:      func() tea.Cmd { return tea.Quit },
		}
		return nil
	}
	// The edits are on disk: the step is free for another lemstep.
	e.Drafts().Release()
	return tea.Quit
}

// SaveDraft writes the open editor's edits to their draft now. The program
// calls it when it stops, whatever stopped it (a signal, a crash, a quit),
// and tells the user what it returns.
func (m *Model) SaveDraft() (kept string, err error) {
	e, open := m.drafting()
	if !open {
		return "", nil
	}
	defer func() {
		// After a crash the editor may be half-updated; a draft is then
		// best effort, and the crash is the error worth reporting.
		if r := recover(); r != nil {
			err = fmt.Errorf("the draft could not be saved after the crash: %v", r)
		}
	}()
	ok, err := e.FlushDraft()
	if err != nil || !ok {
		return "", err
	}
	return fmt.Sprintf("Your edits to %s of %q are kept as a draft; open %s in lemstep to restore them.",
		e.draftName(), safetext.Line(e.campaignName()), e.reopenName()), nil
}

func (m *Model) onConfirmKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Yes):
		yes := m.confirm.yes
		m.confirm = nil
		return yes()
	case key.Matches(k, m.keys.No), key.Matches(k, m.keys.Interrupt):
		no := m.confirm.no
		m.confirm = nil
		if no != nil {
			no()
		}
	}
	return nil
}

// crumbs is the header's path: what each open screen adds.
func (m *Model) crumbs() []string {
	var cr []string
	for _, s := range m.screens {
		cr = append(cr, s.Crumbs()...)
	}
	return cr
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
	scr := m.screens.top()
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
