package forms

import (
	"testing"

	"lemstep/api"
	"lemstep/internal/spectest"
)

// checkBodyAgainstSpec checks a body against the endpoint's OpenAPI schema.
func checkBodyAgainstSpec(t *testing.T, step api.Step, body []byte) {
	t.Helper()
	spectest.CheckUpdateBody(t, step.SequenceID, step.ID, body)
}
