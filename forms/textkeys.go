package forms

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// textKeys are a text field's keys. They are the field's own, not huh's
// Text keys: there enter leaves a text area, where a copywriter expects a
// new line.
type textKeys struct {
	multiline bool

	next, prev, submit, newLine, external key.Binding

	left, right, up, down          key.Binding
	wordLeft, wordRight            key.Binding
	rowStart, rowEnd               key.Binding
	textStart, textEnd             key.Binding
	pageUp, pageDown               key.Binding
	backspace, deleteKey           key.Binding
	deleteWordBack, deleteWordNext key.Binding
	deleteToStart, deleteToEnd     key.Binding
}

func newTextKeys(multiline bool) textKeys {
	k := textKeys{
		multiline:      multiline,
		prev:           key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "back")),
		external:       key.NewBinding(key.WithKeys(externalEditKey), key.WithHelp(externalEditKey, "editor")),
		left:           key.NewBinding(key.WithKeys("left", "ctrl+b")),
		right:          key.NewBinding(key.WithKeys("right", "ctrl+f")),
		up:             key.NewBinding(key.WithKeys("up", "ctrl+p")),
		down:           key.NewBinding(key.WithKeys("down", "ctrl+n")),
		wordLeft:       key.NewBinding(key.WithKeys("alt+left", "ctrl+left", "alt+b")),
		wordRight:      key.NewBinding(key.WithKeys("alt+right", "ctrl+right", "alt+f")),
		rowStart:       key.NewBinding(key.WithKeys("home", "ctrl+a")),
		rowEnd:         key.NewBinding(key.WithKeys("end")),
		textStart:      key.NewBinding(key.WithKeys("ctrl+home", "alt+<")),
		textEnd:        key.NewBinding(key.WithKeys("ctrl+end", "alt+>")),
		pageUp:         key.NewBinding(key.WithKeys("pgup")),
		pageDown:       key.NewBinding(key.WithKeys("pgdown")),
		backspace:      key.NewBinding(key.WithKeys("backspace", "ctrl+h")),
		deleteKey:      key.NewBinding(key.WithKeys("delete", "ctrl+d")),
		deleteWordBack: key.NewBinding(key.WithKeys("alt+backspace", "ctrl+w", "ctrl+backspace")),
		deleteWordNext: key.NewBinding(key.WithKeys("alt+delete", "alt+d", "ctrl+delete")),
		deleteToStart:  key.NewBinding(key.WithKeys("ctrl+u")),
		deleteToEnd:    key.NewBinding(key.WithKeys("ctrl+k")),
	}
	if multiline {
		k.next = key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next"))
		k.submit = key.NewBinding(key.WithDisabled())
		k.newLine = key.NewBinding(key.WithKeys("enter", "alt+enter", "ctrl+j"), key.WithHelp("enter", "new line"))
	} else {
		k.next = key.NewBinding(key.WithKeys("enter", "tab"), key.WithHelp("enter", "next"))
		k.submit = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "submit"))
		k.newLine = key.NewBinding(key.WithDisabled())
	}
	return k
}

// position enables the keys that move between fields as huh does: no
// "back" on the first field, "submit" instead of "next" on the last.
func (k *textKeys) position(first, last bool) {
	k.prev.SetEnabled(!first)
	k.next.SetEnabled(!last)
	k.submit.SetEnabled(last && !k.multiline)
}

func (k textKeys) help() []key.Binding {
	if k.multiline {
		return []key.Binding{k.newLine, k.external, k.prev, k.next}
	}
	return []key.Binding{k.prev, k.submit, k.next}
}

// onKey handles a key pressed while the field has the focus.
func (t *TextField) onKey(msg tea.KeyPressMsg) tea.Cmd {
	t.err = nil
	if t.complete.open && t.onCompletionKey(msg) {
		return nil
	}
	k := t.keys
	switch {
	case key.Matches(msg, k.next), key.Matches(msg, k.submit):
		return t.leave(huh.NextField)
	case key.Matches(msg, k.prev):
		return t.leave(huh.PrevField)
	case key.Matches(msg, k.newLine):
		t.insert("\n")
	case t.onEditKey(msg), t.onMoveKey(msg):
	case msg.Text != "":
		t.insert(cleanTyped(msg.Text, t.multiline))
	}
	return nil
}

