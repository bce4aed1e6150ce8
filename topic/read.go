package topic

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// DefaultMaxSize is the largest entry file read when Options.MaxSize is
// zero. A teaching page is a few dozen kilobytes; anything near this size is
// almost certainly the wrong file, and refusing it early keeps a mistaken
// path from eating memory.
const DefaultMaxSize = 8 << 20

// Options tune reading.
type Options struct {
	// MaxSize is the largest file accepted, in bytes; 0 means DefaultMaxSize.
	MaxSize int64
}

func (o Options) maxSize() int64 {
	if o.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return o.MaxSize
}

// stdinName is how standard input is named in messages.
const stdinName = "<stdin>"

// ReadFile reads an entry from a file; path "-" reads standard input.
func ReadFile(path string, opt Options) (*Entry, error) {
	if path == "-" {
		return ReadFrom(stdinName, os.Stdin, opt)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, errorf(path, Pos{}, "cannot read file: %v", unwrapPathError(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, errorf(path, Pos{}, "is a directory, not an entry file")
	}
	return ReadFrom(path, f, opt)
}

// unwrapPathError drops the "open path:" prefix, since messages already
// start with the file name.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ReadFrom reads an entry from r, named name in messages. It reads at most
// MaxSize+1 bytes, so an oversized input is refused without reading it all.
func ReadFrom(name string, r io.Reader, opt Options) (*Entry, error) {
	limit := opt.maxSize()
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, errorf(name, Pos{}, "cannot read file: %v", unwrapPathError(err))
	}
	if int64(len(data)) > limit {
		return nil, errorf(name, Pos{}, "file is larger than %s (use --max-size to raise the limit)", formatSize(limit))
	}
	return Read(name, data, opt)
}

// formatSize writes a byte count the way the size limit is usually given:
// "8 MiB", "512 KiB", or "1500 bytes" when it is not a whole unit.
func formatSize(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	case n == 1:
		return "1 byte"
	}
	return fmt.Sprintf("%d bytes", n)
}

// Read loads an entry from data. The form is chosen by the name's extension
// and confirmed by the content, so a JSON file saved as .md gets a clear
// message instead of a page of nonsense; without a known extension (or for
// standard input) the form is sniffed from the content.
func Read(name string, data []byte, opt Options) (*Entry, error) {
	if int64(len(data)) > opt.maxSize() {
		return nil, errorf(name, Pos{}, "file is larger than %s (use --max-size to raise the limit)", formatSize(opt.maxSize()))
	}
	text, err := checkText(name, data)
	if err != nil {
		return nil, err
	}
	f, err := DetectFormat(name, text)
	if err != nil {
		return nil, err
	}
	var e *Entry
	switch f {
	case FormatJSON:
		e, err = ReadJSON(name, text)
	case FormatYAML:
		e, err = ReadYAML(name, text)
	case FormatMarkdown:
		e, err = ReadMarkdown(name, text)
	default:
		e, err = ReadPageText(name, text)
	}
	if err != nil {
		return nil, err
	}
	e.Source = name
	e.Format = f
	if err := checkEntry(name, text, e); err != nil {
		return nil, err
	}
	return e, nil
}

// checkEntry applies the rules every form shares to a loaded entry. The
// JSON and YAML readers check these with exact positions already; for the
// other forms the position is found by looking for the front-matter line.
func checkEntry(name string, data []byte, e *Entry) error {
	if strings.TrimSpace(e.Title) == "" {
		return errorf(name, firstContent(data), "missing title (add a \"title:\" line or a \"# Title\" heading)")
	}
	if e.Slug != "" {
		if msg := slugProblem(e.Slug); msg != "" {
			return errorf(name, keyLine(data, "slug"), "%s", msg)
		}
	}
	if e.Updated != "" {
		if msg := dateProblem(e.Updated); msg != "" {
			return errorf(name, keyLine(data, "updated"), "%s", msg)
		}
	}
	return nil
}

