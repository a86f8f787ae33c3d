package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"charm.land/huh/v2"

	"lemstep/theme"
)

// maxKeyLine bounds what is read from stdin for a key; real keys are far
// shorter.
const maxKeyLine = 4096

// readKey asks for the API key in a masked field when stdin is a terminal,
// and otherwise reads one line from stdin, so scripts can pipe the key in
// without it showing in the process list.
func (a *app) readKey(ctx context.Context) (string, error) {
	if !a.io.IsStdinTTY() {
		return readKeyLine(a.io.In)
	}
	var key string
	input := huh.NewInput().
		Title("lemlist API key").
		Description("Create one in lemlist → Settings → Integrations. It is checked with lemlist before it is saved.").
		EchoMode(huh.EchoModePassword).
		Validate(func(s string) error {
			if strings.TrimSpace(s) == "" {
				return errors.New("paste your API key")
			}
			return nil
		}).
		Value(&key)
	form := huh.NewForm(huh.NewGroup(input)).
		WithInput(a.io.In).
		WithOutput(a.io.ErrOut).
		WithTheme(theme.New(true, theme.NoColorRequested(a.getenv)).Huh())
	if err := form.RunWithContext(ctx); err != nil {
		if errors.Is(err, huh.ErrUserAborted) || ctx.Err() != nil {
			return "", &exitError{code: exitInterrupted, err: errors.New("login cancelled; nothing was saved")}
		}
		return "", err
	}
	return strings.TrimSpace(key), nil
}

func readKeyLine(r io.Reader) (string, error) {
	line, err := bufio.NewReaderSize(io.LimitReader(r, maxKeyLine), maxKeyLine).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("could not read the key from stdin: %w", err)
	}
	key := strings.TrimSpace(line)
	if key == "" {
		return "", usageError("no API key was given: type it at the prompt, or pipe it on stdin (one line)")
	}
	return key, nil
}
