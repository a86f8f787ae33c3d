package cli

import (
	"net/url"
	"strings"
)

// workspaceNamer says a workspace's key (as drafts and the journal keep
// it) the way a person knows it: "demo", the profile's name, or the host
// requests went to.
type workspaceNamer struct{}

// name is the short name of the workspace key ws.
func (workspaceNamer) name(ws string) string {
	if ws == demoWorkspace {
		return ws
	}
	base, profile, ok := strings.Cut(ws, profileMark)
	if ok && profile != "" {
		return profile
	}
	if u, err := url.Parse(base); err == nil && u.Host != "" {
		return u.Host
	}
	return ws
}