// slugProblem tells what is wrong with a slug, or "" when it is valid: a
// slug is what Slugify would make of itself (lower case, letters and
// digits, single dashes between words), so it is safe in file names and URLs.
func slugProblem(s string) string {
	if s == Slugify(s) {
		return ""
	}
	if len(s) > MaxSlugBytes {
		return fmt.Sprintf("slug %q is longer than %d bytes; use a shorter one, e.g. %q", s, MaxSlugBytes, Slugify(s))
	}
	if want := Slugify(s); want != "" {
		return fmt.Sprintf("invalid slug %q: use lower-case letters, digits and single dashes, e.g. %q", s, want)
	}
	return fmt.Sprintf("invalid slug %q: use lower-case letters, digits and single dashes", s)
}

// dateProblem tells what is wrong with an "updated" date, or "" when it is
// an ISO 8601 calendar date (2024-03-01), optionally with a time.
func dateProblem(s string) string {
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if _, err := time.Parse(layout, s); err == nil {
			return ""
		}
	}
	return fmt.Sprintf("invalid date %q for \"updated\": use YYYY-MM-DD", s)
}

// keyLine finds the position of a top-level "key:" line, or 1:1.
func keyLine(data []byte, key string) Pos {
	line := 1
	for len(data) > 0 {
		l := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if bytes.HasPrefix(l, []byte(key+":")) {
			return Pos{Line: line, Col: 1}
		}
		line++
	}
	return Pos{Line: 1, Col: 1}
}

// bom is the UTF-8 byte order mark some editors put at the start of a file.
var bom = []byte{0xEF, 0xBB, 0xBF}

// checkText refuses input that is not an entry file at all (empty, binary,
// not UTF-8) and returns it without a byte order mark.
func checkText(name string, data []byte) ([]byte, error) {
	data = bytes.TrimPrefix(data, bom)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errorf(name, Pos{}, "file is empty")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		p := posAt(data, i)
		return nil, errorf(name, p, "not a text file: NUL byte at line %d col %d", p.Line, p.Col)
	}
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		p := posAt(data, i)
		return nil, errorf(name, p, "not a text file: invalid UTF-8 at line %d col %d", p.Line, p.Col)
	}
	return data, nil
}

// posAt turns a byte offset into a line and a column counted in runes.
func posAt(data []byte, off int) Pos {
	if off > len(data) {
		off = len(data)
	}
	if off < 0 {
		off = 0
	}
	before := data[:off]
	line := 1 + bytes.Count(before, []byte{'\n'})
	start := bytes.LastIndexByte(before, '\n') + 1
	return Pos{Line: line, Col: 1 + utf8.RuneCount(before[start:])}
}

