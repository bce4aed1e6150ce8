package textlayout

import (
	"context"
	"testing"
)

// TestEngineKeepsContextAndKerning checks that an engine made from one
// with a context and kerning switched, in either order, stops with the
// context and measures as switched: a layout that turns kerning off
// still stops when its client leaves.
func TestEngineKeepsContextAndKerning(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p := Paragraph{Spans: []Span{{Text: "AVATAR To", Font: Font{Size: 12}}}}
	for name, e := range map[string]*Engine{
		"context, then kerning": New(nil).WithContext(ctx).WithKerning(false),
		"kerning, then context": New(nil).WithKerning(false).WithContext(ctx),
	} {
		if e.Kerning() {
			t.Errorf("%s: measures with kerning", name)
		}
		if ls := e.Lines(p, 500); len(ls) != 0 {
			t.Errorf("%s: %d lines after the context ended, want none", name, len(ls))
		}
	}
}
