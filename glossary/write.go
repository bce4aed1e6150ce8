package glossary

import (
	"fmt"
	"html"
	"io"
	"strings"
	"time"

	"github.com/scholargate/topicdeck/internal/safelink"
	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/topic"
)

// Format is an output form of the glossary.
type Format string

// The output forms.
const (
	XLSX   Format = "xlsx"   // workbook with a sheet per kind of content
	CSV    Format = "csv"    // RFC 4180, UTF-8, the Glossary sheet only
	TSV    Format = "tsv"    // tab-separated, the Glossary sheet only
	Anki   Format = "anki"   // Anki's tab-separated import with file headers
	Moodle Format = "moodle" // Moodle's glossary XML (import into a glossary activity)
)

// Formats lists the output forms, in the order help texts show them.
func Formats() []Format { return []Format{XLSX, CSV, TSV, Anki, Moodle} }

// ParseFormat returns the format named s (case-insensitive).
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats() {
		if strings.EqualFold(s, string(f)) {
			return f, nil
		}
	}
	var names []string
	for _, f := range Formats() {
		names = append(names, string(f))
	}
	return "", fmt.Errorf("unknown glossary format %q (want one of %s)", s, strings.Join(names, ", "))
}

// Ext returns the file name extension for the format, without the dot.
func (f Format) Ext() string {
	switch f {
	case Anki:
		return "txt"
	case Moodle:
		return "xml"
	}
	return string(f)
}

// WriteOptions steer Write.
type WriteOptions struct {
	Format Format
	// BOM starts CSV and TSV output with a UTF-8 byte order mark, which
	// Excel needs to read the file as UTF-8.
	BOM bool
	// Creator and Time are written into the workbook's properties; Time
	// should be fixed (not the clock) so output is reproducible.
	Creator string
	Time    time.Time
}

// Write writes the glossary in the chosen format. The warnings tell what
// a format could not carry: terms without a definition, which Anki and
// Moodle leave out (an empty card is useless, Moodle refuses an empty
// entry), or a workbook cell longer than Excel allows.
func (g *Glossary) Write(w io.Writer, opt WriteOptions) ([]string, error) {
	switch opt.Format {
	case XLSX, "":
		return g.writeXLSX(w, opt)
	case CSV:
		return nil, g.writeDelimited(w, ',', opt.BOM)
	case TSV:
		return nil, g.writeDelimited(w, '\t', opt.BOM)
	case Anki:
		return g.writeAnki(w)
	case Moodle:
		return g.writeMoodle(w)
	}
	_, err := ParseFormat(string(opt.Format))
	return nil, err
}

// row is one term as the tabular formats show it.
type row struct {
	term, definition, source, topics, related, status, notes string
	missing                                                  bool
	link                                                     string
}

// Header returns the column names of the Glossary sheet (and of CSV/TSV).
func Header() []string {
	return []string{"Term", "Definition", "Definition source", "Topics", "Related concepts", "Review status", "Notes"}
}

func (r row) cells() []string {
	return []string{r.term, r.definition, r.source, r.topics, r.related, r.status, r.notes}
}

// rows renders the terms with the course language's labels.
func (g *Glossary) rows() []row {
	l := locale.For(g.Lang)
	out := make([]row, 0, len(g.Terms))
	for _, t := range g.Terms {
		r := row{
			term:    t.Name,
			topics:  strings.Join(t.Topics, "; "),
			related: strings.Join(t.Related, "; "),
			status:  l.Get(locale.Approved),
		}
		if t.NeedsReview() {
			r.status = l.Get(locale.NeedsReview)
		}
		d := t.Definition
		r.source = sourceLabel(l, d, len(t.Topics) > 1)
		if d.Origin == Missing {
			r.missing = true
		} else {
			r.definition = oneLine(d.Text.Plain())
			r.link = firstURL(d.Text)
		}
		var notes []string
		if d.Matched != "" {
			notes = append(notes, l.Format(locale.MatchedAs, d.Matched)+".")
		}
		for _, o := range t.Others {
			notes = append(notes, l.Format(locale.OtherDefinition, o.Topic, oneLine(o.Text.Plain())))
		}
		r.notes = strings.Join(notes, "\n")
		out = append(out, r)
	}
	return out
}

// sourceLabel says where a definition came from, naming the topic when the
// term belongs to several.
func sourceLabel(l locale.Labels, d Definition, many bool) string {
	var s string
	switch d.Origin {
	case FromEntry:
		s = l.Get(locale.FromEntry)
	case Extracted:
		s = l.Format(locale.ExtractedFrom, d.Section)
	default:
		return l.Get(locale.MissingLabel)
	}
	if many && d.Topic != "" {
		s += " (" + d.Topic + ")"
	}
	return s
}

func firstURL(t topic.Text) string {
	for _, r := range t {
		if r.URL != "" {
			return r.URL
		}
	}
	return ""
}

// HTML renders inline text as HTML: escaped, with <b>, <i>, <code> and
// <a href> for the runs' styles and links. Newlines become <br>, so the
// result fits on one line of a tab-separated file.
func HTML(t topic.Text) string {
	var b strings.Builder
	for _, r := range t {
		txt := html.EscapeString(r.Text)
		txt = strings.ReplaceAll(txt, "\t", " ")
		txt = strings.ReplaceAll(txt, "\r\n", "<br>")
		txt = strings.ReplaceAll(txt, "\n", "<br>")
		if r.Style&topic.Code != 0 {
			txt = "<code>" + txt + "</code>"
		}
		if r.Style&topic.Italic != 0 {
			txt = "<i>" + txt + "</i>"
		}
		if r.Style&topic.Bold != 0 {
			txt = "<b>" + txt + "</b>"
		}
		if r.URL != "" && safelink.Allowed(r.URL) {
			txt = `<a href="` + html.EscapeString(r.URL) + `">` + txt + "</a>"
		}
		b.WriteString(txt)
	}
	return b.String()
}

// cleanXML drops characters XML 1.0 cannot carry (control characters other
// than tab and newline), which would make the file unreadable.
func cleanXML(s string) string {
	if !strings.ContainsFunc(s, badXMLRune) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if badXMLRune(r) {
			return -1
		}
		return r
	}, s)
}

func badXMLRune(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0xFFFE || r == 0xFFFF
}
