package pdf

import (
	"crypto/sha256"
	"fmt"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/fonts"
)

// TestDeflatePinned holds Deflate to the bytes it wrote before its
// speed-ups, which must not change a PDF: a page's operators (short
// matches of every length, which remember's last four stores cover), a
// face's program (mostly literals) and a run of one byte (long matches).
func TestDeflatePinned(t *testing.T) {
	var page strings.Builder
	for i := range 400 {
		fmt.Fprintf(&page, "BT /F%d %d Tf 1 0 0 1 %d %d.%d Tm [(%c%c)%d(%c)] TJ ET\n",
			i%3, 9+i%7, 56+i%11, 500-i, i%10, 'a'+i%26, 'A'+i%13, -i%50, '0'+i%10)
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"page", []byte(page.String()), "1a3a5a4a11c71c607c49c1105702604d0bce307fbc3c128b0f4508476f23b160"},
		{"font", fonts.Default().Face("NotoSans", "").Data()[:20_000], "c5d78ad315cfd2d3083ddec426480f157507df7266d6d9ba6ddc1944680b9cdd"},
		{"run", []byte(strings.Repeat("x", 5000)), "bf6fbf25ca54d2fc7255553e36095542a7c34eeff5a640c79a8a4dbe8c2a3ba6"},
	}
	for _, c := range cases {
		sum := sha256.Sum256(Deflate(nil, c.data))
		if got := fmt.Sprintf("%x", sum); got != c.want {
			t.Errorf("%s: SHA-256 of the compressed bytes %s, want %s", c.name, got, c.want)
		}
	}
}
