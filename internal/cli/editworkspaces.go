package cli

import (
	"maps"
	"slices"
	"sync"

	"lemstep/ui"
)

// editorWorkspaces are the saved workspaces the editor's w switches
// between: the key saved without a name and every profile, with the
// index of the one s is on. A session whose key came from elsewhere
// (LEMLIST_API_KEY, --api-key-file) is first in the list, so w can come
// back to it. The demo switches nowhere. closeAll closes what switching
// opened.
func (a *app) editorWorkspaces(s *session) (list []ui.Workspace, current int, closeAll func()) {
	var mu sync.Mutex
	var closers []func()
	closeAll = func() {
		mu.Lock()
		defer mu.Unlock()
		for _, c := range closers {
			c()
		}
	}
	if s.demo {
		return nil, 0, closeAll
	}
	cfg, err := readConfig(a.configPath())
	if err != nil {
		return nil, 0, closeAll
	}
	here := ui.WorkspaceSession{Client: s.client, Key: s.workspace()}
	open := func(profile string) func() (ui.WorkspaceSession, error) {
		return func() (ui.WorkspaceSession, error) {
			if profile == s.profile && s.fromConfig {
				return here, nil
			}
			o, err := a.openProfile(profile)
			if err != nil {
				return ui.WorkspaceSession{}, err
			}
			mu.Lock()
			closers = append(closers, o.close)
			mu.Unlock()
			return ui.WorkspaceSession{Client: o.client, Key: o.workspace()}, nil
		}
	}
	current = -1
	if cfg.APIKey != "" {
		list = append(list, ui.Workspace{Name: defaultProfile, Team: cfg.TeamName, Connect: open("")})
		if s.fromConfig && s.profile == "" {
			current = 0
		}
	}
	for _, name := range slices.Sorted(maps.Keys(cfg.Profiles)) {
		if s.fromConfig && s.profile == name {
			current = len(list)
		}
		list = append(list, ui.Workspace{Name: name, Team: cfg.Profiles[name].TeamName, Connect: open(name)})
	}
	if current < 0 {
		list = slices.Insert(list, 0, ui.Workspace{Name: "this session's key", Connect: func() (ui.WorkspaceSession, error) { return here, nil }})
		current = 0
	}
	return list, current, closeAll
}

// openProfile connects to a saved profile ("" for the key saved without a
// name), as --profile would.
func (a *app) openProfile(profile string) (*session, error) {
	cfg, source, err := a.savedKey(profile)
	if err != nil {
		return nil, err
	}
	creds := credentials{key: cfg.APIKey, source: source, profile: profile, fromConfig: true, baseURL: a.baseURL()}
	switch {
	case profile != "":
		if creds, err = a.profileBaseURL(creds, cfg); err != nil {
			return nil, err
		}
	case cfg.BaseURL != "" && !a.baseURLGiven():
		creds.baseURL = cfg.BaseURL
	}
	debug, closeLog, err := a.openDebugLog()
	if err != nil {
		return nil, err
	}
	opts, err := a.clientOptions(debug, userAgent())
	if err != nil {
		closeLog()
		return nil, err
	}
	opts.workspace = profile
	client, err := newClient(creds, opts)
	if err != nil {
		closeLog()
		return nil, err
	}
	return &session{client: client, profile: profile, fromConfig: true, close: closeLog}, nil
}
