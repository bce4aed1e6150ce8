package topic

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"unicode/utf8"
)

// ReadJSON reads an entry in the JSON form. Syntax is checked by
// encoding/json; the document is then walked token by token so every key
// and value keeps its line and column for messages.
func ReadJSON(name string, data []byte) (*Entry, error) {
	return readTree(name, data, FormatJSON, jsonTree)
}

// jsonTree checks that data is text holding one JSON object and builds
// its node tree.
func jsonTree(name string, data []byte) (*node, error) {
	text, err := checkText(name, data)
	if err != nil {
		return nil, err
	}
	start := 0
	for start < len(text) && isSpaceByte(text[start]) {
		start++
	}
	if text[start] != '{' {
		return nil, errorf(name, posAt(text, start), "expected a JSON object starting with \"{\"")
	}
	var raw json.RawMessage
	if err := json.Unmarshal(text, &raw); err != nil {
		return nil, jsonSyntaxError(name, text, err)
	}
	root, err := parseJSONTree(text)
	if err != nil {
		return nil, jsonSyntaxError(name, text, err)
	}
	return root, nil
}

// jsonSyntaxError places an encoding/json error at the character it
// complains about.
func jsonSyntaxError(name string, data []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off := int(se.Offset)
		if off >= len(data) {
			// Unexpected end: point just after the last character written.
			end := len(bytes.TrimRight(data, " \t\r\n"))
			return errorf(name, posAt(data, end), "JSON syntax error: %s", se.Error())
		}
		return errorf(name, posAt(data, max(off-1, 0)), "JSON syntax error: %s", se.Error())
	}
	return errorf(name, Pos{Line: 1, Col: 1}, "JSON syntax error: %v", err)
}

// lineCounter turns increasing byte offsets into positions in linear time.
type lineCounter struct {
	data []byte
	off  int
	pos  Pos
}

func (c *lineCounter) at(off int) Pos {
	for c.off < off && c.off < len(c.data) {
		r, n := utf8.DecodeRune(c.data[c.off:])
		c.off += n
		if r == '\n' {
			c.pos.Line++
			c.pos.Col = 1
		} else {
			c.pos.Col++
		}
	}
	return c.pos
}

// parseJSONTree builds the node tree of syntactically valid JSON.
func parseJSONTree(data []byte) (*node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	lc := &lineCounter{data: data, pos: Pos{Line: 1, Col: 1}}
	p := &jsonParser{dec: dec, data: data, lc: lc}
	root, err := p.value()
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("unexpected data after the top-level object")
	}
	return root, nil
}

type jsonParser struct {
	dec  *json.Decoder
	data []byte
	lc   *lineCounter
}

// next returns the next token and where it starts: the decoder's offset is
// the end of the previous token, so the separators after it are skipped.
func (p *jsonParser) next() (json.Token, Pos, error) {
	off := int(p.dec.InputOffset())
	for off < len(p.data) {
		c := p.data[off]
		if !isSpaceByte(c) && c != ',' && c != ':' {
			break
		}
		off++
	}
	tok, err := p.dec.Token()
	return tok, p.lc.at(off), err
}

func (p *jsonParser) value() (*node, error) {
	tok, pos, err := p.next()
	if err != nil {
		return nil, err
	}
	return p.valueFrom(tok, pos)
}

func (p *jsonParser) valueFrom(tok json.Token, pos Pos) (*node, error) {
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := &node{kind: mapNode, pos: pos}
			err := p.members('}', func(tok json.Token, kpos Pos) error {
				k, ok := tok.(string)
				if !ok {
					return errors.New("object key is not a string")
				}
				v, err := p.value()
				if err != nil {
					return err
				}
				n.keys = append(n.keys, &node{kind: scalarNode, str: true, value: k, pos: kpos})
				n.items = append(n.items, v)
				return nil
			})
			if err != nil {
				return nil, err
			}
			return n, nil
		case '[':
			n := &node{kind: listNode, pos: pos}
			err := p.members(']', func(tok json.Token, ipos Pos) error {
				v, err := p.valueFrom(tok, ipos)
				if err != nil {
					return err
				}
				n.items = append(n.items, v)
				return nil
			})
			if err != nil {
				return nil, err
			}
			return n, nil
		}
		return nil, errors.New("unexpected delimiter")
	case string:
		return &node{kind: scalarNode, str: true, value: t, pos: pos}, nil
	case json.Number:
		return &node{kind: scalarNode, value: string(t), pos: pos}, nil
	case bool:
		v := "false"
		if t {
			v = "true"
		}
		return &node{kind: scalarNode, value: v, pos: pos}, nil
	case nil:
		return &node{kind: nullNode, pos: pos}, nil
	}
	return nil, errors.New("unexpected token")
}

// members reads an object's or array's members up to the delimiter that
// closes it, handing add each member's first token and its position.
func (p *jsonParser) members(end json.Delim, add func(json.Token, Pos) error) error {
	for {
		tok, pos, err := p.next()
		if err != nil {
			return err
		}
		if tok == end {
			return nil
		}
		if err := add(tok, pos); err != nil {
			return err
		}
	}
}

// WriteJSON writes an entry in the JSON form: two-space indent, fields in
// canonical order, prose and inline text as Markdown strings.
func WriteJSON(w io.Writer, e *Entry) error {
	var b bytes.Buffer
	writeJSONValue(&b, encodeEntry(e), "")
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}

func writeJSONValue(b *bytes.Buffer, v *ovalue, indent string) {
	switch v.kind {
	case ovString:
		writeJSONString(b, v.s)
	case ovList:
		writeJSONMembers(b, '[', ']', len(v.list), indent, func(i int) {
			writeJSONValue(b, v.list[i], indent+"  ")
		})
	case ovObject:
		writeJSONMembers(b, '{', '}', len(v.keys), indent, func(i int) {
			writeJSONString(b, v.keys[i])
			b.WriteString(": ")
			writeJSONValue(b, v.vals[i], indent+"  ")
		})
	}
}

// writeJSONMembers writes an array or object of n members between its
// brackets, one member a line indented below them, and an empty one as
// [] or {}.
func writeJSONMembers(b *bytes.Buffer, opening, closing byte, n int, indent string, member func(i int)) {
	b.WriteByte(opening)
	if n == 0 {
		b.WriteByte(closing)
		return
	}
	b.WriteByte('\n')
	for i := range n {
		b.WriteString(indent + "  ")
		member(i)
		if i < n-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(indent)
	b.WriteByte(closing)
}

// writeJSONString writes s as a JSON string without HTML escaping, which
// would turn every "<" and "&" in prose into unreadable \u escapes.
func writeJSONString(b *bytes.Buffer, s string) {
	var tmp bytes.Buffer
	enc := json.NewEncoder(&tmp)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	b.Write(bytes.TrimSuffix(tmp.Bytes(), []byte{'\n'}))
}
