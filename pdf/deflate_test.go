package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/fonts"
)

func inflate(t testing.TB, data []byte) []byte {
	t.Helper()
	r, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDeflateRoundTrip inflates what Deflate wrote with compress/zlib:
// empty, tiny, repetitive, random, long-distance and real inputs.
func TestDeflateRoundTrip(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 100_000)
	for i := range random {
		random[i] = byte(rnd.IntN(256))
	}
	far := append(append(bytes.Clone(random[:40_000]), random[:300]...), random[:40_000]...)
	// Bytes 144–255 take 9-bit codes: the most output a byte can make,
	// which the encoder's buffer is sized for.
	nineBits := make([]byte, 100_003)
	for i := range nineBits {
		nineBits[i] = byte(144 + rnd.IntN(112))
	}
	face := fonts.Default().Face("NotoSans", "")
	inputs := map[string][]byte{
		"empty":   nil,
		"one":     {'x'},
		"three":   []byte("abc"),
		"runs":    bytes.Repeat([]byte{0}, 70_000),
		"text":    []byte(strings.Repeat("BT /F1 12 Tf 1 0 0 1 56 457.516 Tm [(\x00\x1f\x00\x05)] TJ ET\n", 500)),
		"random":  random,
		"far":     far,
		"9 bits":  nineBits,
		"font":    face.Data()[:200_000],
		"lengths": []byte(strings.Repeat("abcdefghij", 3) + strings.Repeat("x", 259) + strings.Repeat("0123456789", 30)),
	}
	for name, in := range inputs {
		out := Deflate(nil, in)
		if got := inflate(t, out); !bytes.Equal(got, in) {
			t.Errorf("%s: round trip lost data (%d bytes in, %d out)", name, len(in), len(got))
		}
		if name == "text" && len(out) > len(in)/10 {
			t.Errorf("%s: %d bytes compressed to %d", name, len(in), len(out))
		}
	}
	// Deflate appends.
	if out := Deflate([]byte("keep"), []byte("x")); !bytes.HasPrefix(out, []byte("keep")) {
		t.Error("Deflate does not append to dst")
	}
}

func FuzzDeflate(f *testing.F) {
	f.Add([]byte("hello hello hello"))
	f.Add(bytes.Repeat([]byte("ab"), 200))
	f.Fuzz(func(t *testing.T, in []byte) {
		if got := inflate(t, Deflate(nil, in)); !bytes.Equal(got, in) {
			t.Fatalf("round trip of %d bytes lost data", len(in))
		}
	})
}

// BenchmarkDeflateFont compresses a typical subset of a face.
func BenchmarkDeflateFont(b *testing.B) {
	data, err := os.ReadFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
	if err != nil {
		data = fonts.Default().Face("NotoSans", "").Data()
	}
	data = data[:16_000]
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		Deflate(nil, data)
	}
}
