package cli

import (
	"bytes"
	"io"
	"os"

	"github.com/charmbracelet/x/term"
)

// IOStreams is where a command reads and writes, and what it knows of the
// terminal behind each stream. Commands write to Out and ErrOut, never to
// os.Stdout, so tests run them on buffers.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
}

// NewTestIOStreams returns streams on buffers: in to read from, out and
// errOut to read back. None of them is a terminal.
func NewTestIOStreams(in string) (s *IOStreams, out, errOut *bytes.Buffer) {
	out, errOut = &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: bytes.NewBufferString(in), Out: out, ErrOut: errOut}, out, errOut
}

// IsTerminal reports whether stream (one of s's) is a terminal.
func (s *IOStreams) IsTerminal(stream any) bool {
	f, ok := stream.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// IsStdinTTY reports whether input comes from a person at a terminal.
func (s *IOStreams) IsStdinTTY() bool { return s.IsTerminal(s.In) }

// IsStdoutTTY reports whether output goes to a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.IsTerminal(s.Out) }

// IsStderrTTY reports whether errors and progress go to a terminal.
func (s *IOStreams) IsStderrTTY() bool { return s.IsTerminal(s.ErrOut) }

// Width is the width of the terminal behind stream, 0 when it is not one.
func (s *IOStreams) Width(stream any) int {
	if !s.IsTerminal(stream) {
		return 0
	}
	w, _, err := term.GetSize(stream.(*os.File).Fd())
	if err != nil {
		return 0
	}
	return w
}
