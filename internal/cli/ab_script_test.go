package cli

import (
	"github.com/rogpeppe/go-internal/testscript"

	"lemstep/api/sandbox"
)

// cmdPlan switches the script's sandbox to a lemlist plan: basic answers
// the A/B-test routes with 402, emailPro serves them.
//
//	plan basic
func cmdPlan(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 || neg {
		ts.Fatalf("usage: plan basic|emailPro")
	}
	p, ok := sandboxPlan(args[0])
	if !ok {
		ts.Fatalf("plan: %q is not basic or emailPro", args[0])
	}
	state(ts).server.SetPlan(p)
}

// cmdLastBody checks the body and path of the last request with a method
// the sandbox received, byte for byte.
//
//	lastbody PATCH /sequences/seq_1/steps/stp_1/ab-test '{"subject":"x"}'
func cmdLastBody(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 || neg {
		ts.Fatalf("usage: lastbody METHOD PATH BODY")
	}
	var last *sandbox.Request
	for _, r := range state(ts).server.Received() {
		if r.Method == args[0] {
			last = &r
		}
	}
	switch {
	case last == nil:
		ts.Fatalf("the sandbox received no %s request", args[0])
	case last.Path != args[1]:
		ts.Fatalf("the last %s went to %s, want %s", args[0], last.Path, args[1])
	case string(last.Body) != args[2]:
		ts.Fatalf("the last %s sent %s, want %s", args[0], last.Body, args[2])
	}
}
