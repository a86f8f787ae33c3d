package api

import (
	"strings"
	"testing"
)

// BenchmarkScrub measures scrubbing a debug log's body: text with no key
// (the usual case), and JSON whose escapes must be read as well.
func BenchmarkScrub(b *testing.B) {
	s := newScrubber("8c1f3a52-9e7d-4b60-a1c4-2f5d8e9b7a31")
	plain := strings.Repeat(`{"_id":"stp_cWXvLWqWsRAZWdQMK","subject":"Quick question about {{companyName}}"},`, 800) // 64 KiB
	escaped := strings.Repeat(`{"message":"Caf\u00e9 \u2014 d\u00e9j\u00e0 vu","x":"\/a\/b"},`, 1300)
	for name, text := range map[string]string{"64KiB plain": plain, "64KiB escaped": escaped} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				_ = s.scrub(text)
			}
		})
	}
}
