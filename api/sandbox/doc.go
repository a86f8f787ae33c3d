// Package sandbox is an in-memory lemlist server: an http.Handler that
// answers the routes lemstep uses (GET /team, GET /campaigns,
// GET /campaigns/{id}, GET /campaigns/{id}/sequences and the step routes
// PATCH, POST and DELETE under /sequences/{id}/steps) the way lemlist's REST
// API does, over a workspace held in memory.
//
// It serves `lemstep --demo` and every test that needs a lemlist: the same
// paths answer at the root and under /api, so a client pointed at
// "http://127.0.0.1:PORT/api" talks to it exactly as to
// https://api.lemlist.com/api. Authentication (Basic, empty user, the key as
// password), the auth error texts, the 20-requests-per-2-seconds rate limit
// and its headers follow lemlist's documentation; step updates are checked
// with the rules of package api, so the sandbox refuses exactly what the
// client's pre-flight check refuses.
//
// Choices where lemlist's behaviour is undocumented:
//   - A `delay` sent for a sendToAnotherCampaign step is rejected with 400,
//     as api.StepUpdate.Validate does, rather than ignored.
//   - PATCH and POST are allowed on a running campaign; only DELETE refuses.
//   - Errors are text/plain one-liners, as lemlist documents them; a 429 says
//     "Too Many Requests".
//   - Unknown routes answer 404 "Not found", or, with Options.HTMLCatchAll,
//     200 text/html as lemlist's web app does.
//
// Tests inspect what arrived with Received, count answers with Stats, and
// read the state back with Campaigns and Sequences.
package sandbox
