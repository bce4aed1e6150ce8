package pdf

import "encoding/binary"

// adlerMod and adlerBlock are Adler-32's modulus and the most bytes whose
// sums fit 32 bits before they must be reduced (RFC 1950; hash/adler32's
// nmax), a multiple of sixteen.
const (
	adlerMod   = 65521
	adlerBlock = 5552
)

// adler32 is the Adler-32 checksum that ends a zlib stream, the value
// hash/adler32 computes. hash/adler32 adds one byte at a time, each sum
// waiting for the one before. This adds sixteen at a time: the first sum
// grows by the bytes b0…b15, the second by 16 times the first and by
// 16·b0 + 15·b1 + … + 1·b15. Both come from two 8-byte loads without
// taking the bytes apart: each load's even bytes, and its pairs of bytes
// (b0+b1, b2+b3, …), are 16-bit lanes of a word, and multiplying such a
// word by a constant adds up its lanes, each times the constant's lane
// for it, in the top lane (the constants' lanes are in the comments;
// no lane's sum reaches 2^16, so none carries into the next). The sums
// after every sixteen bytes are those hash/adler32 has there, so they stay
// within 32 bits for the same block length. Deflate checksums every stream
// it compresses: 1% of a course build's CPU time with hash/adler32.
func adler32(p []byte) uint32 {
	const (
		mask = 0x00FF00FF00FF00FF // the even bytes, one in each 16-bit lane
		ones = 0x0001000100010001 // lanes 1, 1, 1, 1 (from the top)
		low  = 0x0007000500030001 // 7, 5, 3, 1: the last 8 bytes' pairs
		high = 0x000F000D000B0009 // 15, 13, 11, 9: the first 8 bytes' pairs
		step = 16
	)
	s1, s2 := uint32(1), uint32(0)
	for len(p) > 0 {
		block := p[:min(len(p), adlerBlock)]
		p = p[len(block):]
		for ; len(block) >= step; block = block[step:] {
			a, b := binary.LittleEndian.Uint64(block), binary.LittleEndian.Uint64(block[8:])
			evenA, evenB := a&mask, b&mask
			pairsA, pairsB := evenA+(a>>8)&mask, evenB+(b>>8)&mask
			// 16·b0 + 15·b1 + … = 15·(b0+b1) + 13·(b2+b3) + … + (b0 + b2 + …)
			weighted := (pairsA*high + pairsB*low + (evenA+evenB)*ones) >> 48
			s2 += step*s1 + uint32(weighted)
			s1 += uint32(((pairsA + pairsB) * ones) >> 48)
		}
		for _, b := range block {
			s1 += uint32(b)
			s2 += s1
		}
		s1 %= adlerMod
		s2 %= adlerMod
	}
	return s2<<16 | s1
}
