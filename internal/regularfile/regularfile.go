// Package regularfile reads files found by listing a folder, which may be
// anything a directory can hold: a named pipe that would block the reader
// for good, a device such as /dev/zero behind a symbolic link, or a sparse
// file of a gigabyte. Only a regular file of bounded size is read.
package regularfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ErrNotRegular is wrapped by the error for anything but a regular file.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is wrapped by the error for a file over the size limit.
var ErrTooLarge = errors.New("file too large")

// Read returns the contents of the regular file at path (a symbolic link
// is followed) when it holds at most max bytes. The file is opened without
// blocking, so a named pipe with no writer cannot hang the caller, and is
// checked after opening too, so a file swapped for a device between the
// look and the open is refused as well. It reads at most max+1 bytes
// whatever the file claims, as a file can grow while it is read. Its
// errors carry no path: callers name the file in their own messages.
func Read(path string, max int64) ([]byte, fs.FileInfo, error) {
	return read(os.Stat, os.OpenFile, path, max)
}

// ReadIn is Read for a file named relative to root: a name or symbolic
// link that leads out of root is refused, as os.Root does.
func ReadIn(root *os.Root, name string, max int64) ([]byte, fs.FileInfo, error) {
	return read(root.Stat, root.OpenFile, name, max)
}

// Open opens the regular file at path for reading as Read does, without
// blocking and refusing anything else, for a caller that streams it; max
// bounds the size it claims (a negative max, none).
func Open(path string, max int64) (*os.File, fs.FileInfo, error) {
	return open(os.Stat, os.OpenFile, path, max)
}

func open(stat func(string) (fs.FileInfo, error), openFile func(string, int, fs.FileMode) (*os.File, error), path string, max int64) (*os.File, fs.FileInfo, error) {
	st, err := stat(path)
	if err != nil {
		return nil, nil, unwrap(err)
	}
	if err := check(st, max); err != nil {
		return nil, nil, err
	}
	f, err := openFile(path, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, nil, unwrap(err)
	}
	st, err = f.Stat()
	if err == nil {
		err = check(st, max)
	}
	if err != nil {
		f.Close()
		return nil, nil, unwrap(err)
	}
	return f, st, nil
}

func read(stat func(string) (fs.FileInfo, error), openFile func(string, int, fs.FileMode) (*os.File, error), path string, max int64) ([]byte, fs.FileInfo, error) {
	f, st, err := open(stat, openFile, path, max)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, nil, unwrap(err)
	}
	if int64(len(data)) > max {
		return nil, nil, tooLarge(max)
	}
	return data, st, nil
}

// check refuses what Read does not read, by what a stat tells.
func check(st fs.FileInfo, max int64) error {
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%w (%s)", ErrNotRegular, kind(st.Mode()))
	}
	if max >= 0 && st.Size() > max {
		return tooLarge(max)
	}
	return nil
}

func tooLarge(max int64) error {
	return fmt.Errorf("%w: larger than the %d-byte limit", ErrTooLarge, max)
}

// kind names a file type the way a reader of a warning knows it.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "a special file"
}

// unwrap drops the path of an *fs.PathError, since the caller's message
// starts with the file's name already.
func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
