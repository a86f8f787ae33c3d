package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"strings"

	"github.com/spf13/cobra"

	"lemstep/api"
	"lemstep/internal/safetext"
)

func (a *app) authCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "auth",
		Short: "Save, check, list or remove your lemlist API keys (one per workspace)",
		Long: "lemstep finds the API key in --api-key-file, then in the profile chosen with --profile or\n" +
			"LEMLIST_PROFILE, then in LEMLIST_API_KEY, then in the key saved without a profile name.\n" +
			"Keys are saved in the config file $XDG_CONFIG_HOME/lemstep/config.toml that `lemstep auth\n" +
			"login` writes (directory 0700, file 0600; a config file other users can read is refused);\n" +
			"lemstep does not use the system keyring, which servers and CI machines lack.\n\n" +
			"A profile is one lemlist workspace: an agency saves one per client team and picks one\n" +
			"with --profile, LEMLIST_PROFILE, or w on the editor's campaign list.",
		Example: "  lemstep auth login\n" +
			"  lemstep auth login --profile acme\n" +
			"  lemstep auth list\n" +
			"  lemstep auth status --profile acme\n" +
			"  lemstep auth logout --profile acme",
		Args: noArgs,
		RunE: groupHelp,
	}
	cmd.AddCommand(a.loginCommand(), a.statusCommand(), a.listCommand(), a.logoutCommand())
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
			if err := checkProfileName(a.profile()); err != nil {
				return err
			}
			key, err := a.readKey(cmd.Context())
			if err != nil {
				return err
			}
			return a.login(cmd.Context(), key)
		},
	}
}

func (a *app) login(ctx context.Context, key string) error {
	team, path, err := a.checkAndSaveKey(ctx, key)
	if err != nil {
		return err
	}
	if profile := a.profile(); profile != "" {
		fmt.Fprintf(a.io.Out, "Logged in to the lemlist team %s as the profile %q. The key is saved in %s, readable by you only.\n"+
			"Use it with --profile %s or LEMLIST_PROFILE=%s.\n", teamName(team), profile, path, profile, profile)
		return nil
	}
	fmt.Fprintf(a.io.Out, "Logged in to the lemlist team %s. The key is saved in %s, readable by you only.\n", teamName(team), path)
	a.warnOverride()
	return nil
}

// checkAndSaveKey asks lemlist which team key belongs to and saves it with
// that team, under the session's profile, to the base URL the session
// uses: `auth login` and the editor's first run both log in this way. A
// key lemlist refuses is not saved. It returns the team and the config
// file's path.
func (a *app) checkAndSaveKey(ctx context.Context, key string) (api.Team, string, error) {
	creds := credentials{key: key, baseURL: a.baseURL()}
	team, err := a.teamOf(ctx, creds)
	if api.StatusOf(err) == http.StatusUnauthorized {
		return api.Team{}, "", refusedKeyError{err}
	}
	if err != nil {
		return api.Team{}, "", fmt.Errorf("the key was not saved: %w", err)
	}
	path, err := a.saveKey(a.profile(), creds, team)
	return team, path, err
}

// refusedKeyError is a key lemlist refused while logging in, said for the
// person logging in: lemlist's words and to copy the key again, rather
// than the API error's advice to set LEMLIST_API_KEY or log in, which is
// what they are doing. The API error stays in the chain.
type refusedKeyError struct{ err error }

func (e refusedKeyError) Error() string {
	said := ""
	var refused *api.Error
	if errors.As(e.err, &refused) && strings.TrimSpace(refused.Message) != "" {
		said = " (it says: " + strings.TrimSuffix(safetext.Line(refused.Message), ".") + ")"
	}
	return "lemlist refused this key" + said + ", so it was not saved; copy the key again from " +
		"lemlist → Settings → Integrations → API key and run `lemstep auth login` again"
}

func (e refusedKeyError) Unwrap() error { return e.err }

// saveKey writes creds' key to the config file, under profile ("" for the
// key without a name), with the team it belongs to; every other profile is
// kept as it was.
func (a *app) saveKey(profile string, creds credentials, team api.Team) (string, error) {
	if err := checkProfileName(profile); err != nil {
		return "", err
	}
	path := a.configPath()
	cfg, err := readConfig(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("the key was not saved: %w", err)
	}
	p := profileConfig{APIKey: creds.key, TeamName: team.Name, TeamID: team.ID}
	if creds.baseURL != defaultBaseURL {
		p.BaseURL = creds.baseURL
	}
	if profile == "" {
		cfg.profileConfig = p
	} else {
		if cfg.Profiles == nil {
			cfg.Profiles = map[string]profileConfig{}
		}
		cfg.Profiles[profile] = p
	}
	if err := writeConfig(path, cfg); err != nil {
		return "", fmt.Errorf("could not save the key: %w", err)
	}
	return path, nil
}

// warnOverride says when a key from the environment or a file will be used
// instead of the saved one.
func (a *app) warnOverride() {
	switch {
	case a.profile() != "":
	case a.flags.apiKeyFile != "":
		fmt.Fprintln(a.io.ErrOut, "Note: --api-key-file is given, so its key is used instead of the saved one.")
	case a.getenv("LEMLIST_API_KEY") != "":
		fmt.Fprintln(a.io.ErrOut, "Note: LEMLIST_API_KEY is set in this shell, so its key is used instead of the saved one.")
	}
}

// teamOf asks lemlist which team creds' key belongs to.
func (a *app) teamOf(ctx context.Context, creds credentials) (api.Team, error) {
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
	return client.Team(ctx)
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
			team, err := a.teamOf(cmd.Context(), creds)
			if err != nil {
				return fmt.Errorf("the key from %s does not work: %w", creds.source, err)
			}
			fmt.Fprintf(a.io.Out, "Logged in to the lemlist team %s.\nThe API key comes from %s.\nRequests go to %s.\n",
				teamName(team), creds.source, creds.baseURL)
			if creds.profile != "" {
				fmt.Fprintf(a.io.Out, "Profile: %s.\n", creds.profile)
			}
			return nil
		},
	}
}
