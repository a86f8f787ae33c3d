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

// demoStateDir holds everything of the demo: its data, drafts and journal,
// apart from those of real workspaces, so that deleting it starts the demo
// afresh and nothing else.
func (a *app) demoStateDir() string { return filepath.Join(a.stateDir(), "demo") }

// workStateDir is where the drafts and journal of this run's workspace
// live: the demo's own directory with --demo, else lemstep's state
// directory.
func (a *app) workStateDir() string {
	if a.flags.demo {
		return a.demoStateDir()
	}
	return a.stateDir()
}

// drafts is the store of unsent edits.
func (a *app) drafts() *draft.Store {
	return draft.Open(filepath.Join(a.workStateDir(), "drafts"))
}

// journal is the record of every update lemlist accepted.
func (a *app) journal() *journal.Journal {
	return journal.Open(filepath.Join(a.workStateDir(), "journal.jsonl"))
}

// demoWorkspace names the embedded sandbox in drafts and the journal.
const demoWorkspace = "demo"

// profileMark joins a base URL and a profile's name in a workspace key:
// two profiles on one base URL are two lemlist teams, and their drafts and
// journal entries must never meet.
const profileMark = "#profile="

// workspace names where a session's steps live, for drafts and the journal:
// the demo, or the API's base URL (never the key).
func (s *session) workspace() string {
	if s.demo {
		return demoWorkspace
	}
	if s.profile != "" {
		return s.client.BaseURL() + profileMark + s.profile
	}
	return s.client.BaseURL()
}
