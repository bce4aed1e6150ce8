package fonts

// metrics.bin is written by TestMetricsFile from a fresh parse of the faces.
//go:generate go test -run ^TestMetricsFile$ . -args -update-metrics

import (
	_ "embed" // the faces and their precomputed metrics
	"encoding/binary"
)

// The faces are embedded one variable each rather than through embed.FS,
// whose ReadFile copies the whole file: a face is then read in place and
// only the pages that subsetting touches are ever faulted in.
var (
	//go:embed NotoSans-Regular.ttf
	notoRegular []byte
	//go:embed NotoSans-Bold.ttf
	notoBold []byte
	//go:embed NotoSans-Italic.ttf
	notoItalic []byte
	//go:embed NotoSans-BoldItalic.ttf
	notoBoldItalic []byte
	//go:embed NotoSansMono-Regular.ttf
	monoRegular []byte
	//go:embed NotoSansMono-Bold.ttf
	monoBold []byte
	//go:embed DejaVuSans.ttf
	dejaRegular []byte
	//go:embed DejaVuSans-Bold.ttf
	dejaBold []byte
	//go:embed DejaVuSans-Oblique.ttf
	dejaOblique []byte
	//go:embed DejaVuSans-BoldOblique.ttf
	dejaBoldOblique []byte
)

// embeddedFaces are the files of the embedded faces, by file name.
var embeddedFaces = map[string][]byte{
	"NotoSans-Regular.ttf":       notoRegular,
	"NotoSans-Bold.ttf":          notoBold,
	"NotoSans-Italic.ttf":        notoItalic,
	"NotoSans-BoldItalic.ttf":    notoBoldItalic,
	"NotoSansMono-Regular.ttf":   monoRegular,
	"NotoSansMono-Bold.ttf":      monoBold,
	"DejaVuSans.ttf":             dejaRegular,
	"DejaVuSans-Bold.ttf":        dejaBold,
	"DejaVuSans-Oblique.ttf":     dejaOblique,
	"DejaVuSans-BoldOblique.ttf": dejaBoldOblique,
}

// metricsFile holds the metrics of every embedded face, computed by parse
// at `go generate` time, so that start-up parses no font at all.
// TestMetricsFile fails when it no longer matches the faces.
//
//go:embed metrics.bin
var metricsFile []byte

// metricsMagic starts metrics.bin; it changes with the format.
const metricsMagic = "TDM2"

// metricsOf computes what metrics.bin holds of a face: its metrics and its
// kerned ASCII pairs.
func metricsOf(data []byte) (*metrics, error) {
	m, o, err := parse(data)
	if err != nil {
		return nil, err
	}
	upem := int(binary.BigEndian.Uint16(o.tables["head"][18:]))
	k := readKerning(o.tables["GPOS"], o.tables["kern"], upem, o.numGlyphs)
	k.fillASCII(m.cov)
	m.kernASCII, m.hasKernASCII = encodeASCIIKern(k.ascii), true
	return m, nil
}

// encodeMetrics writes metrics.bin: the magic, then per face its file name
// (length byte + bytes), ascent, descent and missing width (int32 each),
// the coverage length (uint32) and the coverage, the kerned ASCII pairs'
// length (uint32) and the pairs (encodeASCIIKern), all little-endian.
func encodeMetrics(names []string, ms []*metrics) []byte {
	out := []byte(metricsMagic)
	le := binary.LittleEndian
	for i, name := range names {
		m := ms[i]
		out = append(out, byte(len(name)))
		out = append(out, name...)
		out = le.AppendUint32(out, uint32(int32(m.ascent)))
		out = le.AppendUint32(out, uint32(int32(m.descent)))
		out = le.AppendUint32(out, uint32(int32(m.missingWidth)))
		out = le.AppendUint32(out, uint32(len(m.cov)))
		out = append(out, m.cov...)
		out = le.AppendUint32(out, uint32(len(m.kernASCII)))
		out = append(out, m.kernASCII...)
	}
	return out
}

// embeddedMetrics finds a face's record in metrics.bin, or returns nil if
// it has none (a stale file; the face is then parsed). The coverage and
// the kerned pairs are used in place.
func embeddedMetrics(file []byte, name string) *metrics {
	le := binary.LittleEndian
	if len(file) < len(metricsMagic) || string(file[:len(metricsMagic)]) != metricsMagic {
		return nil
	}
	p := file[len(metricsMagic):]
	for len(p) > 0 {
		n := int(p[0])
		if len(p) < 1+n+16 {
			return nil
		}
		rec := p[1+n:]
		size := int(le.Uint32(rec[12:]))
		if len(rec) < 20+size {
			return nil
		}
		kern := rec[16+size:]
		kernSize := int(le.Uint32(kern))
		if len(kern) < 4+kernSize {
			return nil
		}
		if string(p[1:1+n]) == name {
			cov := coverage(rec[16 : 16+size])
			if !cov.valid() {
				return nil
			}
			return &metrics{
				ascent:       int(int32(le.Uint32(rec))),
				descent:      int(int32(le.Uint32(rec[4:]))),
				missingWidth: int(int32(le.Uint32(rec[8:]))),
				cov:          cov,
				kernASCII:    kern[4 : 4+kernSize],
				hasKernASCII: true,
			}
		}
		p = kern[4+kernSize:]
	}
	return nil
}
