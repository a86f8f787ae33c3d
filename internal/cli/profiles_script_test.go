package cli

import (
	"net/http/httptest"
	"os"

	"github.com/rogpeppe/go-internal/testscript"

	"lemstep/api/sandbox"
)

// cmdSecondTeam starts a second lemlist team for the script (the demo
// workspace, "Northwind Growth", with a key of its own), sets
// $SECOND_BASE_URL to it and writes its key to FILE. When the script ends,
// nothing lemstep printed or wrote may hold this key either.
//
//	secondteam FILE
func cmdSecondTeam(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 || neg {
		ts.Fatalf("usage: secondteam FILE")
	}
	key := testKey()
	hs := httptest.NewServer(sandbox.New(sandbox.Options{Keys: []string{key}, RateLimit: 10000}))
	ts.Defer(hs.Close)
	st := state(ts)
	st.otherKeys = append(st.otherKeys, key)
	ts.Setenv("SECOND_BASE_URL", hs.URL+"/api")
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(key+"\n"), 0o600))
}
