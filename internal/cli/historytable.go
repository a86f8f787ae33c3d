package cli

import (
	"fmt"
	"io"

	"github.com/charmbracelet/x/ansi"

	"lemstep/internal/journal"
	"lemstep/internal/safetext"
	"lemstep/theme"
)

// Widths, in cells, of the history's columns of free text.
const (
	campaignColumn = 32
	stepColumn     = 48
)

// writeHistory prints one entry per row, columns aligned: when, where
// (the workspace by the name a person gave it), which campaign and which
// step, said as the editor says them, and what changed. --json keeps the
// ids instead. Every text in the journal came from the network or the
// user, and is cleaned first.
func writeHistory(w io.Writer, th *theme.Theme, entries []journal.Entry, workspaces workspaceNamer) error {
	rows := [][]string{{"ID", "TIME", "WORKSPACE", "CAMPAIGN", "STEP", "CHANGED"}}
	for _, item := range batchedHistory(entries) {
		if item.batch != nil {
			rows = append(rows, batchRow(item, workspaces))
			continue
		}
		e := item.entry
		rows = append(rows, []string{
			fmt.Sprintf("#%d", e.ID),
			e.Time.Local().Format("2006-01-02 15:04"),
			safetext.Line(workspaces.name(e.Workspace)),
			ansi.Truncate(campaignName(e.CampaignName, e.CampaignID), campaignColumn, "…"),
			ansi.Truncate(entryStepLabel(e), stepColumn, "…"),
			changedList(e),
		})
	}
	return writeTable(w, th, rows, nil)
}
