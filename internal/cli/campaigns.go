package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"lemstep/api"
	"lemstep/internal/safetext"
	"lemstep/theme"
)

// campaignsOptions are the flags of `lemstep campaigns`.
type campaignsOptions struct {
	status string // only campaigns with this status, when set
	asJSON bool
}

func (a *app) campaignsCommand() *cobra.Command {
	var opts campaignsOptions
	cmd := &cobra.Command{
		Use:   "campaigns",
		Short: "List the team's campaigns",
		Long: "Lists every campaign of the team (all pages) as a table of name, status, id and labels,\n" +
			"or as a JSON array with every field lemlist returns. The table says a status as lemlist's\n" +
			"app and the editor do (In progress, Completed, Archived); --json keeps the API's words\n" +
			"(running, ended, archived). --status takes either.",
		Example: "  lemstep campaigns\n" +
			"  lemstep campaigns --status running\n" +
			"  lemstep campaigns --status 'in progress'\n" +
			"  lemstep campaigns --json | jq -r '.[] | select(.status == \"paused\") | ._id'",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return a.runCampaigns(cmd.Context(), opts) },
	}
	cmd.Flags().StringVar(&opts.status, "status", "", "only campaigns with this status, as lemlist's API or its app says it: "+api.CampaignStatusWords())
	cmd.Flags().BoolVar(&opts.asJSON, "json", false, "print a JSON array of campaigns instead of a table")
	_ = cmd.RegisterFlagCompletionFunc("status", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return campaignStatuses(), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// runCampaigns lists the team's campaigns as a table, or as JSON.
func (a *app) runCampaigns(ctx context.Context, opts campaignsOptions) error {
	if opts.status != "" {
		status, ok := api.ParseCampaignStatus(opts.status)
		if !ok {
			return usageError("%q is not a campaign status; use one of %s", safetext.Line(opts.status), api.CampaignStatusWords())
		}
		opts.status = status
	}
	s, err := a.connect()
	if err != nil {
		return err
	}
	defer s.close()
	camps, err := s.client.Campaigns(ctx, api.CampaignQuery{Status: opts.status})
	if err != nil {
		return err
	}
	if opts.asJSON {
		return writeJSON(a.io.Out, camps)
	}
	return writeCampaignTable(a.styledOut(), a.theme(), camps)
}

func campaignStatuses() []string {
	out := make([]string, len(api.CampaignStatuses))
	for i, c := range api.CampaignStatuses {
		out[i] = c.Value
	}
	return out
}

// writeCampaignTable prints one campaign per row, columns aligned by display
// width (names may hold emoji or CJK). Every value came from the network and
// is cleaned of terminal controls first.
func writeCampaignTable(w io.Writer, th *theme.Theme, camps []api.Campaign) error {
	if len(camps) == 0 {
		_, err := fmt.Fprintln(w, "No campaigns.")
		return err
	}
	rows := [][]string{{"NAME", "STATUS", "ID", "LABELS"}}
	for _, c := range camps {
		rows = append(rows, []string{
			safetext.Line(c.Name),
			safetext.Line(c.StatusLabel()),
			safetext.Line(c.ID),
			safetext.Line(strings.Join(c.Labels, ", ")),
		})
	}
	err := writeTable(w, th, rows, func(col int, cell string) string {
		if col == 1 {
			if status, ok := api.ParseCampaignStatus(cell); ok {
				return th.StatusStyle(status).Render(cell)
			}
		}
		return cell
	})
	if err != nil {
		return err
	}
	return writeCampaignErrors(w, camps)
}

// writeCampaignErrors says, under the table, what lemlist reports wrong with
// each campaign in error, in its own words.
func writeCampaignErrors(w io.Writer, camps []api.Campaign) error {
	first := true
	for _, c := range camps {
		if !c.HasError && len(c.Errors) == 0 {
			continue
		}
		words := "lemlist reports an error without saying which."
		if len(c.Errors) > 0 {
			words = safetext.Line(strings.Join(c.Errors, " "))
		}
		sep := ""
		if first {
			sep, first = "\n", false
		}
		if _, err := fmt.Fprintf(w, "%s! %s (%s): %s\n", sep, safetext.Line(c.Name), safetext.Line(c.ID), words); err != nil {
			return err
		}
	}
	return nil
}
