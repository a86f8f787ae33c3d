package theme

// NoColorRequested reports whether the environment asks for no colour: the
// NO_COLOR convention (https://no-color.org) is any non-empty value. env is
// os.Getenv in production and a map lookup in tests.
func NoColorRequested(env func(string) string) bool {
	return env != nil && env("NO_COLOR") != ""
}
