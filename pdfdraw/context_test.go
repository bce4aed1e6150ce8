package pdfdraw

import (
	"context"
	"errors"
	"io"
	"testing"

	"github.com/scholargate/topicdeck/plan"
)

// pagesCtx is a context that is done once its Err has been asked for a
// given number of times: a client that leaves in the middle of drawing,
// without a test that depends on how fast drawing is.
type pagesCtx struct {
	context.Context
	left int
}

func (c *pagesCtx) Err() error {
	if c.left <= 0 {
		return context.Canceled
	}
	c.left--
	return nil
}

// TestWriteContextStopsBetweenPages checks that drawing stops at the page
// after the context is done, with the context's error and nothing written.
func TestWriteContextStopsBetweenPages(t *testing.T) {
	doc := &plan.Document{Width: 200, Height: 100}
	for range 50 {
		doc.Pages = append(doc.Pages, &plan.Page{Items: []plan.Item{&plan.Rule{X1: 10, Y1: 10, X2: 190, Y2: 10, Width: 1}}})
	}
	ctx := &pagesCtx{Context: context.Background(), left: 3}
	var w countWriter
	err := WriteContext(ctx, &w, doc, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("WriteContext = %v, want context.Canceled", err)
	}
	if ctx.left != 0 {
		t.Errorf("stopped with %d checks left: not between pages", ctx.left)
	}
	if w.n != 0 {
		t.Errorf("%d bytes written by a cancelled render", w.n)
	}
}

type countWriter struct{ n int }

func (w *countWriter) Write(p []byte) (int, error) { w.n += len(p); return len(p), nil }

var _ io.Writer = (*countWriter)(nil)
