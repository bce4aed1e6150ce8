// Package memlimit sets how topicdeck's commands collect garbage. A
// command that makes artifacts and exits allocates far more than it keeps:
// a deck is megabytes of short-lived measurements and buffers around a
// live heap of a few, and a course build keeps under 100 MB live while it
// allocates gigabytes. Collecting at the runtime's default pace (every time
// the heap doubles) spent a fifth of such runs in the collector. These
// commands instead collect only when the heap reaches a fixed size they can
// afford, which keeps their memory bounded and their time down.
//
// Long-running commands (serve) keep the runtime's pace, and only give the
// collector a memory limit of their own (server.Config.MemoryLimit).
package memlimit

import (
	"os"
	"runtime/debug"
)

// Default is the heap size at which commands collect: enough that a
// 1,000-entry build collects a few dozen times instead of a thousand, and
// that such a build stays under 300 MB resident on a small machine.
const Default = 200 << 20

// Apply makes a heap of limit bytes the only trigger for collecting
// garbage, unless the user chose for the process with GOGC or GOMEMLIMIT,
// whose choice stands. It reports whether it changed anything.
//
// The limit is soft: a run whose live data outgrows it still completes,
// collecting often (the runtime caps that at about half the CPU) and
// growing past it.
func Apply(limit int64) bool {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return false
	}
	debug.SetMemoryLimit(limit)
	debug.SetGCPercent(-1)
	return true
}
