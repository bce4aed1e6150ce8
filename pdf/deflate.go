package pdf

import (
	"encoding/binary"
	"hash/adler32"
	"math"
	"math/bits"
	"slices"
	"sync"
)

// Deflate appends data compressed in zlib format (FlateDecode) to dst.
//
// It writes one block with the fixed Huffman codes of RFC 1951 after a
// greedy LZ77 pass. compress/flate builds Huffman tables per block and
// allocates close to a megabyte per writer: for the few kilobytes of a
// page or a font subset that costs more than the drawing, and the first
// writer of a process several milliseconds. Fixed codes give files about
// a tenth larger than the best dynamic ones, at a fraction of the time.
func Deflate(dst, data []byte) []byte {
	e := encoders.Get().(*encoder)
	body := e.encode(data)
	dst = slices.Grow(dst, 2+len(body)+4)
	dst = append(dst, 0x78, 0x01) // zlib header: deflate, 32 KB window, fastest
	dst = append(dst, body...)
	encoders.Put(e)
	return binary.BigEndian.AppendUint32(dst, adler32.Checksum(data))
}

const (
	hashBits  = 14
	maxMatch  = 258
	minMatch  = 4
	maxWindow = 32768
)

// encoder is one LZ77 pass's hash table and output buffer, reused between
// streams. The output is written by index into a buffer sized for the
// worst case and copied out once, rather than appended to the result: the
// appends' regrowing was most of what a small deck allocated.
type encoder struct {
	table [1 << hashBits]int32 // base+position+1 of the last 4 bytes with this hash
	// base is added to the positions of the stream being encoded: every
	// entry an earlier stream left is at most base, so it reads as no
	// position, as in a cleared table, without clearing 64 KB a stream.
	base int32
	out  []byte
	pos  int    // bytes written to out
	acc  uint64 // bits not yet written, least significant first
	n    uint   // number of bits in acc
}

var encoders = sync.Pool{New: func() any { return new(encoder) }}

// Fixed Huffman codes, bit-reversed for LSB-first output, with lengths.
var (
	litCode [288]uint16
	litLen  [288]uint8
	dstCode [30]uint16
)

func init() {
	for v := range 288 {
		var code, n int
		switch {
		case v < 144:
			code, n = 0x30+v, 8
		case v < 256:
			code, n = 0x190+v-144, 9
		case v < 280:
			code, n = v-256, 7
		default:
			code, n = 0xC0+v-280, 8
		}
		litCode[v] = uint16(bits.Reverse16(uint16(code)) >> (16 - n))
		litLen[v] = uint8(n)
	}
	for v := range 30 {
		dstCode[v] = bits.Reverse16(uint16(v)) >> 11
	}
	for l := range lenCode {
		code, extra, nb := 285, 0, uint(0)
		switch {
		case l < 8:
			code = 257 + l
		case l < 255:
			nb = uint(bits.Len(uint(l)) - 3)
			code = 257 + 4*int(nb+1) + (l>>nb)&3
			extra = l & (1<<nb - 1)
		}
		v := uint32(litCode[code]) | uint32(extra)<<litLen[code]
		lenCode[l] = v | (uint32(litLen[code])+uint32(nb))<<24
	}
}

// lenCode holds, for each match length less 3, its length code and extra
// bits ready to write (low 24 bits) and how many bits that is (high 8), so
// that a match is one write.
var lenCode [256]uint32

func (e *encoder) bits(v uint64, n uint) {
	e.acc |= v << e.n
	e.n += n
	if e.n >= 32 {
		binary.LittleEndian.PutUint32(e.out[e.pos:], uint32(e.acc))
		e.pos += 4
		e.acc >>= 32
		e.n -= 32
	}
}

func (e *encoder) literal(b byte) {
	e.acc |= uint64(litCode[b]) << e.n
	e.n += uint(litLen[b])
	if e.n >= 32 {
		binary.LittleEndian.PutUint32(e.out[e.pos:], uint32(e.acc))
		e.pos += 4
		e.acc >>= 32
		e.n -= 32
	}
}

// match writes a length (3–258) and distance (1–32768) pair, at most 31
// bits, in one write.
func (e *encoder) match(length, dist int) {
	lc := lenCode[length-3]
	v, n := uint64(lc&0xFFFFFF), uint(lc>>24)
	d := dist - 1
	if d < 4 {
		e.bits(v|uint64(dstCode[d])<<n, n+5)
		return
	}
	nb := uint(bits.Len(uint(d)) - 1)
	code := 2*int(nb) + (d>>(nb-1))&1
	v |= (uint64(dstCode[code]) | uint64(d&(1<<(nb-1)-1))<<5) << n
	e.bits(v, n+5+nb-1)
}

