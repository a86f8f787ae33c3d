package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"lemstep/api"
	"lemstep/internal/journal"
	"lemstep/internal/safetext"
)

// variantFlags are the flags of `lemstep update` for variant B of an A/B
// test: --variant, and the fields only B has.
type variantFlags struct {
	variant   string
	cc        []string
	clearCC   bool
	plainText bool
}

func (v *variantFlags) register(cmd *cobra.Command) {
	fs := cmd.Flags()
	fs.StringVar(&v.variant, "variant", "", "b to change variant B of the step's A/B test (PATCH …/ab-test) instead of the step")
	fs.StringArrayVar(&v.cc, "cc", nil, "variant B: address to copy, as name@domain.com (repeat for several; replaces the list)")
	fs.BoolVar(&v.clearCC, "clear-cc", false, "variant B: remove every copy (sends cc: [])")
	fs.BoolVar(&v.plainText, "plain-text", false, "variant B: send as plain text instead of HTML (true or false)")
}

// variantOnlyFlags are the flags that set a field only variant B has.
func variantOnlyFlags() []string { return []string{"cc", "clear-cc", "plain-text"} }

// variantFieldFlags are the field flags variant B accepts; every other
// field flag of `update` is refused with --variant b.
func variantFieldFlags() []string {
	return append([]string{"subject", "message", "message-file", "alt-message", "alt-message-file"}, variantOnlyFlags()...)
}

// relaxType lets --variant b go without --type: variant B has no type.
// It runs before cobra checks the required flags.
func (v *variantFlags) relaxType(cmd *cobra.Command) error {
	if cmd.Flags().Changed("variant") {
		return cmd.Flags().SetAnnotation("type", cobra.BashCompOneRequiredFlag, []string{"false"})
	}
	return nil
}

// wantsB reports whether the command is about variant B; --variant a is the
// step itself, as without --variant. Flags of B alone need --variant b.
func (v *variantFlags) wantsB(fs *pflag.FlagSet) (bool, error) {
	if !fs.Changed("variant") {
		for _, name := range variantOnlyFlags() {
			if fs.Changed(name) {
				return false, usageError("--%s is a field of variant B of an A/B test: add --variant b; nothing was sent", name)
			}
		}
		return false, nil
	}
	variant, ok := api.ParseVariant(v.variant)
	switch {
	case !ok:
		return false, usageError("--variant must be a or b, not %q", safetext.Line(v.variant))
	case variant == api.VariantA:
		if fs.Changed("type") {
			return false, v.checkAFlags(fs)
		}
		return false, usageError("--variant a is the step itself: give its --type as for any update")
	}
	return true, nil
}

func (v *variantFlags) checkAFlags(fs *pflag.FlagSet) error {
	for _, name := range variantOnlyFlags() {
		if fs.Changed(name) {
			return usageError("--%s is a field of variant B, not of variant A; nothing was sent", name)
		}
	}
	return nil
}

// buildB turns the flags into the body of PATCH …/ab-test, refusing any
// field variant B does not have.
func (v *variantFlags) buildB(fs *pflag.FlagSet, texts *updateFlags, stdin io.Reader) (api.VariantUpdate, error) {
	var others []string
	fs.Visit(func(f *pflag.Flag) {
		if isFieldFlag(f.Name) && !slices.Contains(variantFieldFlags(), f.Name) {
			others = append(others, "--"+f.Name)
		}
	})
	if len(others) > 0 {
		return api.VariantUpdate{}, usageError("variant B has only a subject, message, alt message, cc and plain text, so %s cannot apply to it; nothing was sent",
			api.JoinAnd(others))
	}
	if fs.Changed("type") {
		t, err := parseStepType(texts.stepType)
		if err != nil {
			return api.VariantUpdate{}, err
		}
		if t != api.Email {
			return api.VariantUpdate{}, usageError("A/B tests exist on email steps only, not on %s; nothing was sent", t.Noun())
		}
	}
	if fs.Changed("cc") && v.clearCC {
		return api.VariantUpdate{}, usageError("--cc and --clear-cc both set the same field; give only one")
	}
	step, err := texts.build(fs, stdin) // subject, message and alt message, from flags or files
	if err != nil {
		return api.VariantUpdate{}, err
	}
	var u api.VariantUpdate
	for _, f := range []api.Field{api.FieldSubject, api.FieldMessage, api.FieldAltMessage} {
		if val, ok := step.UpdateValue(f); ok {
			u.Set(f, val)
		}
	}
	switch {
	case fs.Changed("cc"):
		u.Set(api.FieldCC, v.cc)
	case v.clearCC:
		u.Set(api.FieldCC, []string{})
	}
	if fs.Changed("plain-text") {
		u.Set(api.FieldPlainText, v.plainText)
	}
	return u, nil
}

