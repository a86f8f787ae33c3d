package cli

import (
	"path/filepath"

	"github.com/adrg/xdg"

	"lemstep/internal/draft"
	"lemstep/internal/journal"
)

// stateDir is $XDG_STATE_HOME/lemstep, where drafts and the journal live,
// read from the environment each time so tests can point it elsewhere.
func (a *app) stateDir() string {
	return a.xdgDir("XDG_STATE_HOME", xdg.StateHome)
}

// xdgDir is lemstep's directory under the XDG base directory that the
// environment variable env names, else under fallback (xdg's default).
func (a *app) xdgDir(env, fallback string) string {
	dir := a.getenv(env)
	if dir == "" {
		dir = fallback
	}
	return filepath.Join(dir, "lemstep")
}

// drafts is the store of unsent edits.
func (a *app) drafts() *draft.Store {
	return draft.Open(filepath.Join(a.stateDir(), "drafts"))
}

// journal is the record of every update lemlist accepted.
func (a *app) journal() *journal.Journal {
	return journal.Open(filepath.Join(a.stateDir(), "journal.jsonl"))
}

// demoWorkspace names the embedded sandbox in drafts and the journal.
const demoWorkspace = "demo"

// workspace names where a session's steps live, for drafts and the journal:
// the demo, or the API's base URL (never the key).
func (s *session) workspace() string {
	if s.demo {
		return demoWorkspace
	}
	return s.client.BaseURL()
}
