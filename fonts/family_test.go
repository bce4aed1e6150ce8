package fonts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWithFamily adds a family from files and checks its chains: each
// style starts with the family's face (or the nearest given style) and
// falls back to the sans chain; the built-in chains are untouched.
func TestWithFamily(t *testing.T) {
	base := Default()
	set, err := base.WithFamily("house", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		bold, italic bool
		style        string
	}{{false, false, ""}, {true, false, "B"}, {false, true, ""}, {true, true, "B"}} {
		ch := set.Chain("house", tc.bold, tc.italic)
		if ch[0].Family != "Famhouse" || ch[0].Style != tc.style {
			t.Errorf("bold=%v italic=%v: first face %s, want Famhouse-%s", tc.bold, tc.italic, ch[0], tc.style)
		}
		if rest := ch[1:]; len(rest) != len(base.Chain("sans", tc.bold, tc.italic)) || rest[0] != base.Chain("sans", tc.bold, tc.italic)[0] {
			t.Errorf("bold=%v italic=%v: fallback %v, want the sans chain", tc.bold, tc.italic, rest)
		}
		if !ch[0].Has('A') || ch[0].Advance('A') == 0 {
			t.Errorf("face %s does not draw A", ch[0])
		}
	}
	if set.Face("Famhouse", "B") == nil || len(set.Face("Famhouse", "").Data()) == 0 {
		t.Error("the family's faces are not in the set for the PDF backend")
	}
	if base.Chain("house", false, false)[0] != base.Chain("sans", false, false)[0] {
		t.Error("WithFamily changed the set it was called on")
	}
	again, err := base.WithFamily("house", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "", "")
	if err != nil || again != set {
		t.Errorf("second call: %v, same set %v", err, again == set)
	}
}

// TestWithFamilyErrors checks the mistakes a layout file can make.
func TestWithFamilyErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.ttf")
	if err := os.WriteFile(bad, []byte("not a font"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, regular, bold, want string
	}{
		{"sans", "DejaVuSans.ttf", "", "reserved"},
		{"x", "", "DejaVuSans-Bold.ttf", "a regular face is required"},
		{"x", "no-such.ttf", "", "no-such.ttf"},
		{"x", "DejaVuSans.ttf", bad, "bad.ttf"},
	} {
		if _, err := Default().WithFamily(tc.name, tc.regular, tc.bold, "", ""); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("WithFamily(%q, %q, %q): %v, want %q", tc.name, tc.regular, tc.bold, err, tc.want)
		}
	}
}

// TestWithDefaultFamily checks that the family takes the place of sans in
// every style, that mono and the family's own chains stay, that the faces
// of the set it was made from are still there to draw, and that an unknown
// family is an error.
func TestWithDefaultFamily(t *testing.T) {
	house, err := Default().WithFamily("house", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "", "")
	if err != nil {
		t.Fatal(err)
	}
	set, err := house.WithDefaultFamily("house")
	if err != nil {
		t.Fatal(err)
	}
	for _, style := range []struct{ bold, italic bool }{{false, false}, {true, false}, {false, true}, {true, true}} {
		sans, own := set.Chain("sans", style.bold, style.italic), house.Chain("house", style.bold, style.italic)
		if sans[0] != own[0] || len(sans) != len(own) {
			t.Errorf("%+v: sans starts with %s, want the family's %s", style, sans[0], own[0])
		}
		if set.Chain("mono", style.bold, style.italic)[0] != Default().Chain("mono", style.bold, style.italic)[0] {
			t.Errorf("%+v: mono changed", style)
		}
	}
	if set.Face("NotoSans", "") == nil || set.Face("Famhouse", "B") == nil {
		t.Error("faces of the set it was made from are missing")
	}
	if again, err := house.WithDefaultFamily("house"); err != nil || again != set {
		t.Errorf("second call: %v, same set %v", err, again == set)
	}
	if _, err := Default().WithDefaultFamily("house"); err == nil || !strings.Contains(err.Error(), "house") {
		t.Errorf("a family the set lacks: %v", err)
	}
}
