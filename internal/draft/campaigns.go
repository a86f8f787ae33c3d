package draft

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
)

// draftOwner is the part of a draft file that says whose it is.
type draftOwner struct {
	Workspace, Team, CampaignID string
}

// CampaignCounts counts the drafts kept in workspace for each campaign:
// every draft of a step or of a variant B, a separate draft included. It
// is what marks the campaign list, read once for all campaigns, never a
// file per campaign.
//
// A draft counts only where it would be offered: its file is named for
// workspace and the workspace written inside agrees (a file copied from
// another workspace's name does not count), and when both team and the
// draft's team are known they are the same. A draft whose beginning cannot
// be read, or that names no campaign lemlist could have, counts nowhere;
// `lemstep drafts` lists it.
func (s *Store) CampaignCounts(workspace, team string) map[string]int {
	counts := map[string]int{}
	for _, path := range s.workspacePaths(workspace) {
		owner, ok := readOwner(path)
		if !ok || owner.Workspace != workspace || !safeID.MatchString(owner.CampaignID) {
			continue
		}
		if team != "" && owner.Team != "" && owner.Team != team {
			continue
		}
		counts[owner.CampaignID]++
	}
	return counts
}

// workspacePaths are the draft files named for workspace, and those kept
// before drafts were named for their workspace (which say theirs inside).
func (s *Store) workspacePaths(workspace string) []string {
	paths, _ := filepath.Glob(filepath.Join(s.dir, "*@"+workspaceKey(workspace)+"*.json"))
	legacy, _ := filepath.Glob(filepath.Join(s.dir, "*.json"))
	for _, path := range legacy {
		if !strings.Contains(filepath.Base(path), "@") {
			paths = append(paths, path)
		}
	}
	return paths
}

// ownerKeys are the keys of a draft that say whose it is, each a bit of
// what readOwner has seen.
const (
	seenWorkspace = 1 << iota
	seenTeam
	seenCampaign
	seenAll = seenWorkspace | seenTeam | seenCampaign
)

// readOwner reads whose the draft at path is. A draft begins with its
// workspace, team and campaign (see Draft), so the reading stops once it
// has them rather than decoding the two copies of the step that follow,
// which may hold long messages: marking the campaign list costs a few
// hundred bytes a draft. A draft saved before its team was known has no
// team, and is read to its end to be sure of it.
func readOwner(path string) (owner draftOwner, ok bool) {
	f, err := os.Open(path)
	if err != nil {
		return owner, false
	}
	defer f.Close()
	dec := json.NewDecoder(f) // it reads ahead in small blocks itself
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return owner, false
	}
	seen := 0
	for seen != seenAll && dec.More() {
		t, err := dec.Token()
		if err != nil {
			return owner, false
		}
		var into *string
		switch t {
		case "workspace":
			into, seen = &owner.Workspace, seen|seenWorkspace
		case "team":
			into, seen = &owner.Team, seen|seenTeam
		case "campaignId":
			into, seen = &owner.CampaignID, seen|seenCampaign
		}
		if into == nil {
			var skipped json.RawMessage
			err = dec.Decode(&skipped)
		} else {
			err = dec.Decode(into)
		}
		if err != nil {
			return owner, false
		}
	}
	if seen != seenAll {
		// Read to the end, the object must close: a file cut short says
		// nothing for sure.
		if t, err := dec.Token(); err != nil || t != json.Delim('}') {
			return owner, false
		}
	}
	return owner, true
}
