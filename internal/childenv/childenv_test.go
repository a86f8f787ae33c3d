package childenv

import (
	"slices"
	"testing"
)

func TestScrubbedDropsTheKeyAndKeepsTheRest(t *testing.T) {
	env := []string{"HOME=/home/ana", "LEMLIST_API_KEY=k-123", "EDITOR=vim", "lemlist_api_key=k-456", "LEMLIST_BASE_URL=http://127.0.0.1/api", "EMPTY="}
	got := Scrubbed(env)
	want := []string{"HOME=/home/ana", "EDITOR=vim", "LEMLIST_BASE_URL=http://127.0.0.1/api", "EMPTY="}
	if !slices.Equal(got, want) {
		t.Errorf("Scrubbed = %q, want %q", got, want)
	}
	if env[1] != "LEMLIST_API_KEY=k-123" {
		t.Error("Scrubbed changed its input")
	}
}
