// Package forms builds the editing form of a sequence step from the step's
// type. Which fields a type may change, the limits and the enums come from
// package api; this package only decides how each field is shown and typed.
package forms

import "lemstep/api"

// widgetKind is how a field is typed in.
type widgetKind int

const (
	kindLine     widgetKind = iota // one line of text (huh.Input)
	kindText                       // multi-line copy (huh.Text, external editor)
	kindDays                       // whole days, digits only (huh.Input)
	kindChoice                     // one value of an api enum (huh.Select)
	kindCampaign                   // a campaign of the workspace (filterable huh.Select)
	kindMedia                      // HTTPS links, one per line (huh.Text)
	kindYesNo                      // a yes/no switch (huh.Confirm)
)

// fieldSpec describes how one field of the update body is edited. Adding a
// field to the forms is one row of fieldSpecs; which types show it is api's
// business (api.EditableFields).
type fieldSpec struct {
	title       string
	description string       // static help under the title; "" when none
	kind        widgetKind   // also selects the validator (see validate.go)
	choices     []api.Choice // kindChoice: every value the endpoint accepts
	counted     bool         // show "n/400" and refuse more than api.MaxTextLength
	lines       int          // visible lines of a multi-line widget
	extensions  []string     // kindMedia: file types lemlist ingests; others warn
}

// fieldSpecs is the one table of the editable fields.
var fieldSpecs = map[api.Field]fieldSpec{
	api.FieldSubject: {
		title: "Subject", kind: kindLine, counted: true,
	},
	api.FieldTitle: {
		title: "Task title", kind: kindLine, counted: true,
	},
	api.FieldMessage: {
		title: "Message", kind: kindText, lines: 8,
		description: "Sent exactly as written; ctrl+e opens it in your editor.",
	},
	api.FieldAltMessage: {
		title: "Fallback message", kind: kindText, lines: 5,
		description: "The LinkedIn message lemlist sends instead when the main one cannot be used.",
	},
	api.FieldMethod: {
		title: "HTTP method", kind: kindChoice, choices: api.Methods,
	},
	api.FieldURL: {
		title: "URL", kind: kindLine,
		description: "The address lemlist calls, starting with http:// or https://.",
	},
	api.FieldDelay: {
		title: "Delay (days)", kind: kindDays,
	},
	api.FieldDelayType: {
		title: "How to wait", kind: kindChoice, choices: api.DelayTypes,
	},
	api.FieldConditionKey: {
		title: "Condition: if the lead…", kind: kindChoice, choices: api.ConditionKeys,
	},
	api.FieldCampaignID: {
		title: "Send the lead to", kind: kindCampaign,
		description: "Campaigns of this workspace that are not archived. /: filter.",
	},
	api.FieldImages: {
		title: "Images", kind: kindMedia, lines: 3,
		extensions: []string{"png", "jpeg", "jpg", "gif"},
	},
	api.FieldVideos: {
		title: "Videos", kind: kindMedia, lines: 3,
		extensions: []string{"mp4", "mov"},
	},
	api.FieldSkillName: {
		title: "Skill to endorse", kind: kindLine,
		description: "The skill's name as it appears on the lead's LinkedIn profile.",
	},
	api.FieldEndorseAnyFallback: {
		title: "Endorse any skill when this one is missing?", kind: kindYesNo,
	},
	api.FieldRecordMode: {
		title: "Voice note", kind: kindChoice, choices: api.RecordModes,
	},
}

// delayDescription says what the delay means for a step of type t.
func delayDescription(t api.StepType) string {
	const rng = "A whole number of days from 0 to 1500."
	if t == api.Conditional {
		return "The window, in days, to watch for the event before the lead takes the other branch. " + rng
	}
	return "Days to wait after the previous step before this one runs. " + rng
}

// mediaDescription is the static part of a media field's help.
func mediaDescription(f api.Field) string {
	what := "an image (PNG, JPEG or GIF)"
	if f == api.FieldVideos {
		what = "a video (MP4 or MOV)"
	}
	return "One public https:// link per line, each " + what +
		"; at most 6 images and videos together. Blank lines are ignored."
}
