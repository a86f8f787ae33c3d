// Package draft keeps the edits made to a step on disk until lemlist has
// accepted them, so a refused request, a crash or a closed terminal loses
// nothing. A draft holds the step as it was loaded and as it was edited;
// each lives in its own file, replaced atomically on every save.
package draft

import (
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
)

// Draft is one step's unsent edit.
type Draft struct {
	// Workspace is where the step lives: "demo" or the API's base URL.
	Workspace    string    `json:"workspace"`
	CampaignID   string    `json:"campaignId"`
	CampaignName string    `json:"campaignName,omitempty"`
	SavedAt      time.Time `json:"savedAt"`
	// Loaded is the step as it was when editing began: the base the
	// conflict check compares lemlist's current version with.
	Loaded api.Step `json:"loaded"`
	// Edited is the step with every edit applied.
	Edited api.Step `json:"edited"`
}

// StepID is the step the draft edits.
func (d Draft) StepID() string { return d.Loaded.ID }

// Store is a directory of drafts, one file per step.
type Store struct{ dir string }

// Open returns the store kept in dir, created on the first save.
func Open(dir string) *Store { return &Store{dir: dir} }

// Dir is where the store keeps its files.
func (s *Store) Dir() string { return s.dir }

// lemlist ids are letters, digits and underscores; anything else in a step
// id would not be safe as a file name.
var safeID = regexp.MustCompile(`^[A-Za-z0-9_-]{1,128}$`)

func (s *Store) path(stepID string) (string, error) {
	if !safeID.MatchString(stepID) {
		return "", fmt.Errorf("cannot keep a draft for step id %q", stepID)
	}
	return filepath.Join(s.dir, stepID+".json"), nil
}

// Save writes d, replacing the step's previous draft. The file is written
// beside its final name and renamed over it, so a crash mid-write leaves the
// previous draft whole. Only its owner can read it.
func (s *Store) Save(d Draft) error {
	path, err := s.path(d.StepID())
	if err != nil {
		return err
	}
	data, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return fmt.Errorf("encode draft: %w", err)
	}
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return fmt.Errorf("save draft: %w", err)
	}
	tmp, err := os.CreateTemp(s.dir, "."+d.StepID()+"-*.tmp")
	if err != nil {
		return fmt.Errorf("save draft: %w", err)
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("save draft: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("save draft: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("save draft: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("save draft: %w", err)
	}
	syncDir(s.dir)
	return nil
}

// syncDir makes a rename in dir durable across a power cut. It is best
// effort: some systems cannot sync a directory, and the draft is already
// whole under its name either way.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// Load returns the draft for stepID; ok is false when there is none.
func (s *Store) Load(stepID string) (d Draft, ok bool, err error) {
	path, err := s.path(stepID)
	if err != nil {
		return Draft{}, false, err
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Draft{}, false, nil
	}
	if err != nil {
		return Draft{}, false, fmt.Errorf("read draft: %w", err)
	}
	if err := json.Unmarshal(data, &d); err != nil {
		return Draft{}, false, fmt.Errorf("draft %s is damaged (%v); it is left in place", path, err)
	}
	return d, true, nil
}

// Remove deletes the draft for stepID; removing a draft that is not there
// is not an error.
func (s *Store) Remove(stepID string) error {
	path, err := s.path(stepID)
	if err != nil {
		return err
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove draft: %w", err)
	}
	return nil
}

// StepIDs lists the steps that have a draft, without reading them: cheap
// enough to mark drafts in a list each time it is shown.
func (s *Store) StepIDs() []string {
	names, _ := filepath.Glob(filepath.Join(s.dir, "*.json"))
	ids := make([]string, 0, len(names))
	for _, name := range names {
		ids = append(ids, strings.TrimSuffix(filepath.Base(name), ".json"))
	}
	return ids
}

// List returns every readable draft, newest first.
func (s *Store) List() ([]Draft, error) {
	names, err := filepath.Glob(filepath.Join(s.dir, "*.json"))
	if err != nil {
		return nil, err
	}
	var ds []Draft
	for _, name := range names {
		id := strings.TrimSuffix(filepath.Base(name), ".json")
		if d, ok, err := s.Load(id); err == nil && ok {
			ds = append(ds, d)
		}
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i].SavedAt.After(ds[j].SavedAt) })
	return ds, nil
}
