package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"

	"lemstep/safetext"
	"lemstep/theme"
	"lemstep/ui"
)

// runEditor opens the interactive editor. Whatever ends it (a quit, ctrl+c,
// SIGTERM, the terminal closing with SIGHUP, or a crash) the open step's
// edits are written to its draft before lemstep exits.
func (a *app) runEditor(ctx context.Context) error {
	s, err := a.connect()
	if err != nil {
		return err
	}
	defer s.close()
	m := ui.New(ui.Config{
		Client:    s.client,
		Demo:      s.demo,
		Dark:      true,
		NoColor:   theme.NoColorRequested(a.getenv),
		Drafts:    a.drafts(),
		Journal:   a.journal(),
		Workspace: s.workspace(),
	})
	// lemstep handles the signals itself: bubbletea's own handling would
	// stop the program without a word to the model, and knows no SIGHUP.
	p := tea.NewProgram(m, tea.WithContext(ctx), tea.WithoutSignalHandler())
	received := quitOnSignal(p)
	_, runErr := p.Run()
	sig := received()
	kept, draftErr := m.SaveDraft()
	if kept != "" {
		fmt.Fprintln(a.stderr, kept)
	}
	if draftErr != nil {
		fmt.Fprintln(a.stderr, "lemstep: "+safetext.Clean(draftErr.Error()))
	}
	if sig, ok := sig.(syscall.Signal); ok {
		// The shell's convention: 128 plus the signal's number.
		return &exitError{code: 128 + int(sig), err: fmt.Errorf("stopped by %v", sig)}
	}
	return runErr
}

// quitOnSignal asks p to quit on SIGINT, SIGTERM or SIGHUP. The draft is
// written once the program has stopped, so a quit is all a signal needs; a
// second signal kills the program if the first did not stop it. received
// stops listening and returns the first signal, if any came.
func quitOnSignal(p *tea.Program) (received func() os.Signal) {
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	done := make(chan struct{})
	first := make(chan os.Signal, 1)
	go func() {
		select {
		case sig := <-sigs:
			first <- sig
			p.Quit()
		case <-done:
			return
		}
		select {
		case <-sigs:
			p.Kill()
		case <-done:
		}
	}()
	return func() os.Signal {
		signal.Stop(sigs)
		close(done)
		select {
		case sig := <-first:
			return sig
		default:
			return nil
		}
	}
}
