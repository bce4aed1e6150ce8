package memlimit

import (
	"math"
	"runtime/debug"
	"testing"
)

func TestApply(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))

	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	if !Apply(64 << 20) {
		t.Fatal("Apply did nothing without GOGC or GOMEMLIMIT")
	}
	if got := debug.SetMemoryLimit(-1); got != 64<<20 {
		t.Errorf("memory limit %d, want %d", got, 64<<20)
	}
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("GC percent %d, want -1 (off)", got)
	}

	for _, env := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Run(env, func(t *testing.T) {
			debug.SetGCPercent(100)
			debug.SetMemoryLimit(math.MaxInt64)
			t.Setenv(env, "150")
			if Apply(64 << 20) {
				t.Errorf("Apply overrode %s", env)
			}
			if got := debug.SetGCPercent(-1); got != 100 {
				t.Errorf("GC percent %d, want the user's 100 untouched", got)
			}
			debug.SetGCPercent(100)
		})
	}
}
