package pdf

import (
	"bytes"
	stdadler32 "hash/adler32"
	"math/rand/v2"
	"testing"
)

// TestAdler32 compares the checksum with hash/adler32's on every length
// up to three blocks and past, of random bytes and of bytes all 0xFF (the
// largest sums, where a block too long would overflow).
func TestAdler32(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	random := make([]byte, 3*adlerBlock+20)
	for i := range random {
		random[i] = byte(rnd.IntN(256))
	}
	ones := bytes.Repeat([]byte{0xFF}, len(random))
	for _, tc := range []struct {
		name string
		data []byte
	}{{"random", random}, {"0xFF", ones}} {
		for n := 0; n <= len(tc.data); n++ {
			if got, want := adler32(tc.data[:n]), stdadler32.Checksum(tc.data[:n]); got != want {
				t.Fatalf("%s, %d bytes: adler32 = %08x, hash/adler32 %08x", tc.name, n, got, want)
			}
		}
	}
}

func FuzzAdler32(f *testing.F) {
	f.Add([]byte("Wikipedia"))
	f.Fuzz(func(t *testing.T, in []byte) {
		if got, want := adler32(in), stdadler32.Checksum(in); got != want {
			t.Fatalf("adler32 = %08x, hash/adler32 %08x", got, want)
		}
	})
}

// BenchmarkAdler32 checksums a page-sized stream, against hash/adler32.
func BenchmarkAdler32(b *testing.B) {
	data := bytes.Repeat([]byte("BT /F1 12 Tf 1 0 0 1 56 457.516 Tm [(\x00\x1f\x00\x05)] TJ ET\n"), 400)
	b.SetBytes(int64(len(data)))
	b.Run("pdf", func(b *testing.B) {
		for b.Loop() {
			adler32(data)
		}
	})
	b.Run("hash/adler32", func(b *testing.B) {
		for b.Loop() {
			stdadler32.Checksum(data)
		}
	})
}
