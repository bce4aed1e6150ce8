package deck

import (
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/topic"
)

// figureDeck plans an entry whose mechanisms hold figures of the given
// pixel sizes after a paragraph of n sentences, with pictures filled in
// as package figure would.
func figureDeck(t *testing.T, sentences int, sizes ...[2]int) *plan.Document {
	t.Helper()
	var md strings.Builder
	md.WriteString("---\ntitle: Figures\n---\n\n## Mechanisms\n\n")
	md.WriteString(strings.Repeat("A cell divides in two parts. ", sentences) + "\n\n")
	for i := range sizes {
		md.WriteString("![Picture " + string(rune('A'+i)) + "](p" + string(rune('a'+i)) + ".png \"Caption " + string(rune('A'+i)) + "\")\n\n")
	}
	e, err := topic.Read("f.md", []byte(md.String()), topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	i := 0
	topic.EachFigure(e, func(bl *topic.Block) {
		bl.Picture = &topic.Picture{Type: "PNG", Data: []byte{byte(i)}, Width: sizes[i][0], Height: sizes[i][1]}
		i++
	})
	return planEntry(t, e, "lecture", layouts.Options{})
}

// TestFiguresPlaced checks that each figure is drawn once, whole, inside
// the slide's body, keeping its shape, tagged with its alt text, with its
// caption below it and no text over it.
func TestFiguresPlaced(t *testing.T) {
	th := Lecture
	tests := []struct {
		name      string
		sentences int
		sizes     [][2]int
	}{
		{"wide", 1, [][2]int{{400, 100}}},
		{"tall", 1, [][2]int{{100, 400}}},
		{"tiny", 1, [][2]int{{8, 8}}},
		{"several", 2, [][2]int{{300, 200}, {200, 300}, {500, 500}}},
		{"after a long text", 12, [][2]int{{300, 300}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := figureDeck(t, tt.sentences, tt.sizes...)
			checkPlanBounds(t, doc, th)
			var seen []string
			for n, pg := range doc.Pages {
				for _, it := range pg.Items {
					im, ok := it.(*plan.Image)
					if !ok || im.Tag == nil || im.Tag.Role != plan.RoleFigure {
						continue
					}
					seen = append(seen, im.Tag.Alt)
					k := int(im.Data[0])
					want := float64(tt.sizes[k][0]) / float64(tt.sizes[k][1])
					if got := im.W / im.H; got < want*0.99 || got > want*1.01 {
						t.Errorf("slide %d: %s drawn %.0f×%.0f, not its shape", n+1, im.Tag.Alt, im.W, im.H)
					}
					if im.X < th.MarginX-0.01 || im.X+im.W > doc.Width-th.MarginX+0.01 || im.Y < 16 || im.Y+im.H > doc.Height-th.MarginBottom+0.01 {
						t.Errorf("slide %d: %s at (%.0f,%.0f) %.0f×%.0f leaves the body", n+1, im.Tag.Alt, im.X, im.Y, im.W, im.H)
					}
					for _, o := range pg.Items {
						tx, ok := o.(*plan.Text)
						if ok && tx.Y < im.Y+im.H-0.5 && tx.Y+tx.Line.Height > im.Y+0.5 && tx.Y < doc.Height-th.MarginBottom {
							t.Errorf("slide %d: text %q over %s", n+1, pageText(&plan.Page{Items: []plan.Item{tx}}), im.Tag.Alt)
						}
					}
					caption := "Caption " + strings.TrimPrefix(im.Tag.Alt, "Picture ")
					if !strings.Contains(pageText(pg), caption) {
						t.Errorf("slide %d: %s without its caption %q", n+1, im.Tag.Alt, caption)
					}
				}
			}
			if len(seen) != len(tt.sizes) {
				t.Errorf("figures drawn: %q, want %d, each once", seen, len(tt.sizes))
			}
		})
	}
}