// firstContent is the position of the first non-blank character.
func firstContent(data []byte) Pos {
	i := 0
	for i < len(data) && isSpaceByte(data[i]) {
		i++
	}
	if i == len(data) {
		return Pos{Line: 1, Col: 1}
	}
	return posAt(data, i)
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// DetectFormat tells which form data is in. A known extension picks the
// form and the content must agree; otherwise the content decides:
// "{" is JSON, front matter or a "# " heading is Markdown, a YAML mapping
// with a title is YAML, and anything else is page text copied from the site.
func DetectFormat(name string, data []byte) (Format, error) {
	data = bytes.TrimPrefix(data, bom)
	sniffed := sniff(data)
	want, known := FormatOfName(name)
	if !known {
		return sniffed, nil
	}
	if want == sniffed {
		return want, nil
	}
	pos := firstContent(data)
	switch want {
	case FormatJSON:
		return "", errorf(name, pos, "expected a JSON object starting with \"{\", but the file looks like %s", formatLabel(sniffed))
	case FormatYAML:
		// JSON is YAML, and a YAML file may well have no title yet (the
		// reader reports that); only Markdown is clearly something else.
		if sniffed == FormatMarkdown && hasFrontMatterBody(data) {
			return "", errorf(name, pos, "expected YAML, but the file looks like Markdown with front matter; rename it to .md")
		}
		return want, nil
	case FormatMarkdown:
		if sniffed == FormatJSON || sniffed == FormatYAML {
			return "", errorf(name, pos, "expected Markdown, but the file looks like %s; rename it to .%s", formatLabel(sniffed), sniffed)
		}
		return want, nil
	default: // page text
		if sniffed == FormatPageText {
			return want, nil
		}
		return "", errorf(name, pos, "expected page text copied from the site, but the file looks like %s; rename it to .%s", formatLabel(sniffed), sniffed)
	}
}

func formatLabel(f Format) string {
	switch f {
	case FormatJSON:
		return "JSON"
	case FormatYAML:
		return "YAML"
	case FormatMarkdown:
		return "Markdown"
	}
	return "page text"
}

// FormatOfName reports the form a file name's extension names: .md and
// .markdown, .json, .yaml and .yml, .txt (page text).
func FormatOfName(name string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return FormatMarkdown, true
	case ".json":
		return FormatJSON, true
	case ".yaml", ".yml":
		return FormatYAML, true
	case ".txt":
		return FormatPageText, true
	}
	return "", false
}

// sniff guesses the form from the content alone.
func sniff(data []byte) Format {
	lines := splitLines(data)
	first := -1
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			first = i
			break
		}
	}
	if first < 0 {
		return FormatPageText
	}
	head := strings.TrimSpace(lines[first])
	switch {
	case strings.HasPrefix(head, "{"):
		return FormatJSON
	case strings.TrimRight(lines[first], " \t") == "---":
		if hasFrontMatterBody(data) {
			return FormatMarkdown
		}
		if looksLikeYAML(lines[first+1:]) {
			return FormatYAML
		}
		return FormatMarkdown
	case looksLikeYAML(lines[first:]):
		return FormatYAML
	case strings.HasPrefix(lines[first], "# ") || lines[first] == "#":
		return FormatMarkdown
	}
	return FormatPageText
}

// looksLikeYAML reports whether lines read as a YAML mapping with a
// top-level title: the first line that is not blank or a comment is a
// "key:" line, and some line starts with "title:".
func looksLikeYAML(lines []string) bool {
	seenKey, title := false, false
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") && !seenKey {
			continue
		}
		if !seenKey {
			if !isKeyLine(l) {
				return false
			}
			seenKey = true
		}
		if strings.HasPrefix(l, "title:") || strings.HasPrefix(l, `"title":`) {
			title = true
		}
	}
	return seenKey && title
}

// isKeyLine reports whether l starts with a plain mapping key ("word:"
// followed by a space or the end of the line).
func isKeyLine(l string) bool {
	i := 0
	for i < len(l) && (l[i] == '_' || l[i] == '-' || l[i] >= 'a' && l[i] <= 'z' || l[i] >= 'A' && l[i] <= 'Z' || l[i] >= '0' && l[i] <= '9') {
		i++
	}
	if i == 0 || i >= len(l) || l[i] != ':' {
		return false
	}
	return i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\t' || l[i+1] == '\r'
}

// hasFrontMatterBody reports whether data opens with a "---" block that is
// closed by another "---" line with text after it: Markdown with front
// matter rather than a YAML document.
func hasFrontMatterBody(data []byte) bool {
	lines := splitLines(data)
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i >= len(lines) || strings.TrimRight(lines[i], " \t") != "---" {
		return false
	}
	for j := i + 1; j < len(lines); j++ {
		if strings.TrimRight(lines[j], " \t") == "---" {
			for _, rest := range lines[j+1:] {
				if strings.TrimSpace(rest) != "" {
					return true
				}
			}
			return false
		}
	}
	return false
}

func splitLines(data []byte) []string {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	return strings.Split(s, "\n")
}
