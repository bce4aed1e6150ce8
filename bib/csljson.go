package bib

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/scholargate/topicdeck/diag"
)

// cslTypes maps CSL item types onto the entry types formatting knows; any
// other CSL type is read as misc.
var cslTypes = map[string]string{
	"article-journal": "article", "article": "article", "article-magazine": "article",
	"article-newspaper": "article", "review": "article", "book": "book",
	"chapter": "incollection", "entry-encyclopedia": "incollection", "entry-dictionary": "incollection",
	"paper-conference": "inproceedings", "thesis": "phdthesis",
}

// cslItem is one CSL-JSON item. Variables the formatter does not print are
// still accepted; CSL-JSON files from reference managers carry many.
type cslItem struct {
	ID             cslString `json:"id"`
	Type           string    `json:"type"`
	Title          cslString `json:"title"`
	Author         []cslName `json:"author"`
	Editor         []cslName `json:"editor"`
	Issued         *cslDate  `json:"issued"`
	ContainerTitle cslString `json:"container-title"`
	Volume         cslString `json:"volume"`
	Issue          cslString `json:"issue"`
	Page           cslString `json:"page"`
	DOI            cslString `json:"DOI"`
	URL            cslString `json:"URL"`
	Publisher      cslString `json:"publisher"`
	PublisherPlace cslString `json:"publisher-place"`
	Edition        cslString `json:"edition"`
	Genre          cslString `json:"genre"`
	Note           cslString `json:"note"`
}

// cslName is a CSL name object.
type cslName struct {
	Family              string `json:"family"`
	Given               string `json:"given"`
	NonDroppingParticle string `json:"non-dropping-particle"`
	DroppingParticle    string `json:"dropping-particle"`
	Suffix              string `json:"suffix"`
	Literal             string `json:"literal"`
}

// cslDate is a CSL date: date-parts, or a literal or raw string.
type cslDate struct {
	DateParts [][]cslString `json:"date-parts"`
	Literal   string        `json:"literal"`
	Raw       string        `json:"raw"`
}

// cslString accepts a JSON string or number, because exporters write
// volume, issue, page and even id either way.
type cslString string

func (s *cslString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var v string
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		*s = cslString(v)
		return nil
	}
	if bytes.Equal(b, []byte("null")) {
		*s = ""
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		kind := "object"
		switch b[0] {
		case 't', 'f':
			kind = "bool"
		case '[':
			kind = "array"
		}
		return &json.UnmarshalTypeError{Value: kind, Type: reflect.TypeFor[string]()}
	}
	*s = cslString(n.String())
	return nil
}

// ParseCSLJSON reads a CSL-JSON bibliography: an array of items. name is
// used in positions. A syntax error or a field of the wrong type is returned
// as a *diag.Error with its line and column.
func ParseCSLJSON(name string, data []byte) (*Library, error) {
	if p := checkText(name, data); p != nil {
		return nil, p
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	lines := newLineIndex(data)
	at := func(off int64) diag.Pos { return lines.pos(int(off)) }
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, jsonError(name, data, at, 0, err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return nil, newError(name, at(skipJSONSpace(data, 0)), "CSL-JSON must be an array of items, found %s", describeToken(tok))
	}
	lib := NewLibrary()
	for dec.More() {
		start := skipJSONSpace(data, dec.InputOffset())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			// The decoder counts a syntax error's offset from the value's start.
			return nil, jsonError(name, data, at, start, err)
		}
		var item cslItem
		if err := strictItem(raw, &item); err != nil {
			return nil, jsonError(name, raw, func(off int64) diag.Pos { return at(start + off) }, 0, err)
		}
		e, msg := item.entry()
		if msg != "" {
			return nil, newError(name, at(start), "%s", msg)
		}
		e.File, e.Pos = name, at(start)
		if w := lib.add(e); w != nil {
			lib.warnings = append(lib.warnings, *w)
		}
	}
	if _, err := dec.Token(); err != nil {
		return nil, jsonError(name, data, at, 0, err)
	}
	if off := skipJSONSpace(data, dec.InputOffset()); off < int64(len(data)) {
		return nil, newError(name, at(off), "unexpected text after the CSL-JSON array")
	}
	return lib, nil
}

