package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/BurntSushi/toml"
	"github.com/adrg/xdg"

	"lemstep/internal/safefile"
	"lemstep/internal/safetext"
)

// configFile is what `lemstep auth login` saves, readable by its owner
// only: the key used when no profile is chosen at the top, and one table per
// named profile (a lemlist workspace: an agency keeps one per client).
type configFile struct {
	profileConfig
	Profiles map[string]profileConfig `toml:"profiles,omitempty"`
}

// profileConfig is one saved key, where it goes, and the team it was
// checked against, so that `auth list` names teams without a request.
type profileConfig struct {
	APIKey   string `toml:"api_key,omitempty"`
	BaseURL  string `toml:"base_url,omitempty"`
	TeamName string `toml:"team_name,omitempty"`
	TeamID   string `toml:"team_id,omitempty"`
}

// configPath is $XDG_CONFIG_HOME/lemstep/config.toml, read from the
// environment each time so tests can point it elsewhere.
func (a *app) configPath() string {
	return filepath.Join(a.xdgDir("XDG_CONFIG_HOME", xdg.ConfigHome), "config.toml")
}

// savedKey reads the key (and the base URL saved with it) of profile ("" for
// the one saved without a name) from the config file, refusing a file that
// other users can read.
func (a *app) savedKey(profile string) (profileConfig, keySource, error) {
	path := a.configPath()
	cfg, err := readConfig(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return profileConfig{}, "", err
	}
	if profile != "" {
		p, ok := cfg.Profiles[profile]
		if !ok || p.APIKey == "" {
			return profileConfig{}, "", usageError("there is no profile %q; `lemstep auth list` lists the profiles, "+
				"`lemstep auth login --profile %s` saves one", safetext.Line(profile), safetext.Line(profile))
		}
		return p, keySource(fmt.Sprintf("the profile %q in the config file %s", profile, path)), nil
	}
	if cfg.APIKey == "" {
		return profileConfig{}, "", &exitError{code: exitUsage, err: errNoKey}
	}
	return cfg.profileConfig, keySource("the config file " + path), nil
}

func readConfig(path string) (configFile, error) {
	info, err := os.Stat(path)
	if err != nil {
		return configFile{}, err
	}
	if info.Mode().Perm()&0o077 != 0 {
		return configFile{}, fmt.Errorf("the config file %s can be read by other users, so its key is not used; run: chmod 600 %s", path, path)
	}
	data, err := readFile(path, maxConfigInput, "a config file")
	if err != nil {
		return configFile{}, err
	}
	var cfg configFile
	if _, err := toml.Decode(string(data), &cfg); err != nil {
		return configFile{}, configError(path, err)
	}
	return cfg, nil
}

// configError says what is wrong with the config file without quoting any
// of it: the TOML parser's own words quote the value it choked on, and in
// this file that value is most likely the key (an unquoted api_key).
func configError(path string, err error) error {
	where := ""
	var perr toml.ParseError
	if errors.As(err, &perr) && perr.Position.Line > 0 {
		where = fmt.Sprintf(" (line %d)", perr.Position.Line)
	}
	var fsErr *fs.PathError
	if errors.As(err, &fsErr) {
		return fmt.Errorf("could not read the config file %s: %w", path, fsErr.Err)
	}
	return fmt.Errorf("the config file %s is not valid TOML%s; its content is not shown, as it holds your API key. "+
		"Values need quotes (api_key = \"...\"); or run `lemstep auth login` to write it again", path, where)
}

// writeConfig saves cfg atomically with mode 0600, in a directory made 0700
// when lemstep makes it; one that was already there keeps its mode. A link
// at the file or at lemstep's directory is refused, never followed.
func writeConfig(path string, cfg configFile) error {
	if _, err := safefile.Dir(filepath.Dir(path)); err != nil {
		return fmt.Errorf("could not create the config directory: %w", err)
	}
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(cfg); err != nil {
		return err
	}
	return safefile.Replace(path, b.Bytes())
}
