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
)

// configFile is what `lemstep auth login` saves: the key, readable by its
// owner only.
type configFile struct {
	APIKey  string `toml:"api_key"`
	BaseURL string `toml:"base_url,omitempty"`
}

// configPath is $XDG_CONFIG_HOME/lemstep/config.toml, read from the
// environment each time so tests can point it elsewhere.
func (a *app) configPath() string {
	return filepath.Join(a.xdgDir("XDG_CONFIG_HOME", xdg.ConfigHome), "config.toml")
}

// savedKey reads the key (and the base URL saved with it) from the config
// file, refusing a file that other users can read.
func (a *app) savedKey() (configFile, keySource, error) {
	path := a.configPath()
	cfg, err := readConfig(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return configFile{}, "", &exitError{code: exitUsage, err: errNoKey}
	case err != nil:
		return configFile{}, "", err
	case cfg.APIKey == "":
		return configFile{}, "", &exitError{code: exitUsage, err: errNoKey}
	}
	return cfg, keySource("the config file " + path), nil
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
