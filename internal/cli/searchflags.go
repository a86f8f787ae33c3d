package cli

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"lemstep/api"
	"lemstep/internal/findreplace"
	"lemstep/internal/safetext"
	"lemstep/internal/steptext"
)

// searchFlags choose what `grep` and `replace` look at and how they match.
type searchFlags struct {
	campaignIDs []string
	statuses    []string
	fields      []string
	regex       bool
	ignoreCase  bool
	asJSON      bool
}

// register adds the flags to cmd; jsonUsage says what its --json prints.
func (f *searchFlags) register(cmd *cobra.Command, jsonUsage string) {
	fl := cmd.Flags()
	fl.StringSliceVar(&f.campaignIDs, "campaign", nil, "only this campaign (repeat, or separate ids with commas)")
	fl.StringSliceVar(&f.statuses, "status", nil, "only campaigns with this status, as lemlist's API or its app says it: "+api.CampaignStatusWords()+" (default: every campaign but archived ones)")
	fl.StringSliceVar(&f.fields, "field", nil, "only these fields: "+strings.Join(fieldNames(findreplace.TextFields()), ", "))
	fl.BoolVar(&f.regex, "regex", false, "PATTERN is a regular expression (Go's RE2 syntax); REPLACEMENT may use $1 and ${name}")
	fl.BoolVarP(&f.ignoreCase, "ignore-case", "i", false, "match upper and lower case alike")
	fl.BoolVar(&f.asJSON, "json", false, jsonUsage)
	_ = cmd.RegisterFlagCompletionFunc("status", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return campaignStatuses(), cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.RegisterFlagCompletionFunc("field", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return fieldNames(findreplace.TextFields()), cobra.ShellCompDirectiveNoFileComp
	})
}

// searchResult is what a search found, the matcher that found it, and how
// many campaigns it searched.
type searchResult struct {
	matcher  *findreplace.Matcher
	found    []findreplace.Found
	searched int
}

// search is how grep and replace begin: the flags checked and the pattern
// compiled (a usage error connects to nothing), then the campaigns chosen,
// read and searched. The session is returned open, for replace to send
// on; the caller closes it.
func (a *app) search(ctx context.Context, pattern string, f searchFlags) (*session, searchResult, error) {
	m, err := f.matcher(pattern)
	if err != nil {
		return nil, searchResult{}, err
	}
	s, err := a.connect()
	if err != nil {
		return nil, searchResult{}, err
	}
	camps, err := f.chooseCampaigns(ctx, s.client)
	var read []findreplace.CampaignSteps
	if err == nil {
		read, err = a.readCampaigns(ctx, s.client, camps)
	}
	if err != nil {
		s.close()
		return nil, searchResult{}, err
	}
	return s, searchResult{matcher: m, found: m.SearchAll(read), searched: len(camps)}, nil
}

// matcher checks the flags and compiles the pattern; what is wrong is a
// usage error.
func (f *searchFlags) matcher(pattern string) (*findreplace.Matcher, error) {
	q := findreplace.Query{Pattern: pattern, Regex: f.regex, IgnoreCase: f.ignoreCase}
	for _, name := range f.fields {
		field, ok := findreplace.ParseField(name)
		if !ok {
			return nil, usageError("%q is not a text field; use one of %s", safetext.Line(name), strings.Join(fieldNames(findreplace.TextFields()), ", "))
		}
		q.Fields = append(q.Fields, field)
	}
	for i, s := range f.statuses {
		status, ok := api.ParseCampaignStatus(s)
		if !ok {
			return nil, usageError("%q is not a campaign status; use one of %s", safetext.Line(s), api.CampaignStatusWords())
		}
		f.statuses[i] = status
	}
	m, err := findreplace.Compile(q)
	if err != nil {
		return nil, &exitError{code: exitUsage, err: err}
	}
	return m, nil
}

// chooseCampaigns lists the team's campaigns and keeps those the flags
// name: the ids given (each must exist), else those of the statuses
// given, else every campaign that is not archived.
func (f *searchFlags) chooseCampaigns(ctx context.Context, c *api.Client) ([]api.Campaign, error) {
	all, err := c.Campaigns(ctx, api.CampaignQuery{})
	if err != nil {
		return nil, err
	}
	var out []api.Campaign
	for _, id := range f.campaignIDs {
		i := slices.IndexFunc(all, func(c api.Campaign) bool { return c.ID == id })
		if i < 0 {
			return nil, usageError("the team has no campaign %s; `lemstep campaigns` lists them", safetext.Line(id))
		}
		out = append(out, all[i])
	}
	if len(f.campaignIDs) == 0 {
		for _, camp := range all {
			if len(f.statuses) > 0 && slices.Contains(f.statuses, camp.Status) ||
				len(f.statuses) == 0 && !camp.IsArchived() {
				out = append(out, camp)
			}
		}
	}
	if len(f.statuses) > 0 && len(f.campaignIDs) > 0 {
		out = slices.DeleteFunc(out, func(c api.Campaign) bool { return !slices.Contains(f.statuses, c.Status) })
	}
	return out, nil
}

// readCampaigns reads the chosen campaigns, counting them on a terminal's
// stderr as they come, and warns of each one lemlist would not give.
func (a *app) readCampaigns(ctx context.Context, c *api.Client, camps []api.Campaign) ([]findreplace.CampaignSteps, error) {
	var progress func(done, total int)
	if a.io.IsStderrTTY() {
		progress = func(done, total int) {
			fmt.Fprintf(a.io.ErrOut, "\r\x1b[KReading campaigns: %d/%d", done, total)
		}
	}
	read := findreplace.Read(ctx, c, camps, progress)
	if progress != nil {
		fmt.Fprint(a.io.ErrOut, "\r\x1b[K")
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	failed := 0
	for _, cs := range read {
		if cs.Err != nil {
			failed++
			fmt.Fprintf(a.io.ErrOut, "Warning: campaign %s could not be read, so it was not searched: %s\n",
				campaignLabel(cs.Campaign), safetext.Line(cs.Err.Error()))
		}
		for _, r := range cs.VariantErrs {
			fmt.Fprintf(a.io.ErrOut, "Note: variant B of step %s in campaign %s was not searched: %s\n",
				safetext.Line(r.StepID), campaignLabel(cs.Campaign), safetext.Line(r.Err.Error()))
		}
	}
	if failed > 0 && failed == len(read) {
		return nil, fmt.Errorf("no campaign could be read (%s tried)", steptext.Count(failed, "campaign", "campaigns"))
	}
	return read, nil
}
