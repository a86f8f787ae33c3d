// Package ui is lemstep's terminal interface: the campaign list, the
// sequence tree, the step editor with its live preview, and the review and
// submit of one PATCH.
package ui

import (
	"time"

	"lemstep/api"
	"lemstep/internal/draft"
	"lemstep/internal/journal"
	"lemstep/theme"
	"lemstep/ui/preview"
)

// Context carries what every screen needs, passed explicitly: the client, the
// theme and styles, the terminal size and where the user is.
type Context struct {
	Client *api.Client
	Theme  *theme.Theme
	Styles Styles
	// Renderer draws message previews; shared so its caches outlive screens.
	Renderer *preview.Renderer
	Demo     bool
	Team     string // the team's name, once loaded
	TeamID   string // and its id, which drafts are stamped with
	Width    int
	Height   int
	Timeout  time.Duration // for each API call
	// Drafts keeps unsent edits; Journal records accepted updates; both
	// name the workspace the steps live in.
	Drafts    *draft.Store
	Journal   *journal.Journal
	Workspace string
	// Workspaces are the saved workspaces w switches between, and
	// CurrentWorkspace the one open (an index into them).
	Workspaces       []Workspace
	CurrentWorkspace int
	// Now is the clock drafts are stamped and aged with.
	Now func() time.Time
}

// Config is what the program needs to start the interface.
type Config struct {
	Client *api.Client
	Demo   bool
	// Dark is the first guess at the terminal's background, used until the
	// terminal answers; NoColor drops every colour.
	Dark    bool
	NoColor bool
	// Timeout bounds each API call; zero means one minute.
	Timeout time.Duration
	// Drafts and Journal are where edits are kept until lemlist accepts
	// them, and where accepted updates are recorded; Workspace names where
	// the steps live ("demo" or the API's base URL).
	Drafts    *draft.Store
	Journal   *journal.Journal
	Workspace string
	// Workspaces are the saved workspaces w on the campaign list switches
	// between, and CurrentWorkspace the index of the one Client is on.
	// Fewer than two: w does nothing.
	Workspaces       []Workspace
	CurrentWorkspace int
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Smallest usable terminal; below it a polite notice replaces the screen.
const (
	minWidth  = 60
	minHeight = 16
)