func hash4(b []byte) uint32 { return hashWord(binary.LittleEndian.Uint32(b)) }

func hashWord(w uint32) uint32 { return (w * 0x9E3779B1) >> (32 - hashBits) }

// remember stores the positions from up to last (each followed by
// minMatch bytes of data) in the table, in order, so a later one wins a
// shared slot. Five positions are hashed from one 8-byte load.
//
// The caller has just stored from-1, so the last one to four positions
// are stored as the four ending at last, even if that stores again some
// stored a moment ago: storing again a run that ends the positions stored
// so far leaves every slot as it was, each still holding the latest of
// them. That is four stores without a branch where a loop of one to four
// rounds was mispredicted most times (matches in pages are short).
func (e *encoder) remember(data []byte, base, from, last int) {
	i := from
	for ; i+5 <= last && i+8 <= len(data); i += 5 {
		x := binary.LittleEndian.Uint64(data[i:])
		v := int32(base + i + 1)
		e.storeFour(x, v)
		e.table[hashWord(uint32(x>>32))] = v + 4
	}
	if j := last - 4; i < last && j >= from-1 && j+8 <= len(data) {
		e.storeFour(binary.LittleEndian.Uint64(data[j:]), int32(base+j+1))
		return
	}
	for ; i < last; i++ {
		e.table[hash4(data[i:])] = int32(base + i + 1)
	}
}

// storeFour stores v to v+3 as the positions of the four 4-byte words
// that start in the low bytes of x, in order.
func (e *encoder) storeFour(x uint64, v int32) {
	e.table[hashWord(uint32(x))] = v
	e.table[hashWord(uint32(x>>8))] = v + 1
	e.table[hashWord(uint32(x>>16))] = v + 2
	e.table[hashWord(uint32(x>>24))] = v + 3
}

// matchLen is how far data from cand < i repeats data from i (whose
// first minMatch bytes are known equal), up to maxMatch: eight bytes a
// step, then the byte where they differ.
func matchLen(data []byte, cand, i int) int {
	n, limit := minMatch, min(maxMatch, len(data)-i)
	for n+8 <= limit {
		if x := binary.LittleEndian.Uint64(data[cand+n:]) ^ binary.LittleEndian.Uint64(data[i+n:]); x != 0 {
			return n + bits.TrailingZeros64(x)/8
		}
		n += 8
	}
	for n < limit && data[cand+n] == data[i+n] {
		n++
	}
	return n
}

// encode returns one final fixed-Huffman block holding data, in the
// encoder's buffer (valid until its next use).
func (e *encoder) encode(data []byte) []byte {
	if int64(e.base)+int64(len(data))+2 > math.MaxInt32 {
		clear(e.table[:])
		e.base = 0
	}
	base := int(e.base)
	e.base += int32(len(data)) + 1 // for the next stream
	// No code is longer than 9 bits a byte of data: a literal is 8 or 9,
	// and a match (at least 4 bytes) at most 31. Add the block's header
	// and end, and room for the last 32-bit write.
	if need := len(data) + len(data)/8 + 16; cap(e.out) < need {
		e.out = make([]byte, need)
	}
	e.out = e.out[:cap(e.out)]
	e.pos, e.acc, e.n = 0, 0, 0
	e.bits(1, 1) // BFINAL
	e.bits(1, 2) // BTYPE 01: fixed Huffman codes
	i, misses := 0, 0
	for i+minMatch <= len(data) {
		h := hash4(data[i:])
		cand := int(e.table[h]) - base - 1
		e.table[h] = int32(base + i + 1)
		if cand < 0 || i-cand > maxWindow || binary.LittleEndian.Uint32(data[cand:]) != binary.LittleEndian.Uint32(data[i:]) {
			// In data that does not repeat (glyph outlines), look for
			// matches less often the longer none is found.
			misses++
			end := min(i+1+misses>>5, len(data)-minMatch+1)
			for ; i < end; i++ {
				e.literal(data[i])
			}
			continue
		}
		misses = 0
		n := matchLen(data, cand, i)
		e.match(n, i-cand)
		// Remember the positions inside the match, so later text can
		// refer to them.
		end := i + n
		e.remember(data, base, i+1, min(end, len(data)-minMatch+1))
		i = end
	}
	for ; i < len(data); i++ {
		e.literal(data[i])
	}
	e.bits(uint64(litCode[256]), uint(litLen[256])) // end of block
	for e.n > 0 {
		e.out[e.pos] = byte(e.acc)
		e.pos++
		e.acc >>= 8
		e.n -= min(e.n, 8)
	}
	return e.out[:e.pos]
}
