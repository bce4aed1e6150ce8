package peakrss

import (
	"runtime"
	"testing"
)

// TestBytes: a running Go process has a peak RSS of at least its heap.
func TestBytes(t *testing.T) {
	buf := make([]byte, 32<<20)
	for i := range buf {
		buf[i] = byte(i)
	}
	n, ok := Bytes()
	if !ok {
		t.Fatal("peak RSS not readable on this system")
	}
	if n < int64(len(buf)) {
		t.Errorf("peak RSS %d bytes, less than the %d touched", n, len(buf))
	}
	runtime.KeepAlive(buf)
}
