package sandbox

import (
	"net/http"
	"slices"
)

// The texts lemlist answers when a key is missing or refused (REFERENCE §1.3).
const (
	msgNoKey      = "No API key provided"
	msgBadKey     = "The authentication you supplied is incorrect"
	msgBlocked    = "User linked to this API key is blocked"
	msgUnknownKey = "No user found for this API key"
)

// keyring decides what a presented API key is worth.
type keyring struct {
	accepted []string
	blocked  []string
	unknown  []string
}

func newKeyring(o Options) keyring {
	return keyring{
		accepted: slices.Clone(o.Keys),
		blocked:  slices.Clone(o.BlockedKeys),
		unknown:  slices.Clone(o.UnknownKeys),
	}
}

// presentedKey is the password of the request's Basic credentials, "" when
// there is none. lemlist ignores the user name (it should be empty), so a
// client that puts the key in the user name ends up sending no key.
func presentedKey(r *http.Request) string {
	_, key, ok := r.BasicAuth()
	if !ok {
		return ""
	}
	return key
}

// check returns the status and text refusing the request, or 0 when the key
// is accepted.
func (k keyring) check(r *http.Request) (int, string) {
	header := r.Header.Get("Authorization")
	if header == "" {
		return http.StatusBadRequest, msgNoKey
	}
	_, key, ok := r.BasicAuth()
	switch {
	case !ok:
		// Bearer tokens and malformed headers: lemlist only speaks Basic.
		return http.StatusUnauthorized, msgBadKey
	case key == "":
		return http.StatusBadRequest, msgNoKey
	case slices.Contains(k.blocked, key):
		return http.StatusForbidden, msgBlocked
	case slices.Contains(k.unknown, key):
		return http.StatusNotFound, msgUnknownKey
	case len(k.accepted) == 0 || slices.Contains(k.accepted, key):
		return 0, ""
	}
	return http.StatusUnauthorized, msgBadKey
}
