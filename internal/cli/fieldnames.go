package cli

import (
	"strings"

	"lemstep/api"
)

// fieldNames is the names of fs, in their order, as the body of an update
// spells them.
func fieldNames(fs []api.Field) []string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = string(f)
	}
	return names
}

// fieldList is the fields an update changes: "subject, delay".
func fieldList(u api.StepUpdate) string {
	return strings.Join(fieldNames(u.Fields()), ", ")
}
