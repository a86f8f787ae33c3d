package cli

import (
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/dustin/go-humanize"
	"github.com/spf13/cobra"

	"lemstep/api"
	"lemstep/internal/draft"
	"lemstep/internal/safetext"
	"lemstep/theme"
)

func (a *app) draftsCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "drafts",
		Short: "List the edits kept as drafts, newest first",
		Long: "Lists the edits the editor kept because they were not sent: the step, its campaign,\n" +
			"when the draft was saved and the fields it changes. Open the step in the editor to\n" +
			"restore or discard a draft, or discard it here with `lemstep drafts discard STEP_ID`.\n" +
			"It reads only $XDG_STATE_HOME/lemstep/drafts: no network, no API key.",
		Example: "  lemstep drafts\n" +
			"  lemstep drafts --json | jq '.[0].edited.subject'\n" +
			"  lemstep drafts discard stp_A1b2C3d4E5f6G7h8",
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			ds, err := a.drafts().List()
			if err != nil {
				return err
			}
			if asJSON {
				if ds == nil {
					ds = []draft.Draft{}
				}
				return writeJSON(a.stdout, ds)
			}
			if len(ds) == 0 {
				_, err := fmt.Fprintln(a.stdout, "No drafts: every edit made in the editor was sent or discarded.")
				return err
			}
			return writeDrafts(a.styledOut(), a.theme(), ds, time.Now())
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the drafts, with the step as loaded and as edited, as a JSON array")
	cmd.AddCommand(a.discardDraftCommand())
	return cmd
}

func (a *app) discardDraftCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "discard STEP_ID",
		Short: "Throw away the draft of one step",
		Args:  cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			store := a.drafts()
			// A damaged draft can be discarded too: that is what it is for.
			if _, ok, err := store.Load(args[0]); !ok && err == nil {
				return usageError("step %s has no draft; `lemstep drafts` lists them", safetext.Line(args[0]))
			}
			if err := store.Remove(args[0]); err != nil {
				return err
			}
			_, err := fmt.Fprintf(a.stdout, "Discarded the draft of step %s.\n", safetext.Line(args[0]))
			return err
		},
	}
}

// writeDrafts prints one draft per row; a column says where each step
// lives when the drafts come from more than one workspace.
func writeDrafts(w io.Writer, th *theme.Theme, ds []draft.Draft, now time.Time) error {
	many := manyWorkspaces(ds, func(d draft.Draft) string { return d.Workspace })
	header := []string{"STEP", "CAMPAIGN", "TYPE", "SAVED", "CHANGED"}
	if many {
		header = slices.Insert(header, 1, "WORKSPACE")
	}
	rows := [][]string{header}
	for _, d := range ds {
		changed := "nothing"
		if u, err := api.Diff(d.Loaded, d.Edited); err == nil {
			changed = fieldList(u)
		}
		row := []string{
			safetext.Line(d.StepID()),
			ansi.Truncate(campaignName(d.CampaignName, d.CampaignID), campaignColumn, "…"),
			safetext.Line(string(d.Loaded.Type)),
			humanize.RelTime(d.SavedAt, now, "ago", "from now"),
			changed,
		}
		if many {
			row = slices.Insert(row, 1, safetext.Line(d.Workspace))
		}
		rows = append(rows, row)
	}
	return writeTable(w, th, rows, nil)
}
