package mailtext

// The search for the edits between the decoded and the edited tokens
// (after their common start and end are set aside) costs the edit distance
// times the length in time, and the square of the distance in memory. It
// gives up past alignWork steps (about 10 ms) or maxAlignEdits edits
// (4 MB); a larger rewrite is written fresh in the message's conventions.
const (
	alignWork     = 4_000_000
	maxAlignEdits = 1000
)

// align pairs each edited token with the decoded token it keeps, or -1:
// the longest common subsequence of meanings (Myers' algorithm), so that
// Encode can give back the original bytes of everything not edited.
func align(old, edited []token) []int32 {
	match := make([]int32, len(edited))
	for i := range match {
		match[i] = -1
	}
	prefix := 0
	for prefix < len(old) && prefix < len(edited) && same(&old[prefix], &edited[prefix]) {
		match[prefix] = int32(prefix)
		prefix++
	}
	// An opening tag at the end of the common start is left to the search
	// below: a paragraph typed before another one must not take that
	// paragraph's <p> and leave it a new one.
	for prefix > 0 && isOpen(old[prefix-1].kind) {
		prefix--
		match[prefix] = -1
	}
	suffix := 0
	for suffix < len(old)-prefix && suffix < len(edited)-prefix &&
		same(&old[len(old)-1-suffix], &edited[len(edited)-1-suffix]) {
		match[len(edited)-1-suffix] = int32(len(old) - 1 - suffix)
		suffix++
	}
	a, b := old[prefix:len(old)-suffix], edited[prefix:len(edited)-suffix]
	if len(a) > 0 && len(b) > 0 {
		myers(a, b, func(x, y int) { match[prefix+y] = int32(prefix + x) })
	}
	return match
}

// myers finds a shortest edit script from a to b and reports each kept
// pair (x in a, y in b). It gives up, reporting nothing, past its bound.
func myers(a, b []token, keep func(x, y int)) {
	n, m := len(a), len(b)
	maxD := min(n+m, maxAlignEdits, max(alignWork/(n+m), 16))
	off := maxD + 1
	v := make([]int32, 2*maxD+3)
	// trace holds v[-d..d] after each round d, flat: round d starts at d*d.
	trace := make([]int32, 0, 64)
	for d := 0; d <= maxD; d++ {
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = int(v[off+k+1])
			} else {
				x = int(v[off+k-1]) + 1
			}
			y := x - k
			for x < n && y < m && same(&a[x], &b[y]) {
				x++
				y++
			}
			v[off+k] = int32(x)
			if x >= n && y >= m {
				trace = append(trace, v[off-d:off+d+1]...)
				backtrack(a, b, trace, d, keep)
				return
			}
		}
		trace = append(trace, v[off-d:off+d+1]...)
	}
}

// backtrack walks the rounds of myers back from (len(a), len(b)) and
// reports the diagonal moves, which are the kept pairs.
func backtrack(a, b []token, trace []int32, d int, keep func(x, y int)) {
	at := func(round, k int) int { return int(trace[round*round+k+round]) }
	x, y := len(a), len(b)
	for ; d > 0; d-- {
		k := x - y
		var prevK int
		if k == -d || (k != d && at(d-1, k-1) < at(d-1, k+1)) {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := at(d-1, prevK)
		prevY := prevX - prevK
		for xStart := startOfSnake(prevX, prevK, k); x > xStart; {
			x--
			y--
			keep(x, y)
		}
		x, y = prevX, prevY
	}
	for x > 0 && y > 0 {
		x--
		y--
		keep(x, y)
	}
}

// startOfSnake is where the diagonal run of round d begins on diagonal k,
// coming from prevX on diagonal prevK: one step down (an insertion) keeps
// x, one step right (a deletion) adds one.
func startOfSnake(prevX, prevK, k int) int {
	if prevK == k+1 {
		return prevX
	}
	return prevX + 1
}
