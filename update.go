package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"lemstep/api"
	"lemstep/safetext"
)

func (a *app) updateCommand() *cobra.Command {
	var flags updateFlags
	var dryRun, asJSON bool
	cmd := &cobra.Command{
		Use:   "update SEQUENCE_ID STEP_ID --type TYPE [field flags]",
		Short: "Change the fields of one step",
		Long: "Sends one PATCH /sequences/SEQUENCE_ID/steps/STEP_ID with the step's type and only the\n" +
			"fields whose flags are given. The update is checked first with the editor's rules: when\n" +
			"lemlist would refuse it, every reason is listed, nothing is sent and the exit code is 2.\n\n" +
			"--dry-run prints the exact JSON body (compact, one line) and sends nothing; it needs no\n" +
			"network, so a --campaign-id is checked for existence only when the update is sent.\n" +
			"Find sequence and step ids with `lemstep steps CAMPAIGN_ID`.",
		Example: "  lemstep update seq_1 stp_1 --type email --subject 'Quick question, {{firstName}}'\n" +
			"  lemstep update seq_1 stp_1 --type email --message-file body.html --delay 3\n" +
			"  lemstep update seq_1 stp_2 --type linkedinSend --image https://example.com/a.png --clear-videos\n" +
			"  lemstep update seq_1 stp_3 --type conditional --condition-key emailsOpened --delay-type within --delay 3\n" +
			"  lemstep update seq_1 stp_1 --type email --delay 2 --dry-run",
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			u, err := flags.build(cmd.Flags(), a.stdin)
			if err != nil {
				return err
			}
			if vs := checkUpdate(u, api.Target{}); len(vs) > 0 {
				return rejected("nothing was sent: lemlist would refuse this update because", violationLines("", vs))
			}
			if dryRun {
				return writeBody(a, u)
			}
			return a.sendUpdate(cmd.Context(), args[0], args[1], u, asJSON)
		},
	}
	flags.register(cmd)
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "print the JSON body that would be sent, and send nothing")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the updated step as JSON")
	return cmd
}

// checkUpdate is the editor's check of an update, plus one the endpoint
// does not make: an update that changes nothing is a mistake on the
// command line, not something worth sending.
func checkUpdate(u api.StepUpdate, t api.Target) api.Violations {
	vs := u.Validate(t)
	if len(vs) == 0 && u.Empty() {
		vs = append(vs, api.Violation{Message: fmt.Sprintf(
			"The update changes nothing: give at least one field a %s step can change (%s).", u.Type, fieldNames(u.Type))})
	}
	return vs
}

func fieldNames(t api.StepType) string {
	var names []string
	for _, f := range api.EditableFields(t) {
		names = append(names, string(f))
	}
	return joinWords(names)
}

func joinWords(words []string) string {
	switch len(words) {
	case 0:
		return "nothing"
	case 1:
		return words[0]
	}
	out := words[0]
	for _, w := range words[1 : len(words)-1] {
		out += ", " + w
	}
	return out + " or " + words[len(words)-1]
}

// writeBody prints the body exactly as the client would send it: compact
// JSON as json.Marshal writes it, then a newline.
func writeBody(a *app, u api.StepUpdate) error {
	body, err := json.Marshal(u)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(a.stdout, "%s\n", body)
	return err
}

func (a *app) sendUpdate(ctx context.Context, sequenceID, stepID string, u api.StepUpdate, asJSON bool) error {
	s, err := a.connect()
	if err != nil {
		return err
	}
	defer s.close()
	step, err := s.client.UpdateStep(ctx, sequenceID, stepID, u)
	if err != nil {
		var vs api.Violations
		if errors.As(err, &vs) {
			return rejected("nothing was sent: lemlist would refuse this update because", violationLines("", vs))
		}
		return err
	}
	if step.SequenceID == "" {
		step.SequenceID = sequenceID
	}
	if asJSON {
		return writeJSON(a.stdout, step)
	}
	fmt.Fprintf(a.stdout, "Updated %s step %s in sequence %s.\n", safetext.Clean(string(step.Type)),
		safetext.Clean(step.ID), safetext.Clean(step.SequenceID))
	return writeStepFields(a.stdout, step)
}
