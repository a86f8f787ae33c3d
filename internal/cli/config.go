package cli

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"lemstep/api"
)

const defaultBaseURL = "https://api.lemlist.com/api"

// errNoKey explains how to get going when no key is configured.
var errNoKey = errors.New("no lemlist API key found. Set LEMLIST_API_KEY, pass --api-key-file FILE, " +
	"or run `lemstep auth login`; to look around first, try `lemstep --demo`")

// keySource says where the API key came from, never the key itself.
type keySource string

// credentials are the key requests carry and where they go.
type credentials struct {
	key     string
	source  keySource
	baseURL string
	// profile is the saved profile the key is from; "" for any other key.
	profile string
	// fromConfig is set when the key came from the config file.
	fromConfig bool
}

// credentials finds the key: --api-key-file, then the profile chosen with
// --profile or LEMLIST_PROFILE, then LEMLIST_API_KEY, then the key the
// config file holds without a profile name. The base URL is --base-url,
// then LEMLIST_BASE_URL, then, for the config file's key only, the base URL
// saved with it (a key saved for a sandbox must not go to lemlist, and
// lemlist's key must not go to a sandbox), then lemlist's.
func (a *app) credentials() (credentials, error) {
	c := credentials{baseURL: a.baseURL()}
	if path := a.flags.apiKeyFile; path != "" {
		key, err := a.readKeyFile(path)
		if err != nil {
			return credentials{}, err
		}
		c.key, c.source = key, keySource("the file "+path)
		return c, nil
	}
	profile := a.profile()
	if key := strings.TrimSpace(a.getenv("LEMLIST_API_KEY")); key != "" && profile == "" {
		c.key, c.source = key, "the LEMLIST_API_KEY environment variable"
		return c, nil
	}
	cfg, source, err := a.savedKey(profile)
	if err != nil {
		return credentials{}, err
	}
	c.key, c.source, c.profile, c.fromConfig = cfg.APIKey, source, profile, true
	if profile != "" {
		return a.profileBaseURL(c, cfg)
	}
	if cfg.BaseURL != "" && !a.baseURLGiven() {
		c.baseURL = cfg.BaseURL
	}
	return c, nil
}

// profileBaseURL sends a profile's key only where it was saved for: its
// own base URL wins over LEMLIST_BASE_URL, and a --base-url elsewhere is
// refused, so that one workspace's key never reaches another's server.
func (a *app) profileBaseURL(c credentials, cfg profileConfig) (credentials, error) {
	saved := cmp.Or(cfg.BaseURL, defaultBaseURL)
	if a.flags.baseURL != "" && strings.TrimRight(a.flags.baseURL, "/") != strings.TrimRight(saved, "/") {
		return credentials{}, usageError("the profile %q was saved for %s, not %s; drop --base-url, or save a profile for it with "+
			"`lemstep auth login --profile NAME --base-url %s`", c.profile, saved, a.flags.baseURL, a.flags.baseURL)
	}
	c.baseURL = saved
	return c, nil
}

// readKeyFile reads the key from --api-key-file. Its errors never quote the
// file's content, and a regular file other users can read is used with a
// warning saying how to close it (a pipe or a secret mount the user does not
// own the mode of is not held to that).
func (a *app) readKeyFile(path string) (string, error) {
	b, err := readFile(path, maxKeyInput, "an API key")
	if err != nil {
		return "", err
	}
	key := strings.TrimSpace(string(b))
	if key == "" {
		return "", fmt.Errorf("the API key file %s is empty", path)
	}
	if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() && info.Mode().Perm()&0o044 != 0 {
		fmt.Fprintf(a.io.ErrOut, "Warning: the API key file %s can be read by other users; run: chmod 600 %s\n", path, path)
	}
	return key, nil
}

// baseURLGiven reports whether --base-url or LEMLIST_BASE_URL chose the
// base URL.
func (a *app) baseURLGiven() bool {
	return a.flags.baseURL != "" || a.getenv("LEMLIST_BASE_URL") != ""
}

func (a *app) baseURL() string {
	if a.flags.baseURL != "" {
		return a.flags.baseURL
	}
	if u := a.getenv("LEMLIST_BASE_URL"); u != "" {
		return u
	}
	return defaultBaseURL
}

// session is a connection to lemlist, or to the in-process sandbox.
type session struct {
	client  *api.Client
	demo    bool
	profile string // the saved profile whose key the client sends, if any
	// fromConfig is set when the key is one the config file holds (a
	// profile's, or the one saved without a name).
	fromConfig bool
	close      func()
}

// connect opens the session the flags ask for.
func (a *app) connect() (*session, error) {
	debug, closeLog, err := a.openDebugLog()
	if err != nil {
		return nil, err
	}
	if a.flags.demo {
		opts, err := a.clientOptions(debug, "")
		if err != nil {
			closeLog()
			return nil, err
		}
		s, err := a.startDemo(opts)
		if err != nil {
			closeLog()
			return nil, err
		}
		inner := s.close
		s.close = func() { inner(); closeLog() }
		return s, nil
	}
	creds, err := a.credentials()
	if err != nil {
		closeLog()
		return nil, err
	}
	opts, err := a.clientOptions(debug, userAgent())
	if err != nil {
		closeLog()
		return nil, err
	}
	opts.workspace = creds.profile
	client, err := newClient(creds, opts)
	if err != nil {
		closeLog()
		return nil, err
	}
	return &session{client: client, profile: creds.profile, fromConfig: creds.fromConfig, close: closeLog}, nil
}

// userAgent is how lemstep's requests to lemlist name themselves.
func userAgent() string { return "lemstep/" + version }

// newClient is a client that sends creds.key to creds.baseURL as opts say.
// A base URL the client cannot use is a usage error.
func newClient(creds credentials, opts clientOptions) (*api.Client, error) {
	client, err := api.NewClient(api.Config{
		BaseURL: creds.baseURL, APIKey: creds.key, DebugLog: opts.debug, UserAgent: opts.agent,
		Timeout: opts.timeout, OnWait: opts.onWait, Workspace: opts.workspace,
	})
	if err != nil {
		return nil, &exitError{code: exitUsage, err: err}
	}
	return client, nil
}

func (a *app) openDebugLog() (io.Writer, func(), error) {
	if a.flags.debugLog == "" {
		return nil, func() {}, nil
	}
	f, err := os.OpenFile(a.flags.debugLog, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, nil, fmt.Errorf("could not open the debug log: %w", err)
	}
	return f, func() { f.Close() }, nil
}
