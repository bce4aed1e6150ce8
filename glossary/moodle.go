package glossary

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/scholargate/topicdeck/topic"
)

// writeMoodle writes Moodle's glossary export format, the XML that
// mod/glossary's "Import entries" reads: GLOSSARY/INFO with the glossary's
// settings and ENTRIES, each ENTRY with CONCEPT, an HTML DEFINITION
// (FORMAT 1), the auto-linking flags, ALIASES (other spellings met in the
// course) and CATEGORIES (one per topic title). Elements, order and
// two-space indentation follow glossary_generate_export_file. Moodle skips
// entries without a definition, so those are left out with a warning.
func (g *Glossary) writeMoodle(w io.Writer) ([]string, error) {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	start := func(tag string, level int) {
		b.WriteString(strings.Repeat("  ", level) + "<" + tag + ">\n")
	}
	end := func(tag string, level int) {
		b.WriteString(strings.Repeat("  ", level) + "</" + tag + ">\n")
	}
	full := func(tag string, level int, content string) {
		b.WriteString(strings.Repeat("  ", level) + "<" + tag + ">")
		_ = xml.EscapeText(&b, []byte(cleanXML(content)))
		b.WriteString("</" + tag + ">\n")
	}
	start("GLOSSARY", 0)
	start("INFO", 1)
	full("NAME", 2, g.Title)
	full("INTRO", 2, "")
	full("INTROFORMAT", 2, "1")
	full("ALLOWDUPLICATEDENTRIES", 2, "0")
	full("DISPLAYFORMAT", 2, "dictionary")
	full("SHOWSPECIAL", 2, "1")
	full("SHOWALPHABET", 2, "1")
	full("SHOWALL", 2, "1")
	full("ALLOWCOMMENTS", 2, "0")
	full("USEDYNALINK", 2, "0")
	full("DEFAULTAPPROVAL", 2, "1")
	full("GLOBALGLOSSARY", 2, "0")
	full("ENTBYPAGE", 2, "10")
	var skipped []string
	start("ENTRIES", 2)
	for _, t := range g.Terms {
		if t.Definition.Origin == Missing {
			skipped = append(skipped, t.Name)
			continue
		}
		start("ENTRY", 3)
		full("CONCEPT", 4, t.Name)
		full("DEFINITION", 4, "<p>"+HTML(t.Definition.Text)+"</p>")
		full("FORMAT", 4, "1")
		full("USEDYNALINK", 4, "0")
		full("CASESENSITIVE", 4, "0")
		full("FULLMATCH", 4, "0")
		full("TEACHERENTRY", 4, "1")
		if len(t.Aliases) > 0 {
			start("ALIASES", 4)
			for _, a := range t.Aliases {
				start("ALIAS", 5)
				full("NAME", 6, a)
				end("ALIAS", 5)
			}
			end("ALIASES", 4)
		}
		start("CATEGORIES", 4)
		for _, tp := range t.Topics {
			start("CATEGORY", 5)
			full("NAME", 6, tp)
			full("USEDYNALINK", 6, "0")
			end("CATEGORY", 5)
		}
		end("CATEGORIES", 4)
		end("ENTRY", 3)
	}
	end("ENTRIES", 2)
	end("INFO", 1)
	end("GLOSSARY", 0)
	_, err := io.WriteString(w, b.String())
	return skippedWarning("moodle", g.Lang, skipped), err
}

func plainText(s string) topic.Text { return topic.Text{{Text: s}} }

func itoa(n int) string { return strconv.Itoa(n) }
