package main

import (
	"bytes"
	"encoding/json"
	"fmt"

	"go.yaml.in/yaml/v3"

	"lemstep/api"
	"lemstep/safetext"
)

// applyEntry is one update of an apply file: where it goes and its body.
type applyEntry struct {
	n          int // position in the file, from 1
	sequenceID string
	stepID     string
	update     api.StepUpdate
	problems   []string // what is wrong with the entry as written
}

// label names the entry in messages: "entry 2 (step stp_…)".
func (e applyEntry) label() string {
	if e.stepID == "" {
		return fmt.Sprintf("entry %d", e.n)
	}
	return fmt.Sprintf("entry %d (step %s)", e.n, safetext.Clean(e.stepID))
}

// parseApplyFile reads a JSON or YAML list of updates. A file whose first
// character is [ or { is read as JSON, anything else as YAML; both give
// each entry as a JSON object, read with the endpoint's own parser so a
// field has the same rules in a file as in a request. The error is about
// the file as a whole; problems with single entries are kept on them.
func parseApplyFile(data []byte) ([]applyEntry, error) {
	raws, err := decodeList(data)
	if err != nil {
		return nil, err
	}
	if len(raws) == 0 {
		return nil, usageError("the file lists no updates")
	}
	entries := make([]applyEntry, len(raws))
	for i, raw := range raws {
		entries[i] = parseEntry(i+1, raw)
	}
	return entries, nil
}

func decodeList(data []byte) ([]json.RawMessage, error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, usageError("the file is empty; it should hold a list of updates")
	}
	if trimmed[0] == '{' {
		return nil, usageError("the file holds a single object; it should hold a list of updates (wrap it in [ ])")
	}
	if trimmed[0] == '[' {
		var raws []json.RawMessage
		if err := json.Unmarshal(trimmed, &raws); err != nil {
			return nil, usageError("the file is not a JSON list of updates: %s", safetext.Clean(err.Error()))
		}
		return raws, nil
	}
	var items []any
	if err := yaml.Unmarshal(data, &items); err != nil {
		return nil, usageError("the file is not a YAML list of updates: %s", safetext.Clean(err.Error()))
	}
	raws := make([]json.RawMessage, len(items))
	for i, item := range items {
		b, err := json.Marshal(item)
		if err != nil {
			// A mapping with keys that are not text cannot be a body.
			b = []byte("null")
		}
		raws[i] = b
	}
	return raws, nil
}

// parseEntry splits an entry into its address (sequenceId, stepId) and the
// body, which must pass api.ParseStepUpdate.
func parseEntry(n int, raw json.RawMessage) applyEntry {
	e := applyEntry{n: n}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil || fields == nil {
		e.problems = append(e.problems, e.label()+": must be an object with sequenceId, stepId, type and the fields to change")
		return e
	}
	e.sequenceID = e.address(fields, "sequenceId")
	e.stepID = e.address(fields, "stepId")
	delete(fields, "sequenceId")
	delete(fields, "stepId")
	body, err := json.Marshal(fields)
	if err != nil {
		e.problems = append(e.problems, e.label()+": "+safetext.Clean(err.Error()))
		return e
	}
	u, vs := api.ParseStepUpdate(body)
	e.update = u
	e.problems = append(e.problems, violationLines(e.label(), vs)...)
	return e
}

// address reads sequenceId or stepId, noting a problem when it is missing.
func (e *applyEntry) address(fields map[string]json.RawMessage, name string) string {
	var s string
	if err := json.Unmarshal(fields[name], &s); err != nil || s == "" {
		e.problems = append(e.problems, fmt.Sprintf("entry %d: %s is missing; it must be the id as text", e.n, name))
		return ""
	}
	return s
}

// checkEntries checks every well-formed entry with the editor's rules and
// returns every problem of every entry, in file order.
func checkEntries(entries []applyEntry, t api.Target) []string {
	var problems []string
	for _, e := range entries {
		if len(e.problems) > 0 {
			problems = append(problems, e.problems...)
			continue
		}
		problems = append(problems, violationLines(e.label(), checkUpdate(e.update, t))...)
	}
	return problems
}
