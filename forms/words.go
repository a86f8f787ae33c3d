package forms

import (
	"strconv"

	"lemstep/api"
	"lemstep/internal/safetext"
)

// Label is field f's name as the form shows it ("How to wait"), so every
// view of a change speaks the form's words; a field no form edits keeps its
// api name.
func Label(f api.Field) string {
	if spec, ok := fieldSpecs[f]; ok {
		return spec.title
	}
	switch f { // variant B's own fields, titled as its form titles them
	case api.FieldCC:
		return "Cc"
	case api.FieldPlainText:
		return "Plain text"
	}
	return string(f)
}

// Words is a value of field f as the form shows it: a choice by its label, a
// yes/no as Yes or No, a campaign as "Name (cam_…)" when campaigns holds it.
// ok is false for free text and lists, which are shown as written. The text
// is safe to print.
func Words(f api.Field, v any, campaigns []api.Campaign) (words string, ok bool) {
	spec, known := fieldSpecs[f]
	if !known {
		return "", false
	}
	switch val := v.(type) {
	case bool:
		if val {
			return "Yes", true
		}
		return "No", true
	case int:
		return strconv.Itoa(val), true
	case string:
		switch spec.kind {
		case kindChoice:
			return safetext.Clean(api.ChoiceLabel(spec.choices, val)), true
		case kindCampaign:
			return campaignWords(val, campaigns), true
		}
	}
	return "", false
}

// campaignWords names a campaign and keeps its id beside the name, so the
// user can check which one it is even when two share a name.
func campaignWords(id string, campaigns []api.Campaign) string {
	for _, c := range campaigns {
		if c.ID == id && c.Name != "" {
			return safetext.Clean(c.Name) + " (" + safetext.Clean(id) + ")"
		}
	}
	return safetext.Clean(id)
}

// IsText reports whether field f is typed into (text, links, a number),
// rather than picked from a list or switched.
func IsText(f api.Field) bool {
	switch fieldSpecs[f].kind {
	case kindText, kindLine, kindDays, kindMedia:
		return true
	}
	return false
}
