package forms

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// formKeys are the keys the form treats itself rather than giving to huh.
type formKeys struct {
	// callerKeys belong to the screen around the form: quitting and
	// going to the review.
	callerKeys key.Binding
	// back leaves the form, unless a choice list is being filtered.
	back key.Binding
	// external opens the focused field in the user's editor.
	external key.Binding
	// editInPlace are the non-text keys that edit a field without moving
	// the focus or changing a field's height.
	editInPlace key.Binding
}

func newFormKeys() formKeys {
	return formKeys{
		callerKeys:  key.NewBinding(key.WithKeys("ctrl+c", "ctrl+s")),
		back:        key.NewBinding(key.WithKeys("esc")),
		external:    key.NewBinding(key.WithKeys(externalEditKey)),
		editInPlace: key.NewBinding(key.WithKeys("backspace", "delete", "left", "right", "space")),
	}
}

// isTyping reports a key that edits text in place. Such keys cannot change
// which field has focus or how tall the fields are (text areas keep their
// height), so the form skips measuring itself again: that measure renders
// every field and would double the cost of each keystroke in a long email.
func (k formKeys) isTyping(msg tea.Msg) bool {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false
	}
	return key.Matches(kp, k.editInPlace) || kp.Text != ""
}
