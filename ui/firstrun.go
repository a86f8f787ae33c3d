package ui

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"lemstep/api"
	"lemstep/internal/safetext"
	"lemstep/theme"
)

// FirstRunChoice is what the person chose on the first-run screen.
type FirstRunChoice int

const (
	FirstRunQuit FirstRunChoice = iota // left without a key or the demo
	FirstRunKey                        // pasted a key that lemlist accepted, now saved
	FirstRunDemo                       // chose to look around the demo
)

// FirstRunConfig is what the first-run screen needs: how to check and save
// a pasted key (the team's name, or lemlist's refusal), as `lemstep auth
// login` does.
type FirstRunConfig struct {
	Login   func(ctx context.Context, key string) (team string, err error)
	Dark    bool
	NoColor bool
	Timeout time.Duration
}

// FirstRun is the screen the editor opens with when no API key is set up:
// it offers to paste one (masked, checked with lemlist and saved) or to open
// the demo, rather than ending with an error.
type FirstRun struct {
	cfg      FirstRunConfig
	styles   Styles
	input    textinput.Model
	pasting  bool   // the key field is open
	checking bool   // lemlist is being asked about the key
	err      string // why the last key was refused
	choice   FirstRunChoice
	team     string
	width    int
}

// NewFirstRun builds the first-run screen.
func NewFirstRun(cfg FirstRunConfig) *FirstRun {
	if cfg.Timeout == 0 {
		cfg.Timeout = time.Minute
	}
	in := textinput.New()
	in.Prompt = "API key: "
	in.EchoMode = textinput.EchoPassword
	in.EchoCharacter = '•'
	in.CharLimit = 4096
	return &FirstRun{cfg: cfg, styles: newStyles(theme.New(cfg.Dark, cfg.NoColor)), input: in}
}

// Choice is what was chosen once the screen has ended.
func (f *FirstRun) Choice() FirstRunChoice { return f.choice }

// Team is the team the saved key belongs to, after FirstRunKey.
func (f *FirstRun) Team() string { return f.team }

func (f *FirstRun) Init() tea.Cmd { return nil }

// keyChecked is lemlist's answer about a pasted key.
type keyChecked struct {
	team string
	err  error
}

func (f *FirstRun) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		f.width = msg.Width
		return f, nil
	case keyChecked:
		f.checking = false
		if msg.err != nil {
			f.err = loginFailure(msg.err)
			f.input.SetValue("")
			return f, nil
		}
		f.choice, f.team = FirstRunKey, msg.team
		return f, tea.Quit
	case tea.KeyPressMsg:
		return f, f.onKey(msg)
	}
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	return f, cmd
}

func (f *FirstRun) onKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case k.String() == "ctrl+c":
		return tea.Quit
	case f.checking:
		return nil
	case !f.pasting:
		return f.onChoiceKey(k)
	case k.String() == "esc":
		f.pasting, f.err = false, ""
		f.input.SetValue("")
		f.input.Blur()
		return nil
	case k.String() == "enter":
		key := strings.TrimSpace(f.input.Value())
		if key == "" {
			f.err = "Paste your API key first."
			return nil
		}
		f.checking, f.err = true, ""
		return f.check(key)
	}
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(k)
	return cmd
}

func (f *FirstRun) onChoiceKey(k tea.KeyPressMsg) tea.Cmd {
	switch k.String() {
	case "p", "enter":
		f.pasting = true
		return f.input.Focus()
	case "d":
		f.choice = FirstRunDemo
		return tea.Quit
	case "q", "esc":
		return tea.Quit
	}
	return nil
}

// check asks lemlist about the key, and saves it when lemlist knows it.
func (f *FirstRun) check(key string) tea.Cmd {
	login, timeout := f.cfg.Login, f.cfg.Timeout
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		team, err := login(ctx, key)
		return keyChecked{team: team, err: err}
	}
}

// loginFailure says why a pasted key was not saved. A key lemlist refuses
// is said as such, with lemlist's words and what can be done on this
// screen: the API error's own advice (set LEMLIST_API_KEY, run `lemstep
// auth login`) is for a shell, and is exactly what the screen offers to
// spare. The key itself is never repeated: it was cleared from the field,
// and lemlist's words come scrubbed of it.
func loginFailure(err error) string {
	var refused *api.Error
	if !errors.As(err, &refused) || refused.Status != http.StatusUnauthorized {
		return safetext.Line(err.Error())
	}
	said := ""
	if words := strings.TrimSuffix(safetext.Line(refused.Message), "."); words != "" {
		said = " (it says: " + words + ")"
	}
	return "lemlist refused this key" + said + ", so it was not saved. " +
		"Copy the key again from lemlist → Settings → Integrations → API key and paste it here, " +
		"or press esc, then d, to open the demo."
}

func (f *FirstRun) View() tea.View {
	st := f.styles
	var b strings.Builder
	b.WriteString(st.Title.Render(" lemstep") + st.Muted.Render(" · first run") + "\n\n")
	b.WriteString(" No lemlist API key is set up yet.\n\n")
	switch {
	case !f.pasting:
		b.WriteString(" p  paste an API key: it is checked with lemlist, then saved for next time\n")
		b.WriteString("    (lemlist → Settings → Integrations → API key)\n")
		b.WriteString(" d  open the demo: a sample workspace, no account needed\n\n")
		b.WriteString(st.Muted.Render(" p paste a key • d demo • q quit"))
	default:
		b.WriteString(" Paste your API key (lemlist → Settings → Integrations → API key) and press enter.\n")
		b.WriteString(" It is checked with lemlist and saved in your config file, readable by you only.\n\n")
		b.WriteString(" " + f.input.View() + "\n\n")
		switch {
		case f.checking:
			b.WriteString(st.Muted.Render(" Checking the key with lemlist…") + "\n\n")
		case f.err != "":
			b.WriteString(st.Error.Render(" "+f.err) + "\n\n")
		}
		b.WriteString(st.Muted.Render(" enter check and save • esc back • ctrl+c quit"))
	}
	text := b.String()
	if f.width > 0 {
		// Wrapped to the terminal, so no sentence is cut off at 80 columns.
		text = ansi.Wordwrap(text, f.width-1, "")
	}
	v := tea.NewView(text)
	v.AltScreen = true
	return v
}
