package quiz

import (
	"io"
	"strings"
)

// giftEscaper escapes the characters GIFT gives a meaning to.
var giftEscaper = strings.NewReplacer(
	`\`, `\\`, "~", `\~`, "=", `\=`, "#", `\#`, "{", `\{`, "}", `\}`, ":", `\:`,
	"\n", `\n`, "\r", "")

// escapeGIFT escapes s for any place in a GIFT question.
func escapeGIFT(s string) string { return giftEscaper.Replace(s) }

// writeGIFT writes the bank as GIFT, Moodle's plain-text format: per topic
// a "$CATEGORY:" line, then one question per paragraph, "::name::" and the
// stem in [html] (escaped HTML, so markup in a term stays text), answers
// in braces. A comment before each question carries its [id:] and
// [tag:]s, which Moodle's import reads. The escaping follows what
// qformat_gift reads: which characters it escapes, where it looks for
// "->", weights and format names, and that it does not unescape the
// $CATEGORY line. Matching and short-answer answers
// are plain text in Moodle, so they are only GIFT-escaped; short answers
// also escape "*", Moodle's wildcard.
func (b *Bank) writeGIFT(w io.Writer) error {
	var g strings.Builder
	g.WriteString("// " + escapeHTML(oneLine(b.Course)) + "\n\n")
	for _, c := range b.Categories {
		if len(c.Questions) == 0 {
			continue
		}
		// Moodle takes the category line as it stands after reading
		// escapes: an escaped character would stay a placeholder, so
		// only the backslash is doubled.
		g.WriteString("$CATEGORY: " + strings.ReplaceAll(categoryPath(b.Course, c.Name), `\`, `\\`) + "\n\n")
		for _, q := range c.Questions {
			giftQuestion(&g, q)
		}
	}
	_, err := io.WriteString(w, g.String())
	return err
}

func giftQuestion(g *strings.Builder, q Question) {
	html := func(s string) string { return escapeGIFT(htmlParagraphs(s)) }
	g.WriteString("// [id:" + q.ID + "]")
	for _, t := range q.Tags {
		g.WriteString(" [tag:" + strings.NewReplacer("]", "", "\n", " ").Replace(t) + "]")
	}
	g.WriteString("\n::" + escapeGIFT(escapeHTML(q.Name)) + "::[html]" + html(q.Stem) + " {\n")
	switch q.Kind {
	case Matching:
		for _, p := range q.Pairs {
			// The definition's ">" is escaped as HTML, so no "->" but
			// this one splits the pair.
			g.WriteString("\t=" + html(p.Definition) + " -> " + escapeGIFT(p.Term) + "\n")
		}
	case MultipleChoice:
		for _, ch := range q.Choices {
			mark := "~"
			if ch.Correct {
				mark = "="
			}
			g.WriteString("\t" + mark + escapeGIFT(guardStart(escapeHTML(ch.Text))) + "\n")
		}
	case ShortAnswer:
		for _, a := range q.Answers {
			// Moodle reads answers holding "=" and "->" as a matching
			// question; "-*>" (a wildcard that also matches nothing)
			// takes the same answer without the arrow.
			// "%100%" is the weight Moodle's own export writes; it also
			// keeps a term that starts with "%" from being read as one.
			// A leading "[" would open a format name ("[plain]"); "[*"
			// (the wildcard again) keeps it a bracket.
			p := strings.ReplaceAll(shortAnswerPattern(a), "->", "-*>")
			if strings.HasPrefix(p, "[") {
				p = "[*" + p[1:]
			}
			g.WriteString("\t=%100%" + escapeGIFT(p) + "\n")
		}
	}
	if q.Feedback != "" {
		g.WriteString("\t####" + html(q.Feedback) + "\n")
	}
	g.WriteString("}\n\n")
}

// guardStart writes the first character of an HTML answer as a character
// reference when Moodle would read it as syntax there: "[" opens a format
// name ("[plain]"), "%" an answer weight ("%50%").
func guardStart(html string) string {
	switch {
	case strings.HasPrefix(html, "["):
		return "&#91;" + html[1:]
	case strings.HasPrefix(html, "%"):
		return "&#37;" + html[1:]
	}
	return html
}
