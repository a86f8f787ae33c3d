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

// credentials are what a request presents to authenticate, read once per
// request. lemlist ignores the user name (it should be empty), so a client
// that puts the key in the user name ends up sending no key.
type credentials struct {
	header bool   // an Authorization header was sent
	basic  bool   // it holds Basic credentials
	key    string // their password, "" when there is none
}

func presented(r *http.Request) credentials {
	_, key, ok := r.BasicAuth()
	if !ok {
		key = ""
	}
	return credentials{header: r.Header.Get("Authorization") != "", basic: ok, key: key}
}

// check returns the status and text refusing the credentials, or 0 when the
// key is accepted.
func (k keyring) check(c credentials) (int, string) {
	switch key := c.key; {
	case !c.header:
		return http.StatusBadRequest, msgNoKey
	case !c.basic:
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
