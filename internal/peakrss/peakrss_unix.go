//go:build unix

// Package peakrss reads the process's peak resident set size, which the
// benchmark and load-test commands report beside their timings.
package peakrss

import (
	"runtime"
	"syscall"
)

// Bytes returns the process's peak resident set size in bytes, as the
// kernel counts it: what the machine gave the process, not only its heap.
// ok is false where it cannot be read.
func Bytes() (n int64, ok bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return int64(ru.Maxrss), true // bytes there
	}
	return int64(ru.Maxrss) * 1024, true // kilobytes on Linux and the BSDs
}
