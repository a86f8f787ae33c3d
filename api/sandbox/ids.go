package sandbox

import (
	"math/rand/v2"
	"strings"
)

// idAlphabet is the alphabet of Meteor's Random.id(), which lemlist's ids use
// after their type prefix (cam_, seq_, stp_, etp_…): no 0, 1, I, O, U, V or l.
const idAlphabet = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz"

// idLength is the number of characters after the prefix.
const idLength = 17

// idSource makes lemlist-style ids from a seeded generator, so the ids the
// sandbox and the workspace generator hand out are the same on every run.
type idSource struct {
	rng *rand.Rand
}

func newIDSource(seed uint64) *idSource {
	return &idSource{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

// next returns a new id with the prefix, e.g. next("stp_").
func (g *idSource) next(prefix string) string {
	var b strings.Builder
	b.Grow(len(prefix) + idLength)
	b.WriteString(prefix)
	for range idLength {
		b.WriteByte(idAlphabet[g.rng.IntN(len(idAlphabet))])
	}
	return b.String()
}

// ValidID reports whether id has the prefix followed by 17 characters of
// lemlist's id alphabet.
func ValidID(prefix, id string) bool {
	rest, ok := strings.CutPrefix(id, prefix)
	if !ok || len(rest) != idLength {
		return false
	}
	for _, r := range rest {
		if !strings.ContainsRune(idAlphabet, r) {
			return false
		}
	}
	return true
}
