package cli

import (
	"strings"
	"syscall"
	"testing"
	"time"
)

// keyEvery is the pace of the typing the kill -9 test does: steady, with no
// pause a debounce alone would ever wait for.
const keyEvery = 150 * time.Millisecond

// kill -9 gives lemstep no chance to write anything: what survives is what
// it wrote while typing went on. Typing one key every 150 ms for 6 s, then
// kill -9: the draft holds every key but those typed in the last second.
func TestKillDuringContinuousTypingLosesAtMostTheLastSecond(t *testing.T) {
	w := newEditorWorld(t)
	term := startTerminal(t, w.env)
	openQuickQuestion(term)
	term.waitFor("› step ", "┃ ")

	const keys = 40
	typed := make([]time.Time, keys)
	sawDraft := false
	next := time.Now()
	for i := range keys {
		term.keys(string(rune('a' + i%26)))
		typed[i] = time.Now()
		next = next.Add(keyEvery)
		// Between keys, watch the draft file: it must be written while
		// typing goes on, not only once it stops.
		for time.Now().Before(next) {
			if got, ok := w.draftSubject(t); ok && len(got) > len(quickQuestion) {
				sawDraft = true
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	killedAt := time.Now()
	if err := term.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-term.exited
	if !sawDraft {
		t.Fatal("no draft was written during 6 s of steady typing")
	}
	got, ok := w.draftSubject(t)
	if !ok || !strings.HasPrefix(got, quickQuestion) {
		t.Fatalf("after kill -9 the draft's subject is %q (kept: %v)", got, ok)
	}
	kept := len(got) - len(quickQuestion)
	want := ""
	for i := range kept {
		want += string(rune('a' + i%26))
	}
	if got[len(quickQuestion):] != want {
		t.Fatalf("the draft holds %q, not the first %d keys typed", got[len(quickQuestion):], kept)
	}
	lost := keys - kept
	t.Logf("kill -9 after %d keys, one every %v: %d characters lost", keys, keyEvery, lost)
	if lost > 0 {
		if since := killedAt.Sub(typed[kept]); since > time.Second {
			t.Fatalf("the draft lacks %d keys, the first typed %v before the kill; want at most the last 1s", lost, since.Round(time.Millisecond))
		}
	}
	w.checkNoKey(t, term.output())
}
