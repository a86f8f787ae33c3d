package api_test

import (
	"encoding/json"
	"testing"

	"lemstep/api"
)

// FuzzDecodeSequences feeds arbitrary bytes to the decoding of GET
// /campaigns/{id}/sequences and to BuildTree: hostile data may be refused,
// never panic or loop.
func FuzzDecodeSequences(f *testing.F) {
	f.Add([]byte(sequencesBody))
	f.Add([]byte(`{"a":{"level":0,"steps":[{"_id":"s","type":"conditional","conditions":[{"sequenceId":"a"},{"sequenceId":"a","fallback":true}]}]}}`))
	f.Add([]byte(`{"a":{"level":0,"steps":[{"type":"conditional","conditions":[{"sequenceId":"b"}]}]},"b":{"level":1,"steps":[{"type":"conditional","conditions":[{"sequenceId":"a"}]}]}}`))
	f.Add([]byte(`{"a":{"level":0,"steps":[{"delay":-5,"abTest":"B"},{"delay":2147483647},{"delay":2147483647}]}}`))
	f.Add([]byte(`{"a":null}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var seqs api.Sequences
		if json.Unmarshal(data, &seqs) != nil {
			return
		}
		tr, err := api.BuildTree(seqs)
		if err != nil {
			return
		}
		count := 0
		tr.Walk(func(api.Node, int) { count++ })
		total := 0
		for _, s := range seqs {
			total += len(s.Steps)
		}
		// Each sequence enters the tree at most once.
		if count > total {
			t.Fatalf("tree has %d nodes for %d steps", count, total)
		}
	})
}
