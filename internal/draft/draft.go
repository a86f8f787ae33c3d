// Package draft keeps the edits made to a step on disk until lemlist has
// accepted them, so a refused request, a crash or a closed terminal loses
// nothing. A draft holds the step as it was loaded and as it was edited;
// each lives in its own file, replaced atomically on every save.
//
// A draft belongs to a workspace (the API's base URL, or "demo") and, once
// known, a team: the sandbox and the demo reuse step ids, and one must never
// be offered the other's edits. The file's name says the step and the
// workspace; the team is inside. While a lemstep edits a step it holds the
// draft's lock (see lease.go), so a second lemstep on the same step is told
// instead of the two overwriting each other's edits.
package draft

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"lemstep/api"
	"lemstep/internal/safefile"
)

// Draft is one step's unsent edit.
type Draft struct {
	// Workspace is where the step lives: "demo" or the API's base URL.
	Workspace string `json:"workspace"`
	// Team is the lemlist team's id, when it was known at the save.
	Team         string    `json:"team,omitempty"`
	CampaignID   string    `json:"campaignId"`
	CampaignName string    `json:"campaignName,omitempty"`
	SavedAt      time.Time `json:"savedAt"`
	// Loaded is the step as it was when editing began: the base the
	// conflict check compares lemlist's current version with.
	Loaded api.Step `json:"loaded"`
	// Edited is the step with every edit applied.
	Edited api.Step `json:"edited"`
	// Variant, when set, makes this a draft of the step's variant B: Loaded
	// and Edited are then the step (variant A) as loaded, and Variant holds
	// the edit of B.
	Variant *VariantEdit `json:"variant,omitempty"`
}

// StepID is the step the draft edits.
func (d Draft) StepID() string { return d.Loaded.ID }

// ErrDamaged is wrapped by the error of a draft file that cannot be read.
var ErrDamaged = errors.New("damaged draft")

// Store is a directory of drafts, one file per step and workspace.
type Store struct{ dir string }

// Open returns the store kept in dir, created on the first save.
func Open(dir string) *Store { return &Store{dir: dir} }

// Dir is where the store keeps its files.
func (s *Store) Dir() string { return s.dir }

// lemlist ids are letters, digits and underscores; anything else in a step
// id would not be safe as a file name.
var safeID = regexp.MustCompile(`^[A-Za-z0-9_-]{1,128}$`)

// safeKey is a draft's key: a safe step id, or VariantKey of one.
var safeKey = regexp.MustCompile(`^[A-Za-z0-9_-]{1,128}(\+B)?$`)

// workspaceKey names a workspace in file names: short, and the same for
// every spelling lemstep is given of it.
func workspaceKey(workspace string) string {
	sum := sha256.Sum256([]byte(workspace))
	return hex.EncodeToString(sum[:6])
}

// name is the file name (without ".json") of a step's draft in workspace:
// slot 1 is the draft, slots from 2 the separate drafts made while another
// lemstep held the first.
func name(workspace, stepID string, slot int) (string, error) {
	if !safeKey.MatchString(stepID) {
		return "", fmt.Errorf("cannot keep a draft for step id %q", stepID)
	}
	n := stepID + "@" + workspaceKey(workspace)
	if slot > 1 {
		n += fmt.Sprintf("~%d", slot)
	}
	return n, nil
}

// stepOf is the key a draft file's name starts with: a step id, or
// VariantKey of one.
func stepOf(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), ".json")
	id, _, _ := strings.Cut(base, "@")
	return id
}

// save writes d to path, replacing the file atomically (a crash leaves the
// previous draft whole), readable by its owner only, never through a link.
func (s *Store) save(path string, d Draft) error {
	data, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return fmt.Errorf("encode draft: %w", err)
	}
	if err := s.checkDir(); err != nil {
		return fmt.Errorf("save draft: %w", err)
	}
	if err := safefile.Replace(path, data); err != nil {
		return fmt.Errorf("save draft: %w", err)
	}
	return nil
}

