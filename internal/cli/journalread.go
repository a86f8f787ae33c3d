package cli

import (
	"fmt"
	"strings"

	"lemstep/internal/journal"
	"lemstep/internal/safetext"
	"lemstep/internal/steptext"
)

// damageShown is how many unreadable lines a warning names one by one.
const damageShown = 3

// readJournal reads every entry of the journal for history and undo. Lines
// it cannot read are skipped, never fatal, and said on stderr so a damaged
// journal does not go unnoticed.
func (a *app) readJournal() ([]journal.Entry, error) {
	j := a.journal()
	entries, damage, err := j.Read()
	if err != nil {
		return nil, err
	}
	if len(damage) > 0 {
		fmt.Fprintln(a.io.ErrOut, damageWarning(j.Path(), damage))
	}
	return entries, nil
}

// damageWarning names the first few unreadable lines and counts the rest.
func damageWarning(path string, damage []journal.Damage) string {
	var named []string
	for _, d := range damage[:min(len(damage), damageShown)] {
		named = append(named, d.String())
	}
	if more := len(damage) - damageShown; more > 0 {
		named = append(named, fmt.Sprintf("and %s", steptext.Count(more, "more line", "more lines")))
	}
	they := "they are"
	if len(damage) == 1 {
		they = "it is"
	}
	return fmt.Sprintf("Warning: the journal %s has %s lemstep cannot read; %s skipped: %s.",
		safetext.Clean(path), steptext.Count(len(damage), "line", "lines"), they, strings.Join(named, "; "))
}
