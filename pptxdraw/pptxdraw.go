// Package pptxdraw writes a measured plan.Document as an editable
// PowerPoint deck (Office Open XML PresentationML). Like pdfdraw it decides
// nothing: positions, box sizes, font sizes and roles all come from the
// plan. What it adds is the grouping a slide editor needs: the measured
// lines of one paragraph become one paragraph (PowerPoint re-wraps it in a
// box as wide as the plan's), a list becomes one text box with real
// bullets, the slide's heading goes into the title placeholder.
//
// The package is written with archive/zip and encoding/xml only; members
// are written in a fixed order with fixed times, so the bytes depend on
// the plan alone.
package pptxdraw

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"
	"time"

	"github.com/scholargate/topicdeck/plan"
)

// Options are what a deck needs beyond its plan.
type Options struct {
	// Notes holds each slide's speaker notes, one string per paragraph,
	// indexed like doc.Pages. A slide without notes gets its own text.
	Notes [][]string
}

// epoch is the date written when the plan carries none, so output never
// depends on the clock.
var epoch = time.Unix(0, 0).UTC()

// emuPerPt converts points to English Metric Units, the unit of every
// position and size in Office Open XML.
const emuPerPt = 12700

// emu returns v points in EMU, rounded.
func emu(v float64) int64 { return int64(math.Round(v * emuPerPt)) }

// Write writes doc to w as a .pptx file with opt's notes.
func Write(w io.Writer, doc *plan.Document, opt Options) error {
	return WriteContext(context.Background(), w, doc, opt)
}

// WriteContext is Write that stops, returning ctx's error, when ctx is
// done; it looks between slides.
func WriteContext(ctx context.Context, w io.Writer, doc *plan.Document, opt Options) error {
	if doc == nil {
		return errors.New("pptxdraw: no document")
	}
	// PowerPoint refuses slide sides outside 1–56 inches.
	if !(doc.Width >= 72 && doc.Height >= 72 && doc.Width <= 4032 && doc.Height <= 4032) {
		return fmt.Errorf("pptxdraw: invalid slide size %gx%g pt", doc.Width, doc.Height)
	}
	if len(doc.Pages) == 0 {
		return errors.New("pptxdraw: document has no pages")
	}
	p := newPackage(doc, opt)
	slides := make([]*slide, len(doc.Pages))
	for i, pg := range doc.Pages {
		if err := ctx.Err(); err != nil {
			return err
		}
		s, err := p.analyse(i, pg)
		if err != nil {
			return err
		}
		slides[i] = s
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	zw := zip.NewWriter(bw)
	// Small XML parts: the fastest level compresses them nearly as well.
	// One compressor, reset for each part and kept for the next deck: a
	// new one allocates about a megabyte, which for some eighty parts
	// was most of the time spent.
	fw := flaters.Get().(*flate.Writer)
	defer flaters.Put(fw)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		fw.Reset(out)
		return fw, nil
	})
	if err := p.writeAll(ctx, zw, slides); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("pptxdraw: %w", err)
	}
	return bw.Flush()
}

// flaters are reusable compressors at the fastest level.
var flaters = sync.Pool{New: func() any {
	fw, _ := flate.NewWriter(io.Discard, flate.BestSpeed)
	return fw
}}

// member adds one part to the archive with the document's fixed date.
func (p *pkg) member(zw *zip.Writer, name string, data []byte, stored bool) error {
	h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: p.date}
	// Compressing a part of a few kilobytes (relationships, most notes)
	// costs more time than the bytes it saves.
	if stored || len(data) < 4096 {
		h.Method = zip.Store
	}
	f, err := zw.CreateHeader(h)
	if err != nil {
		return fmt.Errorf("pptxdraw: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		return fmt.Errorf("pptxdraw: %w", err)
	}
	return nil
}
