package pdf

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc64"
	"io"
	"strconv"
	"sync"
)

// Writer collects a file's indirect objects and writes them out at the
// end. Small objects (dictionaries, arrays: most of a tagged PDF) are
// packed into compressed object streams, listed by a cross-reference
// stream; only streams are written as objects of their own.
type Writer struct {
	objs []slot // by object number - 1
	// arena is where object bodies are encoded, one after another: a
	// tagged deck has thousands of small dictionaries, and encoding each
	// into a slice of its own that grows as it is written was a good part
	// of what drawing allocated.
	arena []byte
}

// arenaSize is the size of each arena chunk; a body that outgrows the
// room left keeps the slice it grew into, and the next body starts a
// new chunk.
const arenaSize = 16 << 10

// encode returns o's PDF syntax, written into the arena when it fits.
func (w *Writer) encode(o Object) []byte {
	free := w.arena[len(w.arena):]
	b := o.AppendPDF(free)
	if cap(b) == cap(free) && len(b) > 0 {
		// Written in place: the body keeps its bytes, the arena moves on.
		w.arena = w.arena[:len(w.arena)+len(b)]
		return b[:len(b):len(b)]
	}
	w.arena = make([]byte, 0, arenaSize)
	return b
}

// slot is one indirect object: encoded value, or a stream's dictionary
// and (possibly compressed) data.
type slot struct {
	body   []byte
	stream bool
	data   []byte
}

// Stream is a stream object: its dictionary (without /Length and
// /Filter, which the writer adds) and data, Flate-compressed when
// Compress is set. Deflated says Data is compressed already (with
// Deflate), e.g. cached from an earlier document.
type Stream struct {
	Dict     Dict
	Data     []byte
	Compress bool
	Deflated bool
	// shared says Data is never changed (a cached font program), so the
	// writer keeps it as it is rather than a copy.
	shared bool
}

// NewWriter returns an empty writer.
func NewWriter() *Writer { return &Writer{} }

// Alloc reserves an object number, for objects that refer to each other.
func (w *Writer) Alloc() Ref {
	w.objs = append(w.objs, slot{})
	return Ref(len(w.objs))
}

// Add writes o as a new indirect object and returns its reference.
func (w *Writer) Add(o Object) Ref {
	r := w.Alloc()
	w.Set(r, o)
	return r
}

// Set writes o as the object reserved as r.
func (w *Writer) Set(r Ref, o Object) {
	w.objs[r-1] = slot{body: w.encode(o)}
}

// AddStream writes s as a new stream object.
func (w *Writer) AddStream(s Stream) Ref {
	r := w.Alloc()
	w.SetStream(r, s)
	return r
}

// SetStream writes s as the object reserved as r, compressing its data now
// so that only the compressed bytes are kept.
func (w *Writer) SetStream(r Ref, s Stream) {
	data := s.Data
	d := s.Dict
	if s.Compress && !s.Deflated {
		data = Deflate(nil, data)
	} else if !s.shared {
		// Kept until Finish: the caller may reuse its buffer.
		data = bytes.Clone(data)
	}
	if s.Compress || s.Deflated {
		d = append(d[:len(d):len(d)], Entry{"Filter", Name("FlateDecode")})
	}
	d = append(d[:len(d):len(d)], Entry{"Length", Int(len(data))})
	w.objs[r-1] = slot{body: w.encode(d), stream: true, data: data}
}

// bufWriters are the 32 KB buffers Finish writes files through, reused
// rather than made for every file.
var bufWriters = sync.Pool{New: func() any { return bufio.NewWriterSize(io.Discard, 32<<10) }}

// objectsPerStream bounds an object stream, so that a reader looking up
// one object inflates a few kilobytes, not the whole structure tree.
const objectsPerStream = 200

// errUnset reports an allocated object that was never written.
var errUnset = errors.New("pdf: an allocated object was never written")

