package forms

import "lemstep/api"

// Title is the name the form gives field, as its widget is titled.
func Title(field api.Field) string {
	if spec, ok := fieldSpecs[field]; ok {
		return spec.title
	}
	return string(field)
}
