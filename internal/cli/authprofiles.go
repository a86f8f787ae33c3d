package cli

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"lemstep/internal/safetext"
)

func (a *app) listCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the saved profiles and their teams (never the keys)",
		Long: "Lists the keys `lemstep auth login` saved: each profile's name, the lemlist team it was\n" +
			"checked against and where its requests go; the key saved without a name is \"(default)\".\n" +
			"The one lemstep would use now is marked with *. It reads only the config file: no network.",
		Example: "  lemstep auth list",
		Args:    noArgs,
		RunE:    func(*cobra.Command, []string) error { return a.runAuthList() },
	}
}

// defaultProfile is how lists name the key saved without a profile name.
const defaultProfile = "(default)"

func (a *app) runAuthList() error {
	cfg, err := readConfig(a.configPath())
	if errors.Is(err, fs.ErrNotExist) || err == nil && cfg.APIKey == "" && len(cfg.Profiles) == 0 {
		_, err := fmt.Fprintln(a.io.Out, "No key is saved. `lemstep auth login --profile NAME` saves one.")
		return err
	}
	if err != nil {
		return err
	}
	current := a.profile()
	if current == "" && (a.flags.apiKeyFile != "" || a.getenv("LEMLIST_API_KEY") != "") {
		current = "\x00" // a key from elsewhere: no saved one is used
	}
	rows := [][]string{{"", "PROFILE", "TEAM", "REQUESTS GO TO"}}
	add := func(name, mark string, p profileConfig) {
		team := safetext.Line(p.TeamName)
		if p.TeamID != "" {
			team += " (" + safetext.Line(p.TeamID) + ")"
		}
		rows = append(rows, []string{mark, name, strings.TrimSpace(team), safetext.Line(cmp.Or(p.BaseURL, defaultBaseURL))})
	}
	if cfg.APIKey != "" {
		add(defaultProfile, markIf(current == ""), cfg.profileConfig)
	}
	for _, name := range slices.Sorted(maps.Keys(cfg.Profiles)) {
		add(safetext.Line(name), markIf(current == name), cfg.Profiles[name])
	}
	return writeTable(a.io.Out, nil, rows, nil)
}

func markIf(b bool) string {
	if b {
		return "*"
	}
	return ""
}

func (a *app) logoutCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "logout",
		Short: "Remove a saved API key (--profile NAME for a profile's)",
		Long: "Removes the key saved without a profile name, or with --profile NAME that profile's key,\n" +
			"from the config file `lemstep auth login` wrote; the other profiles are kept, and the file\n" +
			"goes when it holds no key any more. Keys given by LEMLIST_API_KEY or --api-key-file are\n" +
			"not affected.",
		Example: "  lemstep auth logout\n  lemstep auth logout --profile acme",
		Args:    noArgs,
		RunE:    func(*cobra.Command, []string) error { return a.runLogout(a.profile()) },
	}
}

func (a *app) runLogout(profile string) error {
	path := a.configPath()
	cfg, err := readConfig(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		fmt.Fprintf(a.io.Out, "No key was saved (there is no %s).\n", path)
		return nil
	case err != nil:
		return err
	}
	if profile != "" {
		if _, ok := cfg.Profiles[profile]; !ok {
			fmt.Fprintf(a.io.Out, "No profile %q was saved; `lemstep auth list` lists them.\n", safetext.Line(profile))
			return nil
		}
		delete(cfg.Profiles, profile)
	} else {
		if cfg.APIKey == "" {
			fmt.Fprintf(a.io.Out, "No key was saved without a profile name in %s; `lemstep auth list` lists the profiles.\n", path)
			return nil
		}
		cfg.profileConfig = profileConfig{}
	}
	if err := a.keepOrRemoveConfig(path, cfg); err != nil {
		return fmt.Errorf("could not remove the saved key: %w", err)
	}
	if profile != "" {
		fmt.Fprintf(a.io.Out, "Removed the profile %q from %s.\n", profile, path)
	} else {
		fmt.Fprintf(a.io.Out, "Removed the key saved in %s.\n", path)
	}
	if a.getenv("LEMLIST_API_KEY") != "" && profile == "" {
		fmt.Fprintln(a.io.ErrOut, "Note: LEMLIST_API_KEY is still set in this shell; lemstep keeps using it.")
	}
	return nil
}

// keepOrRemoveConfig writes cfg back, or removes the file when it holds no
// key any more.
func (a *app) keepOrRemoveConfig(path string, cfg configFile) error {
	if cfg.APIKey == "" && len(cfg.Profiles) == 0 {
		return os.Remove(path)
	}
	return writeConfig(path, cfg)
}
