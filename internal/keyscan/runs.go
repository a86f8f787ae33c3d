package keyscan

import "bytes"

// LeakRun is how many consecutive characters of a key count as a leak: part
// of a key shortens the search for the rest, and a message cut short can
// hold most of one.
const LeakRun = 8

// FindRun reports whether text holds n consecutive characters of key in any
// of its forms, and if so words for the form and where in text the run
// starts. A form shorter than n counts only whole. It panics on an empty key
// or an n below 1.
func FindRun(text []byte, key string, n int) (form string, at int, found bool) {
	if n < 1 {
		panic("keyscan: run length below 1")
	}
	for _, f := range variants(key) {
		if len(f.text) <= n {
			if i := bytes.Index(text, []byte(f.text)); i >= 0 {
				return f.desc, i, true
			}
			continue
		}
		for start := 0; start+n <= len(f.text); start++ {
			if i := bytes.Index(text, []byte(f.text[start:start+n])); i >= 0 {
				return f.desc + " (part of it)", i, true
			}
		}
	}
	return "", 0, false
}
