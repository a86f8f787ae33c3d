package preview

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"maps"
)

// Lead is a sample lead the preview renders a message for.
type Lead struct {
	Name   string            // how the preview names it ("Sam Rivera (no company)")
	Fields map[string]string // variable name → value, as lemlist stores them
}

// samples is leads.json: the sample sender and the sample leads.
type samples struct {
	Sender map[string]string `json:"sender"`
	Leads  []struct {
		Name   string            `json:"name"`
		Fields map[string]string `json:"fields"`
	} `json:"leads"`
}

//go:embed leads.json
var leadsJSON []byte

func loadSamples() samples {
	var s samples
	if err := json.Unmarshal(leadsJSON, &s); err != nil {
		// leads.json ships with the binary and is covered by tests.
		panic(fmt.Sprintf("preview: embedded leads.json is invalid: %v", err))
	}
	return s
}

// Leads returns the sample leads shipped with lemstep: a complete one, one
// without a company, and one with non-Latin names. Each call returns fresh
// copies the caller may change.
func Leads() []Lead {
	s := loadSamples()
	out := make([]Lead, 0, len(s.Leads))
	for _, l := range s.Leads {
		out = append(out, Lead{Name: l.Name, Fields: maps.Clone(l.Fields)})
	}
	return out
}

// SampleSender returns the sender variables the preview fills in.
func SampleSender() map[string]string { return loadSamples().Sender }