// strictItem decodes one item; it must be an object.
func strictItem(raw json.RawMessage, item *cslItem) error {
	if t := bytes.TrimSpace(raw); len(t) == 0 || t[0] != '{' {
		return errors.New("each CSL-JSON item must be an object")
	}
	return json.Unmarshal(raw, item)
}

// skipJSONSpace returns the offset of the first byte at or after off that is
// not JSON whitespace or a comma, so an item's position is its "{".
func skipJSONSpace(data []byte, off int64) int64 {
	for off < int64(len(data)) {
		switch data[off] {
		case ' ', '\t', '\n', '\r', ',':
			off++
		default:
			return off
		}
	}
	return off
}

func describeToken(tok json.Token) string {
	switch v := tok.(type) {
	case json.Delim:
		if v == '{' {
			return "an object (wrap the items in [ ])"
		}
		return fmt.Sprintf("%q", string(v))
	case string:
		return "a string"
	case nil:
		return "null"
	default:
		return fmt.Sprintf("%v", v)
	}
}

// jsonError positions an encoding/json error. Offsets in errors from
// decoding one item are relative to that item, hence base.
func jsonError(name string, data []byte, at func(int64) diag.Pos, base int64, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return newError(name, at(base+syn.Offset-1), "JSON syntax: %s", syn.Error())
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "item"
		}
		off := base + typ.Offset - 1
		if top, _, _ := strings.Cut(field, "."); top != "" {
			if v, ok := fieldValueOffset(data, top); ok {
				off = base + v // point at the value, not at its end
			}
		}
		return newError(name, at(off), "field %q: expected %s, found %s", field, typeName(typ.Type), typ.Value)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return newError(name, at(int64(len(data))), "unexpected end of file: the CSL-JSON array is not closed")
	}
	return newError(name, at(base), "%s", err.Error())
}

// fieldValueOffset returns the offset of the value of a top-level field of
// the JSON object in raw.
func fieldValueOffset(raw []byte, field string) (int64, bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	depth, keyNext := 0, false
	for {
		tok, err := dec.Token()
		if err != nil {
			return 0, false
		}
		switch v := tok.(type) {
		case json.Delim:
			if v == '{' || v == '[' {
				depth++
				keyNext = depth == 1
				continue
			}
			depth--
			keyNext = depth == 1
		default:
			if depth != 1 {
				continue
			}
			if keyNext && v == field {
				off := dec.InputOffset()
				for off < int64(len(raw)) && (raw[off] == ':' || raw[off] == ' ' || raw[off] == '\t' || raw[off] == '\n' || raw[off] == '\r') {
					off++
				}
				return off, true
			}
			keyNext = !keyNext
		}
	}
}

// typeName describes a Go type the way a CSL-JSON author thinks of it.
func typeName(t reflect.Type) string {
	if t == nil {
		return "a value"
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map, reflect.Pointer:
		return "an object"
	case reflect.String:
		return "a string"
	}
	return t.String()
}

