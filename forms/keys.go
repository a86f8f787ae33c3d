package forms

import (
	"charm.land/bubbles/v2/key"
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
	// mailMode switches an email's message between its text and its HTML.
	mailMode key.Binding
}

func newFormKeys() formKeys {
	return formKeys{
		callerKeys: key.NewBinding(key.WithKeys("ctrl+c", "ctrl+s")),
		back:       key.NewBinding(key.WithKeys("esc")),
		external:   key.NewBinding(key.WithKeys(externalEditKey)),
		mailMode:   key.NewBinding(key.WithKeys("ctrl+t")),
	}
}
