package cli

import (
	"fmt"
	"slices"

	"github.com/charmbracelet/x/ansi"

	"lemstep/internal/journal"
	"lemstep/internal/safetext"
	"lemstep/internal/steptext"
)

// historyItem is one line of the history: an entry of its own, or every
// entry of a batch together.
type historyItem struct {
	entry journal.Entry
	batch []journal.Entry // the batch's entries, newest first; nil for an entry of its own
}

// batchedHistory groups the entries (newest first) of each batch into one
// item, placed where its newest entry is.
func batchedHistory(entries []journal.Entry) []historyItem {
	var out []historyItem
	at := map[int]int{} // batch number → its item
	for _, e := range entries {
		if e.Batch == 0 {
			out = append(out, historyItem{entry: e})
			continue
		}
		i, ok := at[e.Batch]
		if !ok {
			i = len(out)
			at[e.Batch] = i
			out = append(out, historyItem{entry: e})
		}
		out[i].batch = append(out[i].batch, e)
	}
	return out
}

// batchRow is the history's row of a batch: its number, when it began,
// where it went, its campaigns and steps counted, and what it did.
func batchRow(item historyItem, workspaces workspaceNamer) []string {
	b := item.batch
	first := b[len(b)-1]
	camps, steps := map[string]bool{}, map[string]bool{}
	for _, e := range b {
		camps[e.CampaignID], steps[e.StepID] = true, true
	}
	campaign := campaignName(first.CampaignName, first.CampaignID)
	if len(camps) > 1 {
		campaign = steptext.Count(len(camps), "campaign", "campaigns")
	}
	what := fmt.Sprintf("batch of %s", steptext.Count(len(b), "update", "updates"))
	if undone := undoneBatches(b); len(undone) > 0 {
		what += fmt.Sprintf(" (undoes b%d)", undone[0])
	}
	return []string{fmt.Sprintf("b%d", first.Batch), first.Time.Local().Format("2006-01-02 15:04"),
		safetext.Line(workspaces.name(first.Workspace)), truncateCampaign(campaign), steptext.Count(len(steps), "step", "steps"), what}
}

// undoneBatches are the batches the entries of an undo batch undid, read
// from the entries they undid.
func undoneBatches(b []journal.Entry) []int {
	var out []int
	for _, e := range b {
		if e.UndoesBatch > 0 && !slices.Contains(out, e.UndoesBatch) {
			out = append(out, e.UndoesBatch)
		}
	}
	return out
}

// truncateCampaign fits a campaign's name to the history's column.
func truncateCampaign(name string) string { return ansi.Truncate(name, campaignColumn, "…") }
