package glossary

import (
	"encoding/csv"
	"io"
	"strings"

	"github.com/scholargate/topicdeck/locale"
)

// writeDelimited writes the Glossary sheet as CSV (comma, CRLF line ends
// as RFC 4180 asks) or TSV (tab, LF), quoting fields that need it; a
// missing definition keeps its empty cell and says "missing" in the
// Definition source column.
func (g *Glossary) writeDelimited(w io.Writer, sep rune, bom bool) error {
	if bom {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.Comma = sep
	cw.UseCRLF = sep == ','
	if err := cw.Write(Header()); err != nil {
		return err
	}
	for _, r := range g.rows() {
		cells := r.cells()
		for i, c := range cells {
			cells[i] = inertCell(c)
		}
		if err := cw.Write(cells); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// inertCell makes a cell safe to open in a spreadsheet (OWASP, "CSV
// injection"): a cell that begins with =, +, -, @, tab or carriage return
// would be run as a formula (=HYPERLINK(...) sends data away), so it gets a
// leading apostrophe, which spreadsheets show as text. Control characters
// other than tab and newline are dropped, as the XLSX writer does: they
// are invisible and some readers stop at them.
func inertCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		s = "'" + s
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' {
			return -1
		}
		return r
	}, s)
}

// AnkiHeader is the file header of the Anki export: Anki (2.1.55 and
// later) reads these "#key:value" lines to preset the import dialog, so
// the file imports as it is into the Basic note type (fields Front, Back)
// with the topic slugs as tags.
const AnkiHeader = "#separator:tab\n#html:true\n#columns:Front\tBack\tTags\n#tags column:3\n"

// writeAnki writes one note per defined term: the term, its definition as
// HTML and the slugs of its topics as tags. Terms without a definition
// would make empty cards; they are left out and named in a warning.
func (g *Glossary) writeAnki(w io.Writer) ([]string, error) {
	var b strings.Builder
	b.WriteString(AnkiHeader)
	var skipped []string
	for _, t := range g.Terms {
		if t.Definition.Origin == Missing {
			skipped = append(skipped, t.Name)
			continue
		}
		front := ankiField(HTML(plainText(t.Name)))
		if strings.HasPrefix(front, "#") {
			// Anki reads a line starting with "#" as a comment and would
			// drop the note; the entity shows the same "#" (html:true).
			front = "&#35;" + front[1:]
		}
		b.WriteString(front)
		b.WriteByte('\t')
		b.WriteString(ankiField(HTML(t.Definition.Text)))
		b.WriteByte('\t')
		b.WriteString(strings.Join(tags(t.Slugs), " "))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return skippedWarning("anki", g.Lang, skipped), err
}

// ankiField keeps a field on one line. Text quotes are already escaped by
// HTML, so a field never starts with the quote character that Anki's CSV
// reader would take for a quoted field; quotes inside href are harmless.
func ankiField(s string) string {
	return strings.NewReplacer("\t", " ", "\n", "<br>", "\r", "").Replace(s)
}

// tags makes slugs safe as Anki tags (no white space).
func tags(slugs []string) []string {
	out := make([]string, 0, len(slugs))
	for _, s := range slugs {
		if s = strings.Join(strings.Fields(s), "_"); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func skippedWarning(format, lang string, names []string) []string {
	if len(names) == 0 {
		return nil
	}
	l := locale.For(lang)
	return []string{format + ": left out " + plural(len(names), "term") + " without a definition (" +
		l.Get(locale.MissingLabel) + "): " + strings.Join(names, "; ")}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return itoa(n) + " " + word + "s"
}
