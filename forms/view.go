package forms

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"lemstep/api"
	"lemstep/internal/safetext"
)

// Notices are the sentences the form shows above its fields: what an edit
// will and will not reach. View draws them; a caller that lays them out
// itself can read them here.
func (f *Form) Notices() []string {
	var ns []string
	if f.original.Type == "" && f.original.HasUnreadable() {
		return api.UnreadableNotices(f.original)
	}
	if !f.original.Supported() {
		ns = append(ns, fmt.Sprintf("lemstep cannot edit %s steps: this step is shown read-only.",
			safetext.Clean(string(f.original.Type))))
		return ns
	}
	if f.opts.CampaignStatus == "running" {
		ns = append(ns, "This campaign is running: your edit reaches only leads not yet scheduled for this step.")
	}
	if f.original.ABTest.Active() {
		ns = append(ns, "This step is A/B tested: you are editing variant A.")
	}
	ns = append(ns, f.conditionNotices()...)
	for _, n := range api.UnreadableNotices(f.original) {
		ns = append(ns, safetext.Clean(n))
	}
	return ns
}

// conditionNotices say which branch of a condition the form edits and why
// what it checks may be read-only.
func (f *Form) conditionNotices() []string {
	st := f.original
	if st.Type != api.Conditional {
		return nil
	}
	var ns []string
	branches := st.BranchConditions()
	if len(branches) > 1 {
		ns = append(ns, fmt.Sprintf("This condition has %s and an else; lemlist's update changes only the first, %s: %s.",
			api.Plural(len(branches), "branch", "branches"), safetext.Line(api.BranchName(branches[0], 1)),
			safetext.Line(api.BranchSentence(branches[0], ""))))
	}
	if why, locked := api.LockedFields(st)[api.FieldConditionKey]; locked && !st.HasUnreadable() {
		if len(branches) == 1 {
			ns = append(ns, "What it checks: "+safetext.Line(api.BranchSentence(branches[0], ""))+".")
		}
		ns = append(ns, safetext.Clean(why))
	}
	return ns
}

// NoticesHeight is the lines View gives the notices, the blank line after
// each included.
func (f *Form) NoticesHeight() int {
	return f.noticesHeight(f.Notices())
}

// View renders the notices, then the fields (or, for a read-only step, a
// summary of what it holds).
func (f *Form) View() string {
	parts := f.noticeViews(f.Notices())
	switch {
	case f.form == nil:
		parts = append(parts, f.summary())
	case f.Completed():
		// huh draws nothing once done; keep the fields visible behind the review.
		parts = append(parts, showTabs(f.group.View()))
	default:
		parts = append(parts, showTabs(f.form.View()))
	}
	return strings.Join(parts, "\n\n")
}

// summaryFields are the fields a read-only step is summarised with, in the
// order of the update body.
var summaryFields = []api.Field{
	api.FieldSubject, api.FieldTitle, api.FieldMessage, api.FieldAltMessage,
	api.FieldMethod, api.FieldURL, api.FieldDelay, api.FieldCampaignID,
	api.FieldImages, api.FieldVideos, api.FieldSkillName,
	api.FieldEndorseAnyFallback, api.FieldRecordMode,
}

// summary shows a step lemstep cannot edit: every known field it carries,
// with control sequences removed.
func (f *Form) summary() string {
	styles := f.styles()
	label := styles.Focused.Title
	text := lipgloss.NewStyle().Width(f.width).PaddingLeft(2)
	lines := []string{label.Render("Type") + "\n" + text.Render(safetext.Clean(string(f.original.Type)))}
	for _, field := range summaryFields {
		v, ok := api.StepValue(f.original, field)
		if !ok {
			continue
		}
		lines = append(lines, label.Render(fieldSpecs[field].title)+"\n"+text.Render(safetext.Clean(summaryValue(v))))
	}
	return strings.Join(lines, "\n")
}

func summaryValue(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case bool:
		if v {
			return "yes"
		}
		return "no"
	case []string:
		return strings.Join(v, "\n")
	}
	return fmt.Sprint(v)
}
