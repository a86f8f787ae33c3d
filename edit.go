package main

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"lemstep/theme"
	"lemstep/ui"
)

// runEditor opens the interactive editor.
func (a *app) runEditor(ctx context.Context) error {
	s, err := a.connect()
	if err != nil {
		return err
	}
	defer s.close()
	m := ui.New(ui.Config{
		Client:  s.client,
		Demo:    s.demo,
		Dark:    true,
		NoColor: theme.NoColorRequested(a.getenv),
	})
	_, err = tea.NewProgram(m, tea.WithContext(ctx)).Run()
	return err
}
