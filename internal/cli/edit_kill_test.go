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

// killKeys are the keys the kill -9 test types, one each, all different so
// the screen tells which have arrived.
const killKeys = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN"

// kill -9 gives lemstep no chance to write anything: what survives is what
// it wrote while typing went on. Typing one key every 150 ms for 6 s, then
// kill -9: the draft holds every key but those of the last second. A key
// counts from when lemstep shows it: one still in the terminal's buffer
// when the machine is slow was never lemstep's to keep.
func TestKillDuringContinuousTypingLosesAtMostTheLastSecond(t *testing.T) {
	w := newEditorWorld(t)
	term := startTerminal(t, w.env)
	openQuickQuestion(term)
	term.waitFor("› step ", "┃ ")

	shownAt := make([]time.Time, len(killKeys))
	shown := 0
	watch := func() { // notes the keys the screen shows, in order
		scr := term.text()
		for shown < len(killKeys) && strings.Contains(scr, killKeys[max(0, shown-3):shown+1]) {
			shownAt[shown] = time.Now()
			shown++
		}
	}
	sawDraft := false
	next := time.Now()
	for i := range len(killKeys) {
		term.keys(killKeys[i : i+1])
		next = next.Add(keyEvery)
		// Between keys, watch the screen and the draft file: the draft must
		// be written while typing goes on, not only once it stops.
		for time.Now().Before(next) {
			watch()
			if got, ok := w.draftSubject(t); ok && len(got) > len(quickQuestion) {
				sawDraft = true
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	watch()
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
	if kept > len(killKeys) || got[len(quickQuestion):] != killKeys[:kept] {
		t.Fatalf("the draft holds %q, not the first keys typed", got[len(quickQuestion):])
	}
	t.Logf("kill -9 after %d keys, one every %v: %d characters lost (%d of them not yet shown by lemstep)",
		len(killKeys), keyEvery, len(killKeys)-kept, len(killKeys)-max(kept, shown))
	if kept < shown {
		if since := killedAt.Sub(shownAt[kept]); since > time.Second {
			t.Fatalf("the draft lacks %d keys lemstep showed, the first %v before the kill; want at most the last 1s",
				shown-kept, since.Round(time.Millisecond))
		}
	}
	w.checkNoKey(t, term.output())
}
