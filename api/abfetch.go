package api

import (
	"context"
	"maps"
	"slices"
	"sync"
)

// abFetchers is how many variant-B reads run at once. The client's rate
// limiter still paces them; a few in flight hide each answer's latency
// without queueing a whole campaign's worth of goroutines on the limiter.
const abFetchers = 4

// ABVariantResult is variant B of one step, or why it could not be read.
type ABVariantResult struct {
	SequenceID string
	StepID     string
	Variant    ABVariant
	Err        error
}

// ABTestedSteps lists the steps of seqs that have, or had, an A/B test, in
// the order of the tree (steps of sequences lemstep cannot place last).
func ABTestedSteps(seqs Sequences) []Step {
	var out []Step
	seen := map[string]bool{}
	add := func(st Step) {
		if st.ABTest.Active() && !seen[st.ID] {
			seen[st.ID] = true
			out = append(out, st)
		}
	}
	if tree, err := BuildTree(seqs); err == nil {
		tree.Walk(func(n Node, _ int) { add(n.Step) })
	}
	ids := slices.Sorted(maps.Keys(seqs))
	for _, id := range ids {
		for _, st := range seqs[id].Steps {
			if st.SequenceID == "" {
				st.SequenceID = id
			}
			add(st)
		}
	}
	return out
}

// ABVariantsOf reads variant B of each step, a few at a time within the
// client's rate limit, and returns one result per step in the steps' order.
// A step lemlist refuses (402 plan, 404 no variant…) has its Err set; the
// others are unaffected.
func (c *Client) ABVariantsOf(ctx context.Context, steps []Step) []ABVariantResult {
	results := make([]ABVariantResult, len(steps))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(abFetchers, len(steps)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				st := steps[i]
				b, err := c.ABVariant(ctx, st.SequenceID, st.ID)
				results[i] = ABVariantResult{SequenceID: st.SequenceID, StepID: st.ID, Variant: b, Err: err}
			}
		}()
	}
	for i := range steps {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return results
}