// checkDir makes the store's directory, and refuses a link at it or at
// the directory holding it (lemstep's own state directory).
func (s *Store) checkDir() error {
	if _, err := safefile.Dir(filepath.Dir(s.dir)); err != nil {
		return err
	}
	_, err := safefile.Dir(s.dir)
	return err
}

// load reads the draft at path; ok is false when there is none, and a file
// that is there but cannot be read is an error wrapping ErrDamaged.
func load(path string) (d Draft, ok bool, err error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Draft{}, false, nil
	}
	if err != nil {
		return Draft{}, false, fmt.Errorf("read draft: %w", err)
	}
	if err := json.Unmarshal(data, &d); err != nil {
		return Draft{}, false, fmt.Errorf("%w: %s cannot be read (%v); it is left in place", ErrDamaged, path, err)
	}
	if !safeID.MatchString(d.StepID()) {
		return Draft{}, false, fmt.Errorf("%w: %s names no step; it is left in place", ErrDamaged, path)
	}
	return d, true, nil
}

func remove(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove draft: %w", err)
	}
	return nil
}

// legacyPath is where lemstep kept a step's draft before drafts belonged to
// a workspace; such a draft is still offered in the workspace it names.
func (s *Store) legacyPath(stepID string) string {
	return filepath.Join(s.dir, stepID+".json")
}

// StepIDs lists the steps that have a draft in workspace, without reading
// them: cheap enough to mark drafts in a list each time it is shown.
func (s *Store) StepIDs(workspace string) []string {
	var ids []string
	for _, path := range s.workspacePaths(workspace) {
		ids = append(ids, stepOf(path))
	}
	return ids
}

// Listed is one draft file as List finds it: the draft, or why it cannot
// be read.
type Listed struct {
	Path   string
	StepID string
	Draft  Draft
	Err    error // wraps ErrDamaged when the file cannot be read
}

// List returns every draft of every workspace, newest first, then those
// that cannot be read, so none goes unmentioned.
func (s *Store) List() ([]Listed, error) {
	names, err := filepath.Glob(filepath.Join(s.dir, "*.json"))
	if err != nil {
		return nil, err
	}
	var good, bad []Listed
	for _, path := range names {
		l := Listed{Path: path, StepID: strings.TrimSuffix(stepOf(path), variantMark)}
		d, ok, err := load(path)
		switch {
		case err != nil:
			l.Err = err
			bad = append(bad, l)
		case ok:
			l.Draft = d
			good = append(good, l)
		}
	}
	sort.SliceStable(good, func(i, j int) bool { return good[i].Draft.SavedAt.After(good[j].Draft.SavedAt) })
	return append(good, bad...), nil
}

// Discard removes every draft of stepID (its variant B's included) in every
// workspace that no running lemstep is editing, damaged ones included, and
// returns the files removed.
// A draft another lemstep holds is left, with ErrBusy.
func (s *Store) Discard(stepID string) (removed []string, err error) {
	if !safeID.MatchString(stepID) {
		return nil, fmt.Errorf("cannot keep a draft for step id %q", stepID)
	}
	paths, _ := filepath.Glob(filepath.Join(s.dir, stepID+"@*.json"))
	ofB, _ := filepath.Glob(filepath.Join(s.dir, VariantKey(stepID)+"@*.json"))
	paths = append(paths, ofB...)
	if _, err := os.Lstat(s.legacyPath(stepID)); err == nil {
		paths = append(paths, s.legacyPath(stepID))
	}
	for _, path := range paths {
		l, lerr := s.lockPath(path)
		if lerr != nil {
			err = errors.Join(err, lerr)
			continue
		}
		if rerr := remove(path); rerr != nil {
			err = errors.Join(err, rerr)
		} else {
			removed = append(removed, path)
		}
		l.Release()
	}
	return removed, err
}
