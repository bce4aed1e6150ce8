package exporter

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/scholargate/topicdeck/layouts"
)

// TestExportStopsWithContext plans and draws the seed entry with every
// slide and handout layout under a context that is already done: each
// export ends with the context's error, without a panic, although the
// text engine then breaks no text into lines at all.
func TestExportStopsWithContext(t *testing.T) {
	e := readEntry(t, "../samples/neuroadaptation-and-tolerance.md")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, in := range layouts.List() {
		if in.Kind != layouts.KindSlides && in.Kind != layouts.KindHandout {
			continue // not a PDF layout
		}
		t.Run(string(in.Kind)+"/"+in.Name, func(t *testing.T) {
			var buf bytes.Buffer
			var err error
			switch in.Kind {
			case layouts.KindSlides:
				_, err = SlidesContext(ctx, e, SlideOptions{Layout: in.Name}, &buf)
			case layouts.KindHandout:
				_, err = HandoutContext(ctx, e, HandoutOptions{Layout: in.Name}, &buf)
			}
			if !errors.Is(err, context.Canceled) {
				t.Errorf("error %v, want context.Canceled", err)
			}
		})
	}
}

// TestPageLimit checks MaxPages: a deck over it is refused before it is
// drawn, one within it is drawn.
func TestPageLimit(t *testing.T) {
	e := readEntry(t, "../samples/neuroadaptation-and-tolerance.md")
	var buf bytes.Buffer
	_, err := Slides(e, SlideOptions{MaxPages: 3}, &buf)
	var pe *PageLimitError
	if !errors.As(err, &pe) || pe.Max != 3 || pe.Pages <= 3 || buf.Len() != 0 {
		t.Errorf("MaxPages 3: %v, %d bytes written", err, buf.Len())
	}
	if _, err := Handout(e, HandoutOptions{Layout: "reader", MaxPages: 100}, &buf); err != nil {
		t.Errorf("MaxPages 100: %v", err)
	}
}
