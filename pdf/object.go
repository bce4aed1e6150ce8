// Package pdf writes PDF 1.7 files: typed objects, indirect references,
// Flate streams, object streams with a cross-reference stream, CID fonts
// addressed by glyph, images, and the logical structure of a tagged PDF.
// It decides nothing about layout; pdfdraw says what goes where. Output
// depends only on what is written: no clock, no map order, and a file ID
// derived from the content.
package pdf

import (
	"strconv"
	"unicode/utf16"
)

// Object is a PDF value that can be written into a file.
type Object interface {
	// AppendPDF appends the value's PDF syntax to b.
	AppendPDF(b []byte) []byte
}

// Name is a PDF name, written without its slash here (Name("Type")).
type Name string

// String is a text string: written as a literal when it is ASCII, else as
// UTF-16BE with a byte order mark, so any character survives.
type String string

// Bytes is a byte string written as-is (escaped), for identifiers.
type Bytes []byte

// Int is an integer.
type Int int

// Real is a number, written with at most four decimals.
type Real float64

// Bool is true or false.
type Bool bool

// Ref is a reference to an indirect object; 0 is no object.
type Ref int

// Array is an array of values.
type Array []Object

// Entry is one key of a dictionary.
type Entry struct {
	Key   Name
	Value Object
}

// Dict is a dictionary; keys are written in the order given, so output
// never depends on map order.
type Dict []Entry

// Null is the null object.
type Null struct{}

// AppendPDF implements Object.
func (n Name) AppendPDF(b []byte) []byte {
	b = append(b, '/')
	for i := 0; i < len(n); i++ {
		c := n[i]
		if c < 0x21 || c > 0x7E || c == '#' || isDelim(c) {
			b = append(b, '#', hex[c>>4], hex[c&15])
			continue
		}
		b = append(b, c)
	}
	return b
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

const hex = "0123456789ABCDEF"

// AppendPDF implements Object.
func (s String) AppendPDF(b []byte) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return appendUTF16(b, string(s))
		}
	}
	return Bytes(s).AppendPDF(b)
}

// appendUTF16 writes s as a hex string in UTF-16BE with a byte order mark.
func appendUTF16(b []byte, s string) []byte {
	b = append(b, "<FEFF"...)
	var buf [2]uint16
	for _, r := range s {
		units := buf[:1]
		if r > 0xFFFF {
			r1, r2 := utf16.EncodeRune(r)
			units = buf[:2]
			units[0], units[1] = uint16(r1), uint16(r2)
		} else {
			units[0] = uint16(r)
		}
		for _, u := range units {
			b = append(b, hex[u>>12], hex[u>>8&15], hex[u>>4&15], hex[u&15])
		}
	}
	return append(b, '>')
}

// AppendPDF implements Object.
func (s Bytes) AppendPDF(b []byte) []byte {
	b = append(b, '(')
	for _, c := range s {
		switch c {
		case '(', ')', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		default:
			if c < 0x20 || c >= 0x7F {
				b = append(b, '\\', '0'+c>>6, '0'+c>>3&7, '0'+c&7)
			} else {
				b = append(b, c)
			}
		}
	}
	return append(b, ')')
}

// AppendPDF implements Object.
func (i Int) AppendPDF(b []byte) []byte { return strconv.AppendInt(b, int64(i), 10) }

// AppendPDF implements Object.
func (r Real) AppendPDF(b []byte) []byte { return appendReal(b, float64(r)) }

// appendReal writes v with up to four decimals and no trailing zeros:
// finer than any printer, and the same bytes on every machine.
func appendReal(b []byte, v float64) []byte {
	if v != v || v > 1e9 || v < -1e9 {
		v = 0 // NaN or out of range: never write what a reader rejects
	}
	n := int64(v*10000 + 0.5)
	if v < 0 {
		n = int64(v*10000 - 0.5)
	}
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	b = strconv.AppendInt(b, n/10000, 10)
	if frac := uint32(n % 10000); frac != 0 {
		// Up to four digits, until the rest is zero, each by a constant
		// divisor (a multiplication) rather than by one that shrinks in a
		// loop (a division each): every coordinate of a page comes here.
		b = append(b, '.', byte('0'+frac/1000))
		if frac %= 1000; frac != 0 {
			b = append(b, byte('0'+frac/100))
			if frac %= 100; frac != 0 {
				b = append(b, byte('0'+frac/10))
				if frac %= 10; frac != 0 {
					b = append(b, byte('0'+frac))
				}
			}
		}
	}
	return b
}

// AppendPDF implements Object.
func (v Bool) AppendPDF(b []byte) []byte {
	if v {
		return append(b, "true"...)
	}
	return append(b, "false"...)
}

// AppendPDF implements Object.
func (r Ref) AppendPDF(b []byte) []byte {
	b = strconv.AppendInt(b, int64(r), 10)
	return append(b, " 0 R"...)
}

// AppendPDF implements Object.
func (Null) AppendPDF(b []byte) []byte { return append(b, "null"...) }

// AppendPDF implements Object.
func (a Array) AppendPDF(b []byte) []byte {
	b = append(b, '[')
	for i, v := range a {
		if i > 0 {
			b = append(b, ' ')
		}
		b = v.AppendPDF(b)
	}
	return append(b, ']')
}

// AppendPDF implements Object.
func (d Dict) AppendPDF(b []byte) []byte {
	b = append(b, "<<"...)
	for _, e := range d {
		if e.Value == nil {
			continue
		}
		b = e.Key.AppendPDF(b)
		b = append(b, ' ')
		b = e.Value.AppendPDF(b)
	}
	return append(b, ">>"...)
}

// Get returns the value of key, or nil.
func (d Dict) Get(key Name) Object {
	for _, e := range d {
		if e.Key == key {
			return e.Value
		}
	}
	return nil
}
