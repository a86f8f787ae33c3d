package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"lemstep/api"
)

// The most lemstep reads from each local input. Every read is bounded, so an
// endless input (/dev/zero, `yes |`) ends at once with a clear error rather
// than filling memory; the figures are far above any real input.
const (
	// maxMessageInput bounds --message-file and --alt-message-file (or
	// stdin): a long HTML email is tens of kilobytes.
	maxMessageInput = 10 << 20
	// maxApplyInput bounds an apply file: some thousands of updates.
	maxApplyInput = 64 << 20
	// maxKeyInput bounds --api-key-file, as stdin is bounded for
	// `auth login`: a key is under a hundred bytes.
	maxKeyInput = maxKeyLine
	// maxConfigInput bounds the config file: a key and a base URL.
	maxConfigInput = 64 << 10
	// maxDemoData bounds the demo's kept data: the demo workspace is tens
	// of kilobytes, and grows only by what is typed into it.
	maxDemoData = 64 << 20
)

// readInput reads the file at path, or stdin for "-", whole, and refuses
// (exit 2) an input of more than limit bytes after reading limit+1 of them.
// what names the input in messages ("a message"); the error never quotes
// what was read.
func readInput(path string, stdin io.Reader, limit int64, what string) ([]byte, error) {
	if path != "-" {
		return readFile(path, limit, what)
	}
	return readBounded(stdin, path, limit, what)
}

// readFile is readInput for a path that is always a file, "-" included.
func readFile(path string, limit int64, what string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &exitError{code: exitUsage, err: fmt.Errorf("could not read %s: %w", what, err)}
	}
	defer f.Close()
	return readBounded(f, path, limit, what)
}

// readBounded reads r whole in chunks joined once at the end, so reading n
// bytes allocates about 2n (io.ReadAll's growing buffer allocates about 5n
// on large inputs), and stops after limit+1 bytes.
func readBounded(r io.Reader, path string, limit int64, what string) ([]byte, error) {
	const chunkSize = 1 << 20
	var chunks [][]byte
	var total int64
	for total <= limit {
		chunk := make([]byte, min(chunkSize, limit+1-total))
		n, err := io.ReadFull(r, chunk)
		chunks = append(chunks, chunk[:n])
		total += int64(n)
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			break
		}
		if err != nil {
			return nil, &exitError{code: exitUsage, err: fmt.Errorf("could not read %s: %w", what, err)}
		}
	}
	if total > limit {
		return nil, &exitError{code: exitUsage, err: fmt.Errorf("%s is larger than %s, the most lemstep reads for %s; "+
			"nothing was sent", displayPath(path), api.ByteSize(limit), what)}
	}
	return bytes.Join(chunks, nil), nil
}
