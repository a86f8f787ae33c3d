package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/BurntSushi/toml"
	"github.com/adrg/xdg"
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
	dir := a.getenv("XDG_CONFIG_HOME")
	if dir == "" {
		dir = xdg.ConfigHome
	}
	return filepath.Join(dir, "lemstep", "config.toml")
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
	var cfg configFile
	if _, err := toml.DecodeFile(path, &cfg); err != nil {
		return configFile{}, fmt.Errorf("the config file %s is not valid TOML: %w", path, err)
	}
	return cfg, nil
}

// writeConfig saves cfg atomically with mode 0600 in a 0700 directory.
func writeConfig(path string, cfg configFile) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("could not create the config directory: %w", err)
	}
	if err := os.Chmod(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".config-*.toml")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if err := toml.NewEncoder(tmp).Encode(cfg); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
