package forms

import (
	"io"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
)

// TextField is lemstep's own text field behind huh's Field interface: one
// line (subjects, titles, URLs, the delay) or several (messages, links).
//
// huh's Text and Input wrap bubbles' textarea and textinput, which re-wrap
// the whole value on every key and draw every wrapped row to show a few
// (lemlist stores an email as one line of HTML, so the textarea's per-line
// wrap cache never hits): a key in a 10 KB email cost 14.7 ms, in a 2 MB one
// 4.5 s, and huh re-renders every field of the group on every key, so a key
// in the subject paid for drawing the message too. TextField keeps the text
// as lines of bytes, re-wraps only the rows an edit touches, draws only the
// rows that show, and reuses its last view while nothing it shows changed.
// It also types as an editor does: enter is a new line in a multi-line
// field, tab and shift+tab move between fields.
type TextField struct {
	key         string
	title       string
	description func() string // evaluated when drawn: counters stay live
	placeholder string
	multiline   bool
	rows        int // rows of text a multi-line field shows
	grow        int // rows added to them where the screen has room; see Grow

	accessor interface {
		Get() string
		Set(string)
	}
	validate func(string) error
	err      error

	focused bool
	width   int
	theme   huh.Theme
	dark    bool
	keys    textKeys

	buf      textBuffer
	wrap     wrapped
	view     textViewport
	goalCol  int // the column up/down aim for; -1 when unset
	complete completion
	placed   bool // the cursor was placed on the first focus; see Focus

	// state counts the changes to what the view shows besides its
	// description and error: edits, cursor moves, focus, size.
	state     uint64
	cache     string // the last view drawn
	cacheSeen string // what it showed; see cacheKey
}

// NewTextField returns a field editing the text behind accessor.
func NewTextField(key string, multiline bool, accessor interface {
	Get() string
	Set(string)
}) *TextField {
	t := &TextField{key: key, multiline: multiline, rows: 1, accessor: accessor,
		validate: func(string) error { return nil }, keys: newTextKeys(multiline), goalCol: -1,
		complete: newCompletion(nil)}
	t.buf = newTextBuffer(cleanTyped(accessor.Get(), multiline))
	return t
}

// Title sets the field's title.
func (t *TextField) Title(s string) *TextField { t.title = s; return t }

// Description sets the help under the title; fn is called on each draw.
func (t *TextField) Description(fn func() string) *TextField { t.description = fn; return t }

// Placeholder is shown, dimmed, while the field is empty.
func (t *TextField) Placeholder(s string) *TextField { t.placeholder = s; return t }

// Rows sets how many rows of text a multi-line field shows.
func (t *TextField) Rows(n int) *TextField {
	if t.multiline {
		t.rows = max(1, n)
		t.state++
	}
	return t
}

// Variables adds the campaign's own variables to those "{{" offers.
func (t *TextField) Variables(custom []string) *TextField {
	t.complete = newCompletion(custom)
	return t
}

// Grow adds n rows to a multi-line field's box, for a taller screen.
func (t *TextField) Grow(n int) {
	if t.multiline && n != t.grow {
		t.grow = max(0, n)
		t.state++
	}
}

// shownRows is how many rows of text a multi-line field shows.
func (t *TextField) shownRows() int { return t.rows + t.grow }

// Validate sets the check run when the focus leaves the field.
func (t *TextField) Validate(fn func(string) error) *TextField { t.validate = fn; return t }

// Reload shows the accessor's value again (it changed behind the field: an
// external editor's result), with the cursor at its start.
func (t *TextField) Reload() {
	t.buf.set(cleanTyped(t.accessor.Get(), t.multiline))
	t.rewrapAll()
	t.view = textViewport{}
	t.goalCol = -1
	t.placed = false
	t.state++
	if t.focused {
		t.Focus()
	}
}

// Value is the field's text.
func (t *TextField) Value() string { return t.buf.String() }

// Init implements huh.Field.
func (t *TextField) Init() tea.Cmd { return nil }

// Focus implements huh.Field. The first focus puts the cursor at the end
// of a value that shows whole, where typing adds to it; a value longer
// than the field shows opens at its beginning.
func (t *TextField) Focus() tea.Cmd {
	t.focused = true
	t.state++
	if !t.placed {
		t.placed = true
		if t.showsWhole() {
			t.buf.line = len(t.buf.lines) - 1
			t.buf.at = len(t.buf.lines[t.buf.line])
		}
	}
	return nil
}

