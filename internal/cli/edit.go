package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"

	"lemstep/internal/safetext"
	"lemstep/theme"
	"lemstep/ui"
)

// runEditor opens the interactive editor. Whatever ends it (a quit, ctrl+c,
// SIGTERM, the terminal closing with SIGHUP, or a crash) the open step's
// edits are written to its draft before lemstep exits.
func (a *app) runEditor(ctx context.Context) error {
	// The editor shows its own spinners; a notice on stderr would tear
	// through its screen.
	a.fullScreen = true
	s, err := a.connect()
	if errors.Is(err, errNoKey) && a.io.IsStdinTTY() && a.io.IsStdoutTTY() {
		s, err = a.firstRun(ctx, err)
	}
	if err != nil {
		return err
	}
	defer s.close()
	workspaces, current, closeWorkspaces := a.editorWorkspaces(s)
	defer closeWorkspaces()
	m := ui.New(ui.Config{
		Client:     s.client,
		Demo:       s.demo,
		Dark:       true,
		NoColor:    theme.NoColorRequested(a.getenv),
		Drafts:     a.drafts(),
		Journal:    a.journal(),
		Workspace:  s.workspace(),
		Workspaces: workspaces, CurrentWorkspace: current,
	})
	// lemstep handles the signals itself, and the program's context does
	// not end with them: bubbletea's own handling would stop the program
	// without a word to the model, and knows no SIGHUP.
	p := tea.NewProgram(m, tea.WithContext(context.WithoutCancel(ctx)), tea.WithoutSignalHandler())
	signals := watchSignals(p)
	_, runErr := p.Run()
	// The signals stay caught until the draft is written: closing a
	// terminal often sends SIGHUP twice, and the second must not kill
	// lemstep before its edits are on disk.
	kept, draftErr := m.SaveDraft()
	sig := signals.stop()
	if kept != "" {
		fmt.Fprintln(a.io.ErrOut, kept)
	}
	if draftErr != nil {
		fmt.Fprintln(a.io.ErrOut, "lemstep: "+safetext.Clean(draftErr.Error()))
	}
	if sig != nil {
		// The shell's convention: 128 plus the signal's number.
		return &exitError{code: 128 + int(sig.(syscall.Signal)), err: fmt.Errorf("stopped by %v", sig)}
	}
	return runErr
}

// signalWatch asks the program to quit on SIGINT, SIGTERM or SIGHUP, and
// remembers the first. The draft is written once the program has stopped,
// so a quit is all a signal needs; a second one kills a program that did
// not stop.
type signalWatch struct {
	sigs  chan os.Signal
	done  chan struct{}
	ended chan struct{}
	first os.Signal // set before the program is asked to quit
}

func watchSignals(p *tea.Program) *signalWatch {
	w := &signalWatch{sigs: make(chan os.Signal, 4), done: make(chan struct{}), ended: make(chan struct{})}
	signal.Notify(w.sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		defer close(w.ended)
		for {
			select {
			case sig := <-w.sigs:
				if w.first == nil {
					w.first = sig
					p.Quit()
				} else {
					p.Kill()
				}
			case <-w.done:
				return
			}
		}
	}()
	return w
}

// stop stops listening and returns the first signal, if one came. The
// program only quits on a signal after first is set, so a program stopped
// by a signal always reports it.
func (w *signalWatch) stop() os.Signal {
	close(w.done)
	<-w.ended
	signal.Stop(w.sigs)
	return w.first
}
