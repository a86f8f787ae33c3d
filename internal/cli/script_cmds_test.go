package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"

	"lemstep/api"
	"lemstep/internal/journal"
)

// cmdCmpJSON compares two JSON texts after normalisation: each file (or
// stdout/stderr) is read as a stream of JSON values, numbers kept exact,
// object keys sorted and white space dropped. So `cmpjson stdout want.json`
// passes when lemstep printed the same data, however it laid it out.
//
//	cmpjson FILE1 FILE2
func cmdCmpJSON(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: cmpjson FILE1 FILE2")
	}
	a, errA := normalJSON(ts.ReadFile(args[0]))
	ts.Check(errA)
	b, errB := normalJSON(ts.ReadFile(args[1]))
	ts.Check(errB)
	same := a == b
	switch {
	case same && neg:
		ts.Fatalf("%s and %s hold the same JSON", args[0], args[1])
	case !same && !neg:
		ts.Logf("%s:\n%s\n%s:\n%s", args[0], a, args[1], b)
		ts.Fatalf("%s and %s differ as JSON", args[0], args[1])
	}
}

// normalJSON re-encodes every JSON value of text canonically, one per line.
func normalJSON(text string) (string, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var out bytes.Buffer
	for {
		var v any
		err := dec.Decode(&v)
		if errors.Is(err, io.EOF) {
			return out.String(), nil
		}
		if err != nil {
			return "", err
		}
		b, err := json.Marshal(v) // sorts object keys
		if err != nil {
			return "", err
		}
		out.Write(b)
		out.WriteByte('\n')
	}
}

// cmdExitCode checks the exit code of the last `exec lemstep`.
//
//	exitcode N
func cmdExitCode(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 || neg {
		ts.Fatalf("usage: exitcode N")
	}
	// Read once: an exit code left from an earlier command must not pass
	// for that of a command that never wrote one.
	b, err := os.ReadFile(state(ts).exitFile)
	ts.Check(err)
	ts.Check(os.Remove(state(ts).exitFile))
	if got := strings.TrimSpace(string(b)); got != args[0] {
		ts.Fatalf("lemstep exited with %s, want %s", got, args[0])
	}
}

// cmdSent checks how many requests with a method the script's sandbox has
// received since the script began.
//
//	sent PATCH 0
func cmdSent(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 || neg {
		ts.Fatalf("usage: sent METHOD COUNT")
	}
	want, err := strconv.Atoi(args[1])
	ts.Check(err)
	got := 0
	for _, r := range state(ts).server.Received() {
		if r.Method == args[0] {
			got++
		}
	}
	if got != want {
		ts.Fatalf("the sandbox received %d %s requests, want %d", got, args[0], want)
	}
}

// cmdKeyFile writes the script's API key to a file (mode 0600), so a script
// can feed it to lemstep without the key appearing in the script.
//
//	keyfile FILE
func cmdKeyFile(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 || neg {
		ts.Fatalf("usage: keyfile FILE")
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(state(ts).key+"\n"), 0o600))
}

// cmdHasKey checks whether a file holds the script's API key, without
// printing either.
//
//	[!] haskey FILE
func cmdHasKey(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: haskey FILE")
	}
	b, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	has := strings.Contains(string(b), state(ts).key)
	switch {
	case has && neg:
		ts.Fatalf("%s holds the API key", args[0])
	case !has && !neg:
		ts.Fatalf("%s does not hold the API key", args[0])
	}
}

// cmdPerm checks the permission bits of a file or directory.
//
//	perm PATH 0600
func cmdPerm(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 || neg {
		ts.Fatalf("usage: perm PATH MODE")
	}
	want, err := strconv.ParseUint(args[1], 8, 32)
	ts.Check(err)
	info, err := os.Stat(ts.MkAbs(args[0]))
	ts.Check(err)
	if got := info.Mode().Perm(); uint64(got) != want {
		ts.Fatalf("%s has mode %#o, want %#o", args[0], got, want)
	}
}

// cmdJournal checks how many entries lemstep's journal holds (under the
// script's $XDG_STATE_HOME).
//
//	journal COUNT
func cmdJournal(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 || neg {
		ts.Fatalf("usage: journal COUNT")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	path := filepath.Join(ts.Getenv("XDG_STATE_HOME"), "lemstep", "journal.jsonl")
	entries, err := journal.Open(path).Entries()
	ts.Check(err)
	if len(entries) != want {
		ts.Fatalf("the journal holds %d entries, want %d", len(entries), want)
	}
}

// cmdTeammate changes a step on the script's sandbox directly, as a
// teammate editing it in lemlist's app would. Each argument sets one field;
// delay takes a number, endorseAnyFallback true or false, images and videos
// a comma-separated list.
//
//	teammate STEP_ID field=value...
func cmdTeammate(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 || neg {
		ts.Fatalf("usage: teammate STEP_ID field=value...")
	}
	var u api.StepUpdate
	for _, arg := range args[1:] {
		name, text, ok := strings.Cut(arg, "=")
		if !ok {
			ts.Fatalf("teammate: %q is not field=value", arg)
		}
		var v any = text
		switch f := api.Field(name); f {
		case api.FieldDelay:
			n, err := strconv.Atoi(text)
			ts.Check(err)
			v = n
		case api.FieldEndorseAnyFallback:
			b, err := strconv.ParseBool(text)
			ts.Check(err)
			v = b
		case api.FieldImages, api.FieldVideos:
			v = strings.Split(text, ",")
		}
		if !u.Set(api.Field(name), v) {
			ts.Fatalf("teammate: %s is not a field lemstep can set", name)
		}
	}
	ts.Check(state(ts).server.EditStep(args[0], u))
}