// leave moves the focus on with move, unless the value is refused: huh's
// fields keep the focus on an invalid value too.
func (t *TextField) leave(move tea.Cmd) tea.Cmd {
	if t.err = t.validate(t.accessor.Get()); t.err != nil {
		return nil
	}
	return move
}

// onEditKey handles the keys that delete; it reports whether msg was one.
func (t *TextField) onEditKey(msg tea.KeyPressMsg) bool {
	k, b := t.keys, &t.buf
	switch {
	case key.Matches(msg, k.backspace):
		if p := b.prevBoundary(b.line, b.at); p >= 0 {
			t.deleteTo(b.line, p)
		} else if b.line > 0 {
			t.deleteTo(b.line-1, len(b.lines[b.line-1]))
		}
	case key.Matches(msg, k.deleteKey):
		if n := b.nextBoundary(b.line, b.at); n >= 0 {
			t.deleteTo(b.line, n)
		} else if b.line < len(b.lines)-1 {
			t.deleteTo(b.line+1, 0)
		}
	case key.Matches(msg, k.deleteWordBack):
		t.deleteTo(b.wordLeft())
	case key.Matches(msg, k.deleteWordNext):
		t.deleteTo(b.wordRight())
	case key.Matches(msg, k.deleteToStart):
		t.deleteTo(b.line, 0)
	case key.Matches(msg, k.deleteToEnd):
		t.deleteTo(b.line, len(b.lines[b.line]))
	default:
		return false
	}
	return true
}

// onMoveKey handles the keys that move the cursor; it reports whether msg
// was one.
func (t *TextField) onMoveKey(msg tea.KeyPressMsg) bool {
	k, b := t.keys, &t.buf
	vertical := false
	switch {
	case key.Matches(msg, k.left):
		b.left()
	case key.Matches(msg, k.right):
		b.right()
	case key.Matches(msg, k.wordLeft):
		b.line, b.at = b.wordLeft()
	case key.Matches(msg, k.wordRight):
		b.line, b.at = b.wordRight()
	case key.Matches(msg, k.rowStart):
		t.toRowEdge(false)
	case key.Matches(msg, k.rowEnd):
		t.toRowEdge(true)
	case key.Matches(msg, k.textStart):
		b.line, b.at = 0, 0
	case key.Matches(msg, k.textEnd):
		b.line = len(b.lines) - 1
		b.at = len(b.lines[b.line])
	case key.Matches(msg, k.up):
		vertical = t.moveRows(-1)
	case key.Matches(msg, k.down):
		vertical = t.moveRows(1)
	case key.Matches(msg, k.pageUp):
		vertical = t.moveRows(-t.shownRows())
	case key.Matches(msg, k.pageDown):
		vertical = t.moveRows(t.shownRows())
	default:
		return false
	}
	if !vertical {
		t.goalCol = -1
	}
	t.complete.open = false
	return true
}

// insert types s at the cursor and publishes the new value.
func (t *TextField) insert(s string) {
	if s == "" {
		return
	}
	b := &t.buf
	at := b.at
	from, count := b.insert(s)
	if t.multiline && len(t.wrap.rows) > 0 {
		if count == 1 {
			t.wrap.rewrap(b.lines[from], from, at, 0, len(s))
		} else {
			t.wrap.splice(b.lines, from, 1, count)
		}
	}
	t.changed()
}

// deleteTo removes the text between the cursor and (line, at) and
// publishes the new value.
func (t *TextField) deleteTo(line, at int) {
	b := &t.buf
	if line == b.line && at == b.at {
		return
	}
	first := min(line, b.line)
	lines := max(line, b.line) - first + 1
	start, end := b.at, at
	if end < start {
		start, end = end, start
	}
	b.deleteTo(line, at)
	if t.multiline && len(t.wrap.rows) > 0 {
		if lines == 1 {
			t.wrap.rewrap(b.lines[first], first, start, end-start, 0)
		} else {
			t.wrap.splice(b.lines, first, lines, 1)
		}
	}
	t.changed()
}

// changed publishes the text to the accessor after an edit, and offers
// the completions for what is being typed.
func (t *TextField) changed() {
	t.goalCol = -1
	t.accessor.Set(t.buf.String())
	t.complete.update(t.buf.lines[t.buf.line], t.buf.at)
}