// Finish writes the file with catalog root and document information info
// (0 for none). The file ID is a digest of everything before it.
func (w *Writer) Finish(out io.Writer, root, info Ref) error {
	for _, s := range w.objs {
		if s.body == nil {
			return errUnset
		}
	}
	// The file ID: a 64-bit CRC and the length of everything before the
	// cross-reference stream. It identifies the content; nothing here needs
	// a cryptographic digest. (CRC-32C, computed in hardware, first built
	// tables that cost a one-deck process 0.2 ms; the package keeps
	// CRC-64's ECMA table, built in microseconds.)
	if g, ok := out.(interface{ Grow(int) }); ok {
		// A buffer (the exporter renders into one) is sized once for the
		// file rather than doubled as it fills: the objects' bodies are an
		// upper bound of the object streams they are packed into.
		size := 1 << 10
		for _, s := range w.objs {
			size += len(s.body) + len(s.data) + 40
		}
		g.Grow(size)
	}
	crc := crc64.New(crc64.MakeTable(crc64.ECMA))
	bw := bufWriters.Get().(*bufio.Writer)
	bw.Reset(io.MultiWriter(out, crc))
	defer func() {
		bw.Reset(io.Discard) // holds no reference to out in the pool
		bufWriters.Put(bw)
	}()
	pos := 0
	write := func(b []byte) {
		n, _ := bw.Write(b)
		pos += n
	}
	write([]byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"))

	n := len(w.objs)
	// Cross-reference entries: type, field 2, field 3.
	type xref struct {
		kind   byte
		f2, f3 int
	}
	entries := make([]xref, n+1, n+1+n/objectsPerStream+2)
	entries[0] = xref{0, 0, 65535}
	var num []byte
	header := func(r int) {
		num = strconv.AppendInt(num[:0], int64(r), 10)
		num = append(num, " 0 obj\n"...)
		write(num)
	}
	writeStream := func(r int, dict, data []byte) {
		entries[r] = xref{1, pos, 0}
		header(r)
		write(dict)
		write([]byte("\nstream\n"))
		write(data)
		write([]byte("\nendstream\nendobj\n"))
	}
	for i, s := range w.objs {
		if s.stream {
			writeStream(i+1, s.body, s.data)
		}
	}
	// Pack the other objects, in number order, into object streams. The
	// buffers are sized once for the largest stream.
	most, batch, k := 0, 0, 0
	for _, s := range w.objs {
		if s.stream {
			continue
		}
		batch += len(s.body) + 1
		if k++; k == objectsPerStream {
			most, batch, k = max(most, batch), 0, 0
		}
	}
	most = max(most, batch)
	offsets := make([]byte, 0, 16*objectsPerStream)
	bodies := make([]byte, 0, most)
	members := make([]int, 0, objectsPerStream)
	var data, comp []byte
	flush := func() {
		if len(members) == 0 {
			return
		}
		entries = append(entries, xref{})
		r := len(entries) - 1
		for k, m := range members {
			entries[m] = xref{2, r, k}
		}
		first := len(offsets)
		data = append(append(data[:0], offsets...), bodies...)
		comp = Deflate(comp[:0], data)
		d := Dict{
			{"Type", Name("ObjStm")}, {"N", Int(len(members))}, {"First", Int(first)},
			{"Filter", Name("FlateDecode")}, {"Length", Int(len(comp))},
		}
		writeStream(r, d.AppendPDF(nil), comp)
		offsets, bodies, members = offsets[:0], bodies[:0], members[:0]
	}
	for i, s := range w.objs {
		if s.stream {
			continue
		}
		offsets = strconv.AppendInt(offsets, int64(i+1), 10)
		offsets = append(offsets, ' ')
		offsets = strconv.AppendInt(offsets, int64(len(bodies)), 10)
		offsets = append(offsets, ' ')
		bodies = append(bodies, s.body...)
		bodies = append(bodies, '\n')
		members = append(members, i+1)
		if len(members) == objectsPerStream {
			flush()
		}
	}
	flush()

	// The cross-reference stream lists itself too.
	entries = append(entries, xref{1, pos, 0})
	self := len(entries) - 1
	if err := bw.Flush(); err != nil {
		return err
	}
	sum := crc.Sum(nil)
	sum = binary.BigEndian.AppendUint64(sum, uint64(pos))
	table := make([]byte, 0, 7*len(entries))
	for _, e := range entries {
		table = append(table, e.kind)
		table = binary.BigEndian.AppendUint32(table, uint32(e.f2))
		table = binary.BigEndian.AppendUint16(table, uint16(e.f3))
	}
	comp = Deflate(comp[:0], table)
	id := Bytes(sum)
	d := Dict{
		{"Type", Name("XRef")}, {"Size", Int(len(entries))}, {"W", Array{Int(1), Int(4), Int(2)}},
		{"Root", root}, {"ID", Array{id, id}},
	}
	if info != 0 {
		d = append(d, Entry{"Info", info})
	}
	d = append(d, Entry{"Filter", Name("FlateDecode")}, Entry{"Length", Int(len(comp))})
	xrefPos := pos
	writeStream(self, d.AppendPDF(nil), comp)
	write([]byte("startxref\n" + strconv.Itoa(xrefPos) + "\n%%EOF\n"))
	return bw.Flush()
}
