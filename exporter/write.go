package exporter

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"
)

// WriteFile writes an artifact to path. A regular file (or a new path) is
// replaced atomically: the artifact goes into a temporary file beside it,
// then is renamed over it, so a reader never sees a half-written file and
// an error leaves nothing behind. A symbolic link is followed and its
// target replaced that way, so the link stays a link. Anything else that
// exists (a FIFO, a terminal, /dev/stdout, a device) is written into
// directly, as a shell redirection would: replacing it with a file would
// silently send the output nowhere. path "-" writes to stdout.
func WriteFile(path string, stdout io.Writer, write func(w io.Writer) error) error {
	if path == "-" {
		return write(stdout)
	}
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		if fi.IsDir() {
			return fmt.Errorf("cannot write %s: it is a directory", path)
		}
		return writeInto(path, write)
	}
	target, err := linkTarget(path)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return replace(path, target, write)
}

// replace writes target through a temporary file beside it, renamed over
// it once complete; path is what the caller named, for errors.
func replace(path, target string, write func(w io.Writer) error) error {
	tmp, err := temps.create(target)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			temps.remove(name)
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Chmod(fileMode); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := temps.rename(name, target); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	ok = true
	return nil
}

// writeNew writes data to path, in a folder the build has just made: as
// nothing can be at path yet, the look at what is there (WriteFile's Stat
// and Lstat) is left out, a syscall or two for each of a course's
// thousands of files. Everything else is WriteFile's: a temporary file
// beside path, renamed over it, removed on an error or a signal.
func writeNew(path string, data []byte) error {
	return replace(path, path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// fileMode is the mode of every file written, whatever the umask: the
// artifacts are for sharing.
const fileMode = 0o644

// writeInto writes into an existing file that is not a regular one.
func writeInto(path string, write func(w io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}

// maxLinks bounds how many symbolic links linkTarget follows, as the
// kernel does (ELOOP), so a loop of links is an error, not a hang.
const maxLinks = 40

// linkTarget follows path while it is a symbolic link, also one whose
// target does not exist yet, and returns the path it ends at: the file the
// artifact replaces, whose directory holds the temporary file (a rename
// works only within one file system).
func linkTarget(path string) (string, error) {
	for range maxLinks {
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			return path, nil
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return "", errors.New("too many levels of symbolic links")
}

// tempFiles tracks the temporary files being written, so that an
// interrupted command can remove them (RemoveTempFiles) instead of
// leaving .NAME.NNN.tmp files behind.
type tempFiles struct {
	mu      sync.Mutex
	live    map[string]bool
	stopped bool
}

var temps tempFiles

// create makes a temporary file beside target and tracks it.
func (t *tempFiles) create(target string) (*os.File, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return nil, errInterrupted
	}
	f, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return nil, err
	}
	if t.live == nil {
		t.live = map[string]bool{}
	}
	t.live[f.Name()] = true
	return f, nil
}

// rename moves a finished temporary file over its target. It holds the
// lock so that RemoveTempFiles never races a rename.
func (t *tempFiles) rename(name, target string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return errInterrupted
	}
	delete(t.live, name)
	return os.Rename(name, target)
}

func (t *tempFiles) remove(name string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.live, name)
	os.Remove(name)
}

var errInterrupted = errors.New("interrupted")

// RemoveTempFiles removes every temporary file WriteFile is writing and
// makes later writes fail, so a command stopped by a signal leaves the
// targets as they were. The CLI calls it on SIGINT and SIGTERM just before
// exiting.
func RemoveTempFiles() {
	temps.mu.Lock()
	defer temps.mu.Unlock()
	temps.stopped = true
	for name := range temps.live {
		os.Remove(name)
		delete(temps.live, name)
	}
}

// defaultEpoch is the fixed document date used when SOURCE_DATE_EPOCH is
// not set, so that the same input always gives byte-identical output.
var defaultEpoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// maxEpoch is the last second of year 9999: PDF and XLSX dates have four
// digits for the year.
const maxEpoch = 253402300799

// SourceDateEpoch returns the date SOURCE_DATE_EPOCH (reproducible-builds.org)
// sets, or the fixed default date when it is not set. A value that is not
// a whole number of seconds from 1970 to the end of year 9999 is an error
// naming it: a negative or huge one would write invalid PDF dates, and
// ignoring it would silently break the reproducible build that set it.
func SourceDateEpoch() (time.Time, error) {
	s, ok := os.LookupEnv("SOURCE_DATE_EPOCH")
	if !ok || s == "" {
		return defaultEpoch, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > maxEpoch {
		return defaultEpoch, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a valid date: want whole seconds since 1970-01-01 UTC, from 0 to %d (the end of year 9999)", s, maxEpoch)
	}
	return time.Unix(n, 0).UTC(), nil
}

// DocumentTime returns the date written into artifacts: SOURCE_DATE_EPOCH
// when set and valid, else a fixed date. Never the clock, so output is
// deterministic. The exports refuse an invalid SOURCE_DATE_EPOCH before
// they get here (SourceDateEpoch); this fallback keeps a caller that
// skipped the check from writing an invalid date.
func DocumentTime() time.Time {
	t, _ := SourceDateEpoch()
	return t
}