// showsWhole reports whether the whole value fits in the field's view.
func (t *TextField) showsWhole() bool {
	if !t.multiline {
		return fitEnd(t.buf.lines[0], 0, t.textWidth()) == len(t.buf.lines[0])
	}
	t.ensureWrapped()
	rows := 0
	for _, r := range t.wrap.rows {
		if rows += len(r); rows > t.shownRows() {
			return false
		}
	}
	return true
}

// Blur implements huh.Field: the value is checked as the focus leaves.
func (t *TextField) Blur() tea.Cmd {
	t.focused = false
	t.complete.open = false
	t.state++
	t.err = t.validate(t.accessor.Get())
	t.view.scrollHome() // a blurred field shows its beginning
	return nil
}

// Error implements huh.Field.
func (t *TextField) Error() error { return t.err }

// Run implements huh.Field.
func (t *TextField) Run() error { return huh.Run(t) }

// RunAccessible implements huh.Field; lemstep's forms run in the terminal
// UI only, where the field is drawn.
func (t *TextField) RunAccessible(io.Writer, io.Reader) error { return huh.Run(t) }

// Skip implements huh.Field.
func (*TextField) Skip() bool { return false }

// Zoom implements huh.Field.
func (*TextField) Zoom() bool { return false }

// KeyBinds implements huh.Field: the keys the help line shows.
func (t *TextField) KeyBinds() []key.Binding { return t.keys.help() }

// WithTheme implements huh.Field.
func (t *TextField) WithTheme(th huh.Theme) huh.Field {
	if t.theme == nil {
		t.theme = th
	}
	return t
}

// WithKeyMap implements huh.Field. The field keeps its own keys: see textKeys.
func (t *TextField) WithKeyMap(*huh.KeyMap) huh.Field { return t }

// WithWidth implements huh.Field.
func (t *TextField) WithWidth(w int) huh.Field {
	if w != t.width {
		t.width = w
		t.state++
		t.rewrapAll()
	}
	return t
}

// WithHeight implements huh.Field: a group shorter than the field shrinks
// its text box.
func (t *TextField) WithHeight(h int) huh.Field {
	if !t.multiline {
		return t
	}
	adjust := t.styles().Base.GetVerticalFrameSize() + 1
	if t.description != nil {
		adjust++
	}
	t.rows = max(1, h-adjust)
	t.state++
	return t
}

// WithPosition implements huh.Field.
func (t *TextField) WithPosition(p huh.FieldPosition) huh.Field {
	t.keys.position(p.IsFirst(), p.IsLast())
	return t
}

// GetKey implements huh.Field.
func (t *TextField) GetKey() string { return t.key }

// GetValue implements huh.Field.
func (t *TextField) GetValue() any { return t.accessor.Get() }

// Update implements huh.Field.
func (t *TextField) Update(msg tea.Msg) (huh.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.BackgroundColorMsg:
		t.dark = msg.IsDark()
		t.state++
	case tea.PasteMsg:
		if t.focused {
			t.state++
			t.insert(cleanTyped(msg.Content, t.multiline))
		}
	case tea.KeyPressMsg:
		if t.focused {
			t.state++
			return t, t.onKey(msg)
		}
	}
	return t, nil
}

func (t *TextField) styles() *huh.FieldStyles {
	th := t.theme
	if th == nil {
		th = huh.ThemeFunc(huh.ThemeCharm)
	}
	if t.focused {
		return &th.Theme(t.dark).Focused
	}
	return &th.Theme(t.dark).Blurred
}

// textWidth is the columns text may take: the field's width less its
// frame, the prompt of a one-line field, and one column for the cursor
// at a row's end.
func (t *TextField) textWidth() int {
	w := t.width - t.styles().Base.GetHorizontalFrameSize() - 1
	if !t.multiline {
		w -= lipgloss.Width(linePrompt)
	}
	return max(1, w)
}

func (t *TextField) rewrapAll() {
	if t.multiline {
		t.wrap = wrapAll(t.buf.lines, t.textWidth())
	}
}
