package forms

import (
	"regexp"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"lemstep/api"
)

// maxShownCompletions is how many completions the list shows at once.
const maxShownCompletions = 6

// completion is the list offered while the cursor stands in a Liquid
// output being typed: lead, sender and the campaign's own variables after
// "{{", filters after "|".
type completion struct {
	variables []string // every variable offered, in order

	open     bool
	start    int // byte offset in the cursor's line where the typed word begins
	filter   bool
	items    []string
	selected int
	// dismissed is the start of a completion closed with esc: it stays
	// closed until the cursor leaves that word.
	dismissed int
}

// newCompletion offers lemlist's lead and sender variables, then custom,
// the campaign's own.
func newCompletion(custom []string) completion {
	vars := append(api.LeadVariables(), api.SenderVariables()...)
	for _, c := range custom {
		if !slices.Contains(vars, c) {
			vars = append(vars, c)
		}
	}
	return completion{variables: vars, dismissed: -1}
}

var (
	// variableTyped is the text after "{{" while a variable name is typed.
	variableTyped = regexp.MustCompile(`^\s*([A-Za-z_][A-Za-z0-9_]*)?$`)
	// filterTyped is the text after "{{" while a filter name is typed.
	filterTyped = regexp.MustCompile(`^\s*[A-Za-z_][A-Za-z0-9_.]*\s*(?:\|[^|]*)?\|\s*([a-z_]*)$`)
)

// maxLiquidLookBack bounds how far before the cursor "{{" is looked for.
const maxLiquidLookBack = 200

// update opens, narrows or closes the list for the cursor at (line, at).
func (c *completion) update(line []byte, at int) {
	c.open = false
	from := max(0, at-maxLiquidLookBack)
	before := string(line[from:at])
	open := strings.LastIndex(before, "{{")
	if open < 0 || strings.Contains(before[open:], "}}") {
		c.dismissed = -1
		return
	}
	inside := before[open+2:]
	var word string
	if m := variableTyped.FindStringSubmatch(inside); m != nil {
		word, c.filter = m[1], false
	} else if m := filterTyped.FindStringSubmatch(inside); m != nil {
		word, c.filter = m[1], true
	} else {
		return
	}
	start := at - len(word)
	if start == c.dismissed {
		return
	}
	c.dismissed = -1
	c.items = c.matches(word)
	if len(c.items) == 0 || (len(c.items) == 1 && c.items[0] == word) {
		return
	}
	if !c.open || c.start != start {
		c.selected = 0
	}
	c.open, c.start = true, start
	c.selected = min(c.selected, len(c.items)-1)
}

// matches are the names that start with word, then those that hold it,
// case aside.
func (c *completion) matches(word string) []string {
	names := c.variables
	if c.filter {
		names = nil
		for _, f := range api.LiquidFilters() {
			names = append(names, f.Name)
		}
	}
	w := strings.ToLower(word)
	var prefix, inner []string
	for _, n := range names {
		switch l := strings.ToLower(n); {
		case strings.HasPrefix(l, w):
			prefix = append(prefix, n)
		case strings.Contains(l, w):
			inner = append(inner, n)
		}
	}
	return append(prefix, inner...)
}

// insertion is what accepting the selected item types over the word: a
// variable closed with "}}" unless it already is, a filter with ": " when
// it takes an argument.
func (c *completion) insertion(rest []byte) string {
	name := c.items[c.selected]
	if c.filter {
		for _, f := range api.LiquidFilters() {
			if f.Name == name && f.Arg {
				return name + ": "
			}
		}
		return name
	}
	if strings.HasPrefix(strings.TrimLeft(string(rest), " "), "}}") {
		return name
	}
	return name + "}}"
}

// completionKeys are the keys the open list takes.
type completionKeys struct {
	up, down, accept, dismiss key.Binding
}

func newCompletionKeys() completionKeys {
	return completionKeys{
		up:      key.NewBinding(key.WithKeys("up", "ctrl+p")),
		down:    key.NewBinding(key.WithKeys("down", "ctrl+n")),
		accept:  key.NewBinding(key.WithKeys("enter", "tab"), key.WithHelp("enter", "insert")),
		dismiss: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
	}
}

// onCompletionKey handles a key while the list is open; it reports
// whether the key was the list's.
func (t *TextField) onCompletionKey(msg tea.KeyPressMsg) bool {
	c, k := &t.complete, newCompletionKeys()
	switch {
	case key.Matches(msg, k.up):
		c.selected = (c.selected + len(c.items) - 1) % len(c.items)
	case key.Matches(msg, k.down):
		c.selected = (c.selected + 1) % len(c.items)
	case key.Matches(msg, k.dismiss):
		c.open, c.dismissed = false, c.start
	case key.Matches(msg, k.accept):
		b := &t.buf
		word := b.at - c.start
		text := c.insertion(b.lines[b.line][b.at:])
		c.open = false
		if word > 0 {
			t.deleteTo(b.line, c.start)
		}
		t.insert(text)
	default:
		return false
	}
	return true
}

// Completing reports whether the completion list is open: esc then
// closes it rather than leaving the editor.
func (t *TextField) Completing() bool { return t.complete.open }

// completionHeight is the lines completionView takes.
func (t *TextField) completionHeight() int {
	return min(len(t.complete.items), maxShownCompletions) + 1
}

// completionView is the open list, drawn under the field's text.
func (t *TextField) completionView() string {
	c := &t.complete
	first := max(0, min(c.selected-maxShownCompletions/2, len(c.items)-maxShownCompletions))
	last := min(len(c.items), first+maxShownCompletions)
	selected := lipgloss.NewStyle().Reverse(true)
	var rows []string
	for i := first; i < last; i++ {
		label := "{{" + c.items[i] + "}}"
		if c.filter {
			label = "| " + c.items[i]
		}
		if i == c.selected {
			label = selected.Render(label)
		}
		rows = append(rows, "  "+label)
	}
	more := ""
	if len(c.items) > last-first {
		more = " · " + api.Plural(len(c.items), "match", "matches")
	}
	hint := t.styles().Description.Render("enter inserts · esc closes" + more)
	return strings.Join(rows, "\n") + "\n" + hint
}
