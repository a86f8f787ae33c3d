package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"lemstep/api"
	"lemstep/internal/safetext"
)

func (a *app) authCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "auth",
		Short: "Save, check or remove your lemlist API key",
		Long: "lemstep finds the API key in --api-key-file, then LEMLIST_API_KEY, then the config file\n" +
			"$XDG_CONFIG_HOME/lemstep/config.toml that `lemstep auth login` writes (directory 0700,\n" +
			"file 0600; a config file other users can read is refused).",
		Example: "  lemstep auth login\n  lemstep auth status\n  lemstep auth logout",
		Args:    noArgs,
		RunE:    groupHelp,
	}
	cmd.AddCommand(a.loginCommand(), a.statusCommand(), a.logoutCommand())
	return cmd
}

func (a *app) loginCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "login",
		Short: "Check an API key with lemlist and save it",
		Long: "Asks for the key in a masked field (on a terminal) or reads one line from stdin,\n" +
			"checks it with GET /team and saves it in the config file, with the base URL when it is\n" +
			"not lemlist's (from --base-url or LEMLIST_BASE_URL). A key lemlist refuses is not saved.",
		Example: "  lemstep auth login\n" +
			"  pass show lemlist | lemstep auth login\n" +
			"  lemstep auth login --base-url http://127.0.0.1:7777/api   # against `lemstep sandbox`",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if a.flags.demo {
				return usageError("--demo needs no key; `lemstep auth login` saves the key of your lemlist account")
			}
			key, err := a.readKey(cmd.Context())
			if err != nil {
				return err
			}
			return a.login(cmd, key)
		},
	}
}

func (a *app) login(cmd *cobra.Command, key string) error {
	creds := credentials{key: key, baseURL: a.baseURL()}
	team, err := a.checkKey(cmd, creds)
	if err != nil {
		return fmt.Errorf("the key was not saved: %w", err)
	}
	cfg := configFile{APIKey: key}
	if creds.baseURL != defaultBaseURL {
		cfg.BaseURL = creds.baseURL
	}
	path := a.configPath()
	if err := writeConfig(path, cfg); err != nil {
		return fmt.Errorf("could not save the key: %w", err)
	}
	fmt.Fprintf(a.io.Out, "Logged in to the lemlist team %s. The key is saved in %s, readable by you only.\n", teamName(team), path)
	a.warnOverride()
	return nil
}

// warnOverride says when a key from the environment or a file will be used
// instead of the saved one.
func (a *app) warnOverride() {
	switch {
	case a.flags.apiKeyFile != "":
		fmt.Fprintln(a.io.ErrOut, "Note: --api-key-file is given, so its key is used instead of the saved one.")
	case a.getenv("LEMLIST_API_KEY") != "":
		fmt.Fprintln(a.io.ErrOut, "Note: LEMLIST_API_KEY is set in this shell, so its key is used instead of the saved one.")
	}
}

// checkKey asks lemlist which team the key belongs to.
func (a *app) checkKey(cmd *cobra.Command, creds credentials) (api.Team, error) {
	debug, closeLog, err := a.openDebugLog()
	if err != nil {
		return api.Team{}, err
	}
	defer closeLog()
	opts, err := a.clientOptions(debug, userAgent())
	if err != nil {
		return api.Team{}, err
	}
	client, err := newClient(creds, opts)
	if err != nil {
		return api.Team{}, err
	}
	return client.Team(cmd.Context())
}

func teamName(t api.Team) string {
	return fmt.Sprintf("%q (%s)", safetext.Line(t.Name), safetext.Line(t.ID))
}

func (a *app) statusCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "status",
		Short: "Say which team the API key belongs to and where the key comes from",
		Long: "Checks the key lemstep would use with GET /team and says which team it belongs to,\n" +
			"where the key was found and which base URL it is sent to. The key itself is never shown.",
		Example: "  lemstep auth status\n  LEMLIST_API_KEY=... lemstep auth status",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if a.flags.demo {
				fmt.Fprintln(a.io.Out, "Demo mode: lemstep uses its built-in sandbox with a throwaway key; no key is needed or saved.")
				return nil
			}
			creds, err := a.credentials()
			if err != nil {
				return err
			}
			team, err := a.checkKey(cmd, creds)
			if err != nil {
				return fmt.Errorf("the key from %s does not work: %w", creds.source, err)
			}
			fmt.Fprintf(a.io.Out, "Logged in to the lemlist team %s.\nThe API key comes from %s.\nRequests go to %s.\n",
				teamName(team), creds.source, creds.baseURL)
			return nil
		},
	}
}

func (a *app) logoutCommand() *cobra.Command {
	return &cobra.Command{
		Use:     "logout",
		Short:   "Remove the saved API key",
		Long:    "Deletes the config file `lemstep auth login` wrote. Keys given by LEMLIST_API_KEY or --api-key-file are not affected.",
		Example: "  lemstep auth logout",
		Args:    noArgs,
		RunE: func(*cobra.Command, []string) error {
			path := a.configPath()
			err := os.Remove(path)
			switch {
			case errors.Is(err, fs.ErrNotExist):
				fmt.Fprintf(a.io.Out, "No key was saved (there is no %s).\n", path)
			case err != nil:
				return fmt.Errorf("could not remove the saved key: %w", err)
			default:
				fmt.Fprintf(a.io.Out, "Removed the key saved in %s.\n", path)
			}
			if a.getenv("LEMLIST_API_KEY") != "" {
				fmt.Fprintln(a.io.ErrOut, "Note: LEMLIST_API_KEY is still set in this shell; lemstep keeps using it.")
			}
			return nil
		},
	}
}
