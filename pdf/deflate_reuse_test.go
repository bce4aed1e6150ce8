package pdf

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

// TestDeflateReusedEncoder checks that an encoder's earlier streams leave
// no trace: what it writes for a stream is what a new encoder writes,
// after other streams and when its position base wraps around.
func TestDeflateReusedEncoder(t *testing.T) {
	page := []byte(strings.Repeat("BT /F1 12 Tf 1 0 0 1 56 457.516 Tm [(\x00\x1f\x00\x05)] TJ ET\n", 200))
	other := []byte(strings.Repeat("q 0.5 g 10 10 200 100 re f Q\n", 300))
	want := bytes.Clone(new(encoder).encode(page))
	cases := []struct {
		name string
		prep func(e *encoder)
	}{
		{"after other streams", func(e *encoder) {
			e.encode(other)
			e.encode(page[:1000])
		}},
		{"base about to wrap", func(e *encoder) {
			e.encode(other)
			e.base = math.MaxInt32 - int32(len(page)/2)
		}},
		{"base just wrapped", func(e *encoder) {
			e.base = math.MaxInt32 - int32(len(other)) - 2
			e.encode(other)
		}},
	}
	for _, c := range cases {
		e := new(encoder)
		c.prep(e)
		if got := e.encode(page); !bytes.Equal(got, want) {
			t.Errorf("%s: %d bytes differ from a new encoder's %d", c.name, len(got), len(want))
		}
	}
}
