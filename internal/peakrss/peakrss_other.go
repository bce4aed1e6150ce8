//go:build !unix

// Package peakrss reads the process's peak resident set size, which the
// benchmark and load-test commands report beside their timings.
package peakrss

// Bytes is not measured where getrusage is missing.
func Bytes() (n int64, ok bool) { return 0, false }
