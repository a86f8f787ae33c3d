package forms

import (
	"reflect"
	"runtime"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"lemstep/api"
)

// driver feeds a Form key presses the way a Bubble Tea program would: each
// command the form returns is run and its message fed back, until none is
// left. Timers (cursor blink, spinners, ticks) are never run: they only
// animate, and running them would make a test wait on the clock.
type formDriver[F drivenForm[F]] struct {
	t    testing.TB
	form F
}

// drivenForm is a form the driver drives: the step's or variant B's.
type drivenForm[F any] interface {
	Init() tea.Cmd
	Update(tea.Msg) (F, tea.Cmd)
	Fields() []api.Field
	Focused() api.Field
	Problems() api.Violations
	View() string
}

// driver drives the step's form.
type driver = formDriver[*Form]

func newDriver[F drivenForm[F]](t testing.TB, f F) *formDriver[F] {
	t.Helper()
	d := &formDriver[F]{t: t, form: f}
	d.settle(f.Init())
	return d
}

// timerCmd reports whether cmd only waits for the clock.
func timerCmd(cmd tea.Cmd) bool {
	name := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name()
	for _, timer := range []string{"bubbles/v2/cursor.", "bubbles/v2/spinner.", "bubbletea/v2.Tick", "bubbletea/v2.Every"} {
		if strings.Contains(name, timer) {
			return true
		}
	}
	return false
}

var cmdSliceType = reflect.TypeFor[[]tea.Cmd]()

// settle runs cmd and everything it leads to, in order.
func (d *formDriver[F]) settle(cmd tea.Cmd) {
	d.t.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			d.t.Fatal("the form never settles: its commands keep producing messages")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil || timerCmd(c) {
			continue
		}
		msg := c()
		if msg == nil {
			continue
		}
		if batch, ok := msg.(tea.BatchMsg); ok {
			queue = append(queue, batch...)
			continue
		}
		// tea.Sequence's message type is unexported; it is a []tea.Cmd.
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().ConvertibleTo(cmdSliceType) {
			queue = append(queue, v.Convert(cmdSliceType).Interface().([]tea.Cmd)...)
			continue
		}
		var next tea.Cmd
		d.form, next = d.form.Update(msg)
		queue = append(queue, next)
	}
}

// press sends one key, named as tea.KeyPressMsg.String() names it.
func (d *formDriver[F]) press(keys ...string) {
	d.t.Helper()
	for _, k := range keys {
		msg := keyMsg(d.t, k)
		if msg.String() != k {
			d.t.Fatalf("key %q is built as %q", k, msg.String())
		}
		var cmd tea.Cmd
		d.form, cmd = d.form.Update(msg)
		d.settle(cmd)
	}
}

// typeText types s one character at a time.
func (d *formDriver[F]) typeText(s string) {
	d.t.Helper()
	for _, r := range s {
		var cmd tea.Cmd
		d.form, cmd = d.form.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		d.settle(cmd)
	}
}

// repeat presses k n times.
func (d *formDriver[F]) repeat(k string, n int) {
	d.t.Helper()
	for range n {
		d.press(k)
	}
}

// focus tabs forward until field f has the focus.
func (d *formDriver[F]) focus(f string) {
	d.t.Helper()
	for range len(d.form.Fields()) + 1 {
		if string(d.form.Focused()) == f {
			return
		}
		d.press("tab")
	}
	d.t.Fatalf("field %s never got the focus (stuck on %s; problems: %v)", f, d.form.Focused(), d.form.Problems())
}

// plain is the form as text, without colours or styles.
func (d *formDriver[F]) plain() string { return ansi.Strip(d.form.View()) }

func keyMsg(t testing.TB, k string) tea.KeyPressMsg {
	t.Helper()
	special := map[string]tea.KeyPressMsg{
		"tab":       {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"enter":     {Code: tea.KeyEnter},
		"alt+enter": {Code: tea.KeyEnter, Mod: tea.ModAlt},
		"esc":       {Code: tea.KeyEscape},
		"backspace": {Code: tea.KeyBackspace},
		"down":      {Code: tea.KeyDown},
		"up":        {Code: tea.KeyUp},
		"left":      {Code: tea.KeyLeft},
		"right":     {Code: tea.KeyRight},
		"ctrl+c":    {Code: 'c', Mod: tea.ModCtrl},
		"ctrl+s":    {Code: 's', Mod: tea.ModCtrl},
		"ctrl+e":    {Code: 'e', Mod: tea.ModCtrl},
		"ctrl+t":    {Code: 't', Mod: tea.ModCtrl},
	}
	if m, ok := special[k]; ok {
		return m
	}
	if len([]rune(k)) == 1 {
		return tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
	}
	t.Fatalf("no key %q in the test driver", k)
	return tea.KeyPressMsg{}
}

// paste sends text as a terminal's bracketed paste.
func (d *formDriver[F]) paste(text string) {
	d.t.Helper()
	var cmd tea.Cmd
	d.form, cmd = d.form.Update(tea.PasteMsg{Content: text})
	d.settle(cmd)
}
