package quiz

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/scholargate/topicdeck/internal/xmltext"
)

// Format is an output format of a bank.
type Format string

// The formats.
const (
	// Moodle is Moodle's question XML (Question bank → Import → Moodle XML).
	Moodle Format = "moodle"
	// GIFT is Moodle's plain-text question format.
	GIFT Format = "gift"
	// QTI is an IMS content package of QTI 1.2 assessments, as Canvas
	// imports it (Course settings → Import course content → QTI .zip).
	QTI Format = "qti"
)

// Formats lists the formats, the default first.
func Formats() []Format { return []Format{Moodle, GIFT, QTI} }

// ParseFormat checks a format name.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats() {
		if string(f) == strings.ToLower(strings.TrimSpace(s)) {
			return f, nil
		}
	}
	var names []string
	for _, f := range Formats() {
		names = append(names, string(f))
	}
	return "", fmt.Errorf("unknown quiz format %q (want %s)", s, strings.Join(names, ", "))
}

// Ext is the file name extension of the format, without the dot.
func (f Format) Ext() string {
	switch f {
	case GIFT:
		return "txt"
	case QTI:
		return "zip"
	default:
		return "xml"
	}
}

// WriteOptions steer Write.
type WriteOptions struct {
	Format Format // default Moodle
	// Time stamps the members of a QTI package; fixed for byte-identical
	// output.
	Time time.Time
}

// ErrEmpty is returned for a bank without a single question: the entries
// define no key concept and ask no question.
var ErrEmpty = errors.New("no questions: the entries have no defined key concepts, core questions, debates or FAQ items")

// Write writes the bank in opt's format.
func (b *Bank) Write(w io.Writer, opt WriteOptions) error {
	if b.Count() == 0 {
		return ErrEmpty
	}
	switch opt.Format {
	case "", Moodle:
		return b.writeMoodle(w)
	case GIFT:
		return b.writeGIFT(w)
	case QTI:
		return b.writeQTI(w, opt.Time)
	}
	_, err := ParseFormat(string(opt.Format))
	return err
}

// escapeXML escapes s for XML character data and attribute values the
// way every hand-written XML file of topicdeck is escaped
// (xmltext.Escape), so any text gives a well-formed file.
func escapeXML(s string) string { return xmltext.Escape(s) }

// escapeHTML escapes s as HTML text; only & < > need it outside
// attributes, and leaving quotes alone keeps "#" out of the result, which
// GIFT would then have to escape again.
func escapeHTML(s string) string {
	return htmlEscaper.Replace(s)
}

// htmlEscaper is made once: a Replacer builds its tables on first use,
// and building them for every string took a fifth of a 1,000-entry
// course quiz.
var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// htmlParagraphs renders text (paragraphs separated by blank lines) as
// HTML paragraphs on one line.
func htmlParagraphs(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	for _, p := range strings.Split(s, "\n\n") {
		b.WriteString("<p>" + escapeHTML(oneLine(p)) + "</p>")
	}
	return b.String()
}
