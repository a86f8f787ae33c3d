package api

import (
	"encoding/json"
	"net/http"
)

// UpdateStepRequest is the request UpdateStep sends for u: its method, its
// path under the base URL, and its body byte for byte. The review shows
// these, so what the user sees is what goes out.
func UpdateStepRequest(sequenceID, stepID string, u StepUpdate) (method, path string, body []byte, err error) {
	body, err = json.Marshal(u) // as sendJSON encodes it
	return http.MethodPatch, stepPath(sequenceID, stepID), body, err
}

// UpdateABVariantRequest is the request UpdateABVariant sends for u: its
// method, its path under the base URL, and its body byte for byte.
func UpdateABVariantRequest(sequenceID, stepID string, u VariantUpdate) (method, path string, body []byte, err error) {
	body, err = json.Marshal(u) // as sendJSON encodes it
	return http.MethodPatch, abTestPath(sequenceID, stepID), body, err
}
