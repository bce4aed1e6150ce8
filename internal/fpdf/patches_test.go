package fpdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"strings"
	"testing"
)

// TestCompressReusesWriters checks patch 2: streams compressed one after
// another with pooled writers each decompress to their own input.
func TestCompressReusesWriters(t *testing.T) {
	for i, in := range [][]byte{
		[]byte(strings.Repeat("topicdeck ", 1000)),
		{},
		[]byte("a second, different stream"),
		bytes.Repeat([]byte{0, 1, 2, 3}, 40000),
	} {
		mem := xmem.compress(in)
		zr, err := zlib.NewReader(bytes.NewReader(mem.copy()))
		mem.release()
		if err != nil {
			t.Fatalf("stream %d: %v", i, err)
		}
		out, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("stream %d: %v", i, err)
		}
		if !bytes.Equal(in, out) {
			t.Fatalf("stream %d: got %d bytes back, want %d", i, len(out), len(in))
		}
	}
}

// TestBadUTF8FontIsAnError checks patch 3: nothing is printed, the
// document carries the error.
func TestBadUTF8FontIsAnError(t *testing.T) {
	pdf := New("P", "pt", "A4", "")
	pdf.AddUTF8FontFromBytes("broken", "", []byte("not a font at all, just some bytes"))
	if err := pdf.Error(); err == nil || !strings.Contains(err.Error(), "broken") {
		t.Fatalf("error = %v, want one naming the font", err)
	}
}
