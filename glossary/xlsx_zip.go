package glossary

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"sort"
	"strings"
	"time"
)

// stampedZip writes the archive excelize makes reproducibly. It dates
// every member with the document's fixed time (excelize leaves the date
// zero, which zip tools show as the invalid day 1980-00-00), and writes the
// members in reverse name order, excelize's own order for what it does
// not stream, whatever order excelize made them in: it makes streamed
// sheets in map order. Worksheets go through a relPrefix, for the
// streamed sheets' links.
type stampedZip struct {
	zw      *zip.Writer
	time    time.Time
	members []*zipMember
	open    *zipMember
}

// zipMember is one compressed member, held until the archive is closed.
type zipMember struct {
	name string
	data bytes.Buffer // deflated
	fw   *flate.Writer
	crc  hash.Hash32
	size uint64
	rel  *relPrefix // the worksheet filter, whose held-back end is written last
}

func newStampedZip(w io.Writer, t time.Time) *stampedZip {
	return &stampedZip{zw: zip.NewWriter(w), time: t}
}

func (m *zipMember) Write(p []byte) (int, error) {
	m.crc.Write(p)
	m.size += uint64(len(p))
	return m.fw.Write(p)
}

// Create starts a member; the previous one is complete.
func (z *stampedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	m := &zipMember{name: name, crc: crc32.NewIEEE()}
	fw, err := flate.NewWriter(&m.data, flate.DefaultCompression)
	if err != nil {
		return nil, err
	}
	m.fw = fw
	z.open = m
	z.members = append(z.members, m)
	if strings.HasPrefix(name, "xl/worksheets/") {
		m.rel = &relPrefix{w: m}
		return m.rel, nil
	}
	return m, nil
}

// AddFS adds the files of fsys as members, as zip.Writer.AddFS does.
func (z *stampedZip) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		w, err := z.Create(name)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
}

// finish completes the member being written.
func (z *stampedZip) finish() error {
	m := z.open
	if m == nil {
		return nil
	}
	z.open = nil
	if m.rel != nil {
		if _, err := m.Write(m.rel.tail); err != nil {
			return err
		}
	}
	return m.fw.Close()
}

// Close writes the members in order and ends the archive.
func (z *stampedZip) Close() error {
	if err := z.finish(); err != nil {
		return err
	}
	sort.Slice(z.members, func(i, j int) bool { return z.members[i].name > z.members[j].name })
	date, clock, extra := zipTime(z.time)
	for _, m := range z.members {
		fh := &zip.FileHeader{
			Name: m.name, Method: zip.Deflate, Modified: z.time, Extra: extra,
			CRC32: m.crc.Sum32(), CompressedSize64: uint64(m.data.Len()), UncompressedSize64: m.size,
		}
		//lint:ignore SA1019 CreateRaw writes the MS-DOS fields as given and does not derive them from Modified.
		fh.ModifiedDate, fh.ModifiedTime = date, clock
		w, err := z.zw.CreateRaw(fh)
		if err != nil {
			return err
		}
		if _, err := m.data.WriteTo(w); err != nil {
			return err
		}
	}
	return z.zw.Close()
}

// zipTime encodes t as zip.Writer.CreateHeader does, which CreateRaw
// leaves to its caller: the MS-DOS date and time, and the Info-ZIP
// extended timestamp most tools read first.
func zipTime(t time.Time) (date, clock uint16, extra []byte) {
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	extra = binary.LittleEndian.AppendUint16(nil, 0x5455) // extended timestamp
	extra = binary.LittleEndian.AppendUint16(extra, 5)    // its size
	extra = append(extra, 1)                              // flags: modification time
	extra = binary.LittleEndian.AppendUint32(extra, uint32(t.Unix()))
	return date, clock, extra
}

// relLong is how Go's XML encoder names the relationship namespace of a
// hyperlink; relShort is the r: prefix the sheet declares for it.
var (
	relLong  = []byte(`xmlns:relationships="http://schemas.openxmlformats.org/officeDocument/2006/relationships" relationships`)
	relShort = []byte("r")
)

// relPrefix writes a worksheet with relLong shortened to relShort. The
// stream writer encodes the sheet's hyperlinks with relLong, which some
// strict readers reject; excelize shortens it in the sheets it writes
// itself, not in a streamed one. The last bytes are held back, as an
// occurrence may be split between two writes.
type relPrefix struct {
	w    io.Writer
	tail []byte
}

func (r *relPrefix) Write(p []byte) (int, error) {
	buf := bytes.ReplaceAll(append(r.tail, p...), relLong, relShort)
	keep := min(len(buf), len(relLong)-1)
	r.tail = append(r.tail[:0], buf[len(buf)-keep:]...)
	if _, err := r.w.Write(buf[:len(buf)-keep]); err != nil {
		return 0, err
	}
	return len(p), nil
}