// entry converts a CSL item to an Entry, mapping CSL variables onto the
// BibTeX field names formatting uses. The message is non-empty for an item
// that cannot be cited.
func (it *cslItem) entry() (*Entry, string) {
	id := strings.TrimSpace(string(it.ID))
	if id == "" {
		return nil, `CSL-JSON item has no "id"; it is the citation key`
	}
	e := &Entry{Key: id, SourceType: it.Type, Fields: map[string]string{}}
	e.Type = cslTypes[it.Type]
	if e.Type == "" {
		e.Type = "misc"
	}
	genre := string(it.Genre)
	if e.Type == "phdthesis" {
		// Generic genres are left to the locale's label, so a Swedish
		// reference says "Doktorsavhandling"; any other genre is printed.
		switch g := strings.ToLower(genre); {
		case strings.Contains(g, "master"):
			e.Type, genre = "mastersthesis", ""
		case strings.Contains(g, "doctoral") || strings.Contains(g, "phd") || strings.Contains(g, "ph.d") || g == "dissertation" || g == "thesis":
			genre = ""
		}
	}
	set := func(field string, v cslString) {
		if s := strings.Join(strings.Fields(string(v)), " "); s != "" {
			e.Fields[field] = s
		}
	}
	title, spans := cslTitle(string(it.Title))
	if title != "" {
		e.Fields["title"] = title
		e.Protected = map[string][]Span{"title": spans}
	}
	switch e.Type {
	case "article":
		set("journal", it.ContainerTitle)
	case "incollection", "inproceedings":
		if t, sp := cslTitle(string(it.ContainerTitle)); t != "" {
			e.Fields["booktitle"] = t
			if e.Protected == nil {
				e.Protected = map[string][]Span{}
			}
			e.Protected["booktitle"] = sp
		}
	default:
		set("howpublished", it.ContainerTitle)
	}
	set("volume", it.Volume)
	set("number", it.Issue)
	set("pages", it.Page)
	set("doi", it.DOI)
	set("url", it.URL)
	set("edition", it.Edition)
	set("address", it.PublisherPlace)
	set("note", it.Note)
	set("type", cslString(genre))
	if e.Type == "phdthesis" || e.Type == "mastersthesis" {
		set("school", it.Publisher)
	} else {
		set("publisher", it.Publisher)
	}
	if it.Issued != nil {
		year, month := it.Issued.yearMonth()
		if year != "" {
			e.Fields["year"] = year
		}
		if month != "" {
			e.Fields["month"] = month
		}
	}
	e.Authors = cslNames(it.Author)
	e.Editors = cslNames(it.Editor)
	return e, ""
}

// cslTitle reads a CSL title. CSL-JSON stores titles already in the case
// they are to be printed in (the CSL convention; citeproc does not
// sentence-case them), so the whole title is protected. Rich-text markup
// such as <span class="nocase"> or <i> is removed.
func cslTitle(s string) (string, []Span) {
	s = strings.Join(strings.Fields(stripTags(s)), " ")
	if s == "" {
		return "", nil
	}
	return s, []Span{{0, len(s)}}
}

// stripTags removes the HTML-like tags CSL allows in rich text
// (<i>, <b>, <sup>, <sub>, <span class="nocase">).
func stripTags(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '>')
		tag := ""
		if j > 0 {
			tag = strings.ToLower(s[i+1 : i+j])
		}
		if j < 0 || !isCSLTag(tag) {
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		b.WriteString(s[:i])
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

func isCSLTag(tag string) bool {
	tag = strings.TrimPrefix(tag, "/")
	name, _, _ := strings.Cut(tag, " ")
	switch name {
	case "i", "b", "sup", "sub", "span":
		return true
	}
	return false
}

func cslNames(in []cslName) []Name {
	var out []Name
	for _, n := range in {
		name := Name{
			Family:  strings.TrimSpace(n.Family),
			Given:   strings.TrimSpace(n.Given),
			Suffix:  strings.TrimSpace(n.Suffix),
			Literal: strings.TrimSpace(n.Literal),
		}
		name.Particle = strings.TrimSpace(strings.TrimSpace(n.DroppingParticle + " " + n.NonDroppingParticle))
		if name.Literal == "" && name.Family == "" && name.Given != "" {
			name.Literal = name.Given // a mononym or an organisation written in "given"
			name.Given = ""
		}
		if name == (Name{}) {
			continue
		}
		out = append(out, name)
	}
	return out
}

// yearMonth returns the year and month of the first date in a CSL date.
func (d *cslDate) yearMonth() (year, month string) {
	if len(d.DateParts) > 0 && len(d.DateParts[0]) > 0 {
		year = strings.TrimSpace(string(d.DateParts[0][0]))
		if len(d.DateParts[0]) > 1 {
			if m, err := strconv.Atoi(strings.TrimSpace(string(d.DateParts[0][1]))); err == nil && m >= 1 && m <= 12 {
				month = monthNames[m-1]
			}
		}
		return year, month
	}
	for _, s := range []string{d.Literal, d.Raw} {
		if y := findYear(s); y != "" {
			return y, ""
		}
		if s = strings.TrimSpace(s); s != "" {
			return s, ""
		}
	}
	return "", ""
}

var monthNames = [...]string{"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// findYear returns the first four-digit run in s.
func findYear(s string) string {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			run++
			if run == 4 && (i+1 == len(s) || s[i+1] < '0' || s[i+1] > '9') {
				return s[i-3 : i+1]
			}
			continue
		}
		run = 0
	}
	return ""
}
