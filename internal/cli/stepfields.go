package cli

import (
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"lemstep/api"
	"lemstep/internal/steptext"
)

// excerptWidth is how many cells of a message the step tree shows.
const excerptWidth = 60

// excerpt is the short line that stands for a step: the condition as a
// sentence, its subject or title, its target, else the start of its message.
func excerpt(s api.Step) string {
	return ansi.Truncate(steptext.Excerpt(s), excerptWidth, "…")
}

// writeStepFields prints every field a step of its type can change, one per
// line, indented, messages in full: what `lemstep update` answers with.
func writeStepFields(w io.Writer, s api.Step) error {
	var lines []string
	for _, f := range detailFields(s.Type) {
		v, ok := api.StepValue(s, f)
		if !ok {
			continue
		}
		lines = append(lines, fieldLines(f, v)...)
	}
	if len(lines) == 0 {
		return nil
	}
	_, err := io.WriteString(w, strings.Join(lines, "\n")+"\n")
	return err
}

// detailFields is the fields worth showing: the editable ones, or for a type
// lemstep does not know, the common ones.
func detailFields(t api.StepType) []api.Field {
	if fs := api.EditableFields(t); fs != nil {
		return fs
	}
	return []api.Field{api.FieldSubject, api.FieldTitle, api.FieldMessage, api.FieldDelay}
}
