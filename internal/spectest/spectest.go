// Package spectest checks request bodies against the OpenAPI description of
// lemlist's Update Sequence Step endpoint kept in
// testdata/openapi/update-step.yaml, so any test that sends or builds a
// PATCH body can prove it conforms to the documented contract. It is meant
// for tests only.
package spectest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
)

// SpecPath is the schema's path relative to the module root.
const SpecPath = "testdata/openapi/update-step.yaml"

// serverURL is the server the schema declares; requests are built against it
// so the router matches them.
const serverURL = "https://api.lemlist.com/api"

// spec is the loaded schema and a router over it.
type spec struct {
	doc    *openapi3.T
	router routers.Router
}

// loadedSpec loads the schema once per test binary; every caller shares the
// result, which is never modified after loading.
var loadedSpec = sync.OnceValues(loadSpec)

func loadSpec() (*spec, error) {
	root, err := moduleRoot()
	if err != nil {
		return nil, err
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(filepath.Join(root, SpecPath))
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", SpecPath, err)
	}
	if err := doc.Validate(loader.Context); err != nil {
		return nil, fmt.Errorf("%s is not a valid OpenAPI document: %w", SpecPath, err)
	}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("route %s: %w", SpecPath, err)
	}
	return &spec{doc: doc, router: router}, nil
}

// moduleRoot walks up from the working directory (a test runs in its
// package's directory) to the directory holding go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("spectest: no go.mod above the working directory")
		}
		dir = parent
	}
}

// UpdateBodyError reports why body is not an acceptable Update Sequence Step
// request for the given sequence and step ids, or nil when it is.
func UpdateBodyError(sequenceID, stepID string, body []byte) error {
	sp, err := loadedSpec()
	if err != nil {
		return err
	}
	target := serverURL + "/sequences/" + url.PathEscape(sequenceID) + "/steps/" + url.PathEscape(stepID)
	req, err := http.NewRequest(http.MethodPatch, target, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	route, params, err := sp.router.FindRoute(req)
	if err != nil {
		return fmt.Errorf("no route for PATCH %s: %w", req.URL.Path, err)
	}
	return openapi3filter.ValidateRequest(context.Background(), &openapi3filter.RequestValidationInput{
		Request:    req,
		PathParams: params,
		Route:      route,
		Options:    &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc},
	})
}

// CheckUpdateBody fails the test, with the validator's explanation, when
// body does not conform to the Update Sequence Step request schema.
func CheckUpdateBody(t testing.TB, sequenceID, stepID string, body []byte) {
	t.Helper()
	if err := UpdateBodyError(sequenceID, stepID, body); err != nil {
		t.Fatalf("PATCH body does not conform to %s:\n%s\nbody: %s", SpecPath, err, body)
	}
}

// Example is a request example of the schema: the documented bodies.
type Example struct {
	Name string
	Body []byte
}

// Examples returns the request examples the schema carries (the seed page's
// examples), sorted by name.
func Examples() ([]Example, error) {
	sp, err := loadedSpec()
	if err != nil {
		return nil, err
	}
	op := sp.doc.Paths.Find("/sequences/{sequenceId}/steps/{stepId}").Patch
	media := op.RequestBody.Value.Content.Get("application/json")
	var out []Example
	for name, ex := range media.Examples {
		body, err := json.Marshal(ex.Value.Value)
		if err != nil {
			return nil, fmt.Errorf("example %q: %w", name, err)
		}
		out = append(out, Example{Name: name, Body: body})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}