// isFieldFlag reports whether a flag of `update` sets a field of the body.
func isFieldFlag(name string) bool {
	for _, tf := range textFlags() {
		if tf.name == name {
			return true
		}
	}
	return slices.Contains(append([]string{"message-file", "alt-message-file", "delay", "image", "video",
		"clear-images", "clear-videos", "endorse-any-fallback"}, variantOnlyFlags()...), name)
}

// checkVariantUpdate is the client's check of u plus the command line's
// own: an update that changes nothing is a mistake.
func checkVariantUpdate(u api.VariantUpdate) api.Violations {
	vs := u.Validate()
	if len(vs) == 0 && u.Empty() {
		vs = append(vs, api.Violation{Message: "The update changes nothing: give at least one field of variant B (subject, message, altMessage, cc or plainText)."})
	}
	return vs
}

// sendVariantUpdate reads variant B, lints and sends u, journals it, and
// prints B as lemlist answers it; with opts.dryRun it prints the body.
func (a *app) sendVariantUpdate(ctx context.Context, sequenceID, stepID string, u api.VariantUpdate, opts updateOptions) error {
	if vs := checkVariantUpdate(u); len(vs) > 0 {
		return rejected("nothing was sent: lemlist would refuse this update because", violationLines("", vs))
	}
	if blocking := lintGate(a.io.ErrOut, "variant B: ", u.EmailUpdate(), opts.allowBlocking); len(blocking) > 0 {
		return rejected(blockingHeading(len(blocking)), blocking)
	}
	s, err := a.connect()
	if err != nil {
		return err
	}
	defer s.close()
	before, err := s.client.ABVariant(ctx, sequenceID, stepID)
	if err != nil {
		return variantReadFailure(err, stepID)
	}
	if opts.dryRun {
		body, err := json.Marshal(u)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(a.io.Out, "%s\n", body)
		return err
	}
	updated, err := s.client.UpdateABVariant(ctx, sequenceID, stepID, u)
	if err != nil {
		return a.sendFailure(err, opts.asJSON, sentLabels)
	}
	camp := api.Campaign{ID: opts.campaignID}
	entry, recorded := a.recordVariant(s, camp, sequenceID, before, u, 0)
	if opts.asJSON {
		return writeJSON(a.io.Out, updated)
	}
	fmt.Fprintf(a.io.Out, "Updated variant B of email step %s in sequence %s.\n", safetext.Line(stepID), safetext.Line(sequenceID))
	printLines(a.io.Out, variantFieldLines(updated))
	if recorded {
		fmt.Fprintf(a.io.Out, "Journal entry #%d; `lemstep undo %d` puts the previous values back.\n", entry.ID, entry.ID)
	}
	return nil
}

// variantReadFailure explains why variant B could not be read.
func variantReadFailure(err error, stepID string) error {
	if errors.Is(err, api.ErrNoVariant) {
		return fmt.Errorf("step %s has no A/B test, so it has no variant B; `lemstep ab start` starts one: %w", safetext.Line(stepID), err)
	}
	return err
}

// variantFieldLines shows each field of B, one per line, indented.
func variantFieldLines(b api.ABVariant) []string {
	var lines []string
	for _, f := range api.VariantFields() {
		v, ok := api.VariantValue(b, f)
		if !ok {
			continue
		}
		lines = append(lines, fieldLines(f, v)...)
	}
	return lines
}

// recordVariant writes an update of variant B to the journal, as
// recordUpdate does for a step.
func (a *app) recordVariant(s *session, camp api.Campaign, sequenceID string, before api.ABVariant, u api.VariantUpdate, undoes int) (journal.Entry, bool) {
	e := journal.RecordVariant(s.workspace(), camp, sequenceID, before, u)
	e.Undoes = undoes
	e, err := a.journal().Append(e)
	if err != nil {
		fmt.Fprintf(a.io.ErrOut, "Warning: variant B of step %s was updated, but lemstep could not write the update to its journal (%s); "+
			"`lemstep undo` will not know about it.\n", safetext.Line(before.StepID), safetext.Line(err.Error()))
		return journal.Entry{}, false
	}
	return e, true
}

// updateVariant runs `update --variant b`; flagErr is what wantsB found
// wrong with the flags.
func (a *app) updateVariant(cmd *cobra.Command, v *variantFlags, opts updateOptions, flagErr error) error {
	if flagErr != nil {
		return flagErr
	}
	u, err := v.buildB(cmd.Flags(), &opts.fields, a.io.In)
	if err != nil {
		return err
	}
	return a.sendVariantUpdate(cmd.Context(), opts.sequenceID, opts.stepID, u, opts)
}

// printLines writes each line followed by a newline.
func printLines(w io.Writer, lines []string) {
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
}
