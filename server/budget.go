package server

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/scholargate/topicdeck/topic"
)

// Limits bound what one render may produce, so that an upload within the
// byte limit cannot still ask for hours of work: a 2 MiB entry of 170,000
// one-line key concepts planned into 28,000 slides before these existed.
// A render over a limit is answered 422 with the limit it passed. Zero
// fields take the defaults.
type Limits struct {
	Items int // list items in one entry, key concepts and questions included
	Cells int // table cells in one entry
	Pages int // pages (slides) of one PDF
}

// Default limits: the largest real entries (the samples, and the longest
// encyclopedia entries tried) have a few hundred list items, no more than
// a few hundred table cells and under a hundred slides; these leave them
// ten times the room.
const (
	DefaultMaxItems = 3000
	DefaultMaxCells = 5000
	DefaultMaxPages = 1000
)

func (l *Limits) fill() {
	orDefault(&l.Items, DefaultMaxItems)
	orDefault(&l.Cells, DefaultMaxCells)
	orDefault(&l.Pages, DefaultMaxPages)
}

// limitError is a render over one of the Limits: a 422.
type limitError struct{ msg string }

func (e *limitError) Error() string { return e.msg }

// entryShape is what an entry asks a render to lay out.
type entryShape struct {
	items, cells int
	bytes        int // of text, as a measure of the lines to break
}

// shapeOf counts an entry's list items, table cells and text.
func shapeOf(e *topic.Entry) entryShape {
	var s entryShape
	s.bytes = len(e.Title) + len(e.Subject)
	s.body(e.Summary)
	for _, k := range topic.SectionKinds() {
		if b := k.Prose(e); b != nil {
			s.body(*b)
		}
		if items := k.List(e); items != nil {
			s.list(*items)
		}
		if qs := k.Questions(e); qs != nil {
			for _, q := range *qs {
				s.items++
				s.bytes += len(q.Question.Plain())
				s.body(q.Answer)
			}
		}
	}
	for _, c := range e.KeyConcepts {
		s.items++
		s.bytes += len(c.Term.Plain()) + len(c.Definition.Plain())
	}
	for _, t := range e.KeyTheories {
		s.items++
		s.bytes += len(t.Name.Plain())
		s.body(t.Description)
	}
	if e.Relevance != nil {
		s.body(e.Relevance.Body)
	}
	for _, sec := range e.Sections {
		s.bytes += len(sec.Heading)
		s.body(sec.Body)
	}
	return s
}

func (s *entryShape) list(items []topic.Item) {
	for _, it := range items {
		s.items++
		s.bytes += len(it.Text.Plain())
		s.list(it.Children)
		s.body(it.Blocks)
	}
}

func (s *entryShape) body(b topic.Body) {
	for _, bl := range b {
		s.bytes += len(bl.Text.Plain()) + len(bl.Code)
		s.list(bl.Items)
		for _, row := range bl.Rows {
			s.cells += len(row)
			for _, c := range row {
				s.bytes += len(c.Plain())
			}
		}
		s.body(bl.Blocks)
	}
}

// check refuses an entry over the item or cell limit, before any work.
// Each entry is held to them alone, so a course glossary of many entries
// is not refused for their sum.
func (l Limits) check(entries []*topic.Entry) error {
	for _, e := range entries {
		s := shapeOf(e)
		name := "the entry"
		if len(entries) > 1 {
			name = fmt.Sprintf("entry %q", e.Title)
		}
		switch {
		case s.items > l.Items:
			return &limitError{fmt.Sprintf("%s has %d list items (key concepts, questions and list entries together); this server renders at most %d (--max-items)", name, s.items, l.Items)}
		case s.cells > l.Cells:
			return &limitError{fmt.Sprintf("%s has %d table cells; this server renders at most %d (--max-cells)", name, s.cells, l.Cells)}
		}
	}
	return nil
}

// Cost model of a render's peak heap, from measured renders of uploads
// of every shape at the limits (2 MiB of prose or of long key concepts,
// 3,000 short concepts, 5,000 table cells; the speaker-notes handout is
// the dearest at 134 MiB for 2 MiB of text): a fixed part for the
// document and the fonts' subsets, and parts for each byte of text and
// each list item or table cell, which become measured lines, boxes and
// PDF content. A workbook or the entry's JSON costs far less per byte.
const (
	costBase         = 4 << 20
	costPerByte      = 72
	costPerItem      = 7 << 10
	costPerByteSheet = 8
)

// estimate is the memory, in bytes, that rendering art of entries is
// expected to need at its peak.
func estimate(art string, entries []*topic.Entry) int64 {
	n := int64(costBase)
	for _, e := range entries {
		s := shapeOf(e)
		items := int64(s.items + s.cells)
		switch art {
		case slidesPDF, slidesPPTX, handoutPDF:
			n += int64(s.bytes)*costPerByte + items*costPerItem
		case glossaryXLSX:
			n += int64(s.bytes)*costPerByteSheet + items*costPerItem
		default:
			n += int64(s.bytes) * costPerByteSheet
		}
	}
	return n
}

// parseCost is the memory that reading an upload is expected to need, by
// a count that costs nothing: each line or comma may start a list item or
// a JSON element, which becomes a few small structures with positions
// (1.6 KiB each, measured: 2 MiB of 170,000 one-line key concepts peaked
// at 271 MiB while read), plus twice the bytes. An upload is read only
// within the budget, since reading it is the dearest part of an upload
// that the limits then refuse.
func parseCost(data []byte) int64 {
	n := int64(bytes.Count(data, []byte{'\n'}) + bytes.Count(data, []byte{','}))
	return 1<<20 + 2*int64(len(data)) + n*1600
}

// admit checks the entries of a render against the limits and returns
// its expected memory; o gets the page limit, which is known only once
// the document is planned.
func (s *Server) admit(art string, entries []*topic.Entry, o *options) (int64, error) {
	if err := s.cfg.Limits.check(entries); err != nil {
		return 0, err
	}
	o.slides.MaxPages = s.cfg.Limits.Pages
	o.handout.MaxPages = s.cfg.Limits.Pages
	return estimate(art, entries), nil
}

// budget admits renders while the memory they are expected to need
// together stays within a bound; a render that does not fit now is
// refused at once (a 503 the client retries), never queued.
type budget struct {
	mu    sync.Mutex
	limit int64
	used  int64
}

// take reserves n bytes, or fails with errBusy. A render that would not
// fit even alone is told so: retrying cannot help it.
func (b *budget) take(n int64) (release func(), err error) {
	if n > b.limit {
		return nil, &limitError{fmt.Sprintf("the entry would need about %d MiB to render; this server renders within %d MiB (--max-render-mb)", n>>20, b.limit>>20)}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.used+n > b.limit {
		return nil, errBusy
	}
	b.used += n
	var once sync.Once
	return func() {
		once.Do(func() {
			b.mu.Lock()
			b.used -= n
			b.mu.Unlock()
		})
	}, nil
}

// inUse is the memory reserved by the renders running now.
func (b *budget) inUse() int64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.used
}
