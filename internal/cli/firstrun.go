package cli

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"lemstep/theme"
	"lemstep/ui"
)

// firstRun is the editor's start on a terminal with no key set up: rather
// than ending with noKey, it offers to paste a key (checked with lemlist
// and saved as `lemstep auth login` does, under --profile when one is
// given) or to open the demo, then connects as chosen. Leaving the screen
// ends with noKey as before.
func (a *app) firstRun(ctx context.Context, noKey error) (*session, error) {
	if err := checkProfileName(a.profile()); err != nil {
		return nil, err
	}
	fr := ui.NewFirstRun(ui.FirstRunConfig{
		Login: func(ctx context.Context, key string) (string, error) {
			team, _, err := a.checkAndSaveKey(ctx, key)
			return team.Name, err
		},
		Dark: true, NoColor: theme.NoColorRequested(a.getenv),
	})
	p := tea.NewProgram(fr, tea.WithContext(ctx), tea.WithInput(a.io.In), tea.WithOutput(a.io.Out))
	if _, err := p.Run(); err != nil {
		return nil, fmt.Errorf("the first-run screen failed: %w", err)
	}
	switch fr.Choice() {
	case ui.FirstRunKey:
		return a.connect()
	case ui.FirstRunDemo:
		a.flags.demo = true
		return a.connect()
	}
	return nil, noKey
}
