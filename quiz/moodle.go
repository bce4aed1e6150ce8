package quiz

import (
	"io"
	"strings"
)

// writeMoodle writes Moodle's question XML: a <quiz> with, per topic, a
// category question ($course$/top/Course/Topic) followed by the topic's
// questions. Each question carries the elements qformat_xml's import of
// its type reads without falling back to a default: name, questiontext,
// generalfeedback, defaultgrade, penalty, hidden, idnumber and, by type,
// matching: shuffleanswers and subquestions (definition, term);
// multichoice: single, shuffleanswers, answernumbering and answers with
// fractions and feedback; shortanswer: usecase and answers; essay:
// responseformat, responserequired, responsefieldlines, attachments,
// attachmentsrequired, graderinfo and responsetemplate. Texts in
// format="html" are HTML-escaped, then XML-escaped, so a term like
// "<script>" is shown as written. Names are HTML-escaped too: Moodle
// shows them as HTML.
func (b *Bank) writeMoodle(w io.Writer) error {
	// The categories are written apart, at once, and joined in order.
	parts := make([]string, len(b.Categories))
	forEach(len(b.Categories), func(i int) {
		c := b.Categories[i]
		if len(c.Questions) == 0 {
			return
		}
		var x strings.Builder
		x.WriteString("  <question type=\"category\">\n")
		x.WriteString("    <category><text>" + escapeXML(categoryPath(b.Course, c.Name)) + "</text></category>\n")
		x.WriteString("    <info format=\"html\"><text></text></info>\n")
		x.WriteString("  </question>\n")
		for _, q := range c.Questions {
			moodleQuestion(&x, q)
		}
		parts[i] = x.String()
	})
	// The parts go out as they are, not joined first: a course's bank is
	// megabytes, and w usually holds it all again. A buffer is grown to
	// the whole size at once (doubling, it held up to twice the bank while
	// it copied), and each part is let go once written: a 1,000-entry
	// course's bank is 50 MB, and writing it was a build's peak of memory.
	const head, tail = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n", "</quiz>\n"
	if g, ok := w.(interface{ Grow(int) }); ok {
		n := len(head) + len(tail)
		for _, p := range parts {
			n += len(p)
		}
		g.Grow(n)
	}
	if _, err := io.WriteString(w, head); err != nil {
		return err
	}
	for i := range parts {
		if _, err := io.WriteString(w, parts[i]); err != nil {
			return err
		}
		parts[i] = ""
	}
	_, err := io.WriteString(w, tail)
	return err
}

// categoryPath is the category of a topic under the course, relative to
// the course's top category. Moodle splits the path at "/" and reads "//"
// as a slash in a name. Moodle shows names through its HTML filters
// (format_string), so they are HTML-escaped, as question names are.
func categoryPath(course, topic string) string {
	esc := func(s string) string { return strings.ReplaceAll(escapeHTML(oneLine(s)), "/", "//") }
	return "$course$/top/" + esc(course) + "/" + esc(topic)
}

func moodleQuestion(x *strings.Builder, q Question) {
	// The pieces go into x one by one: joined first, each element was a
	// string made only to be copied, thousands in a course's bank.
	put := func(ss ...string) {
		for _, s := range ss {
			x.WriteString(s)
		}
	}
	text := func(tag, format, s string) {
		put("    <", tag)
		if format != "" {
			put(" format=\"", format, "\"")
		}
		put("><text>", escapeXML(s), "</text></", tag, ">\n")
	}
	field := func(tag, v string) { put("    <", tag, ">", escapeXML(v), "</", tag, ">\n") }
	x.WriteString("  <question type=\"" + q.Kind.String() + "\">\n")
	text("name", "", escapeHTML(q.Name))
	text("questiontext", "html", htmlParagraphs(q.Stem))
	text("generalfeedback", "html", htmlParagraphs(q.Feedback))
	field("defaultgrade", "1")
	penalty := "0.3333333"
	if q.Kind == Essay {
		penalty = "0"
	}
	field("penalty", penalty)
	field("hidden", "0")
	field("idnumber", q.ID)
	switch q.Kind {
	case Matching:
		field("shuffleanswers", "true")
		for _, p := range q.Pairs {
			x.WriteString("    <subquestion format=\"html\">\n")
			x.WriteString("      <text>" + escapeXML(htmlParagraphs(p.Definition)) + "</text>\n")
			x.WriteString("      <answer><text>" + escapeXML(p.Term) + "</text></answer>\n")
			x.WriteString("    </subquestion>\n")
		}
	case MultipleChoice:
		field("single", "true")
		field("shuffleanswers", "true")
		field("answernumbering", "abc")
		for _, ch := range q.Choices {
			fraction := "0"
			if ch.Correct {
				fraction = "100"
			}
			x.WriteString("    <answer fraction=\"" + fraction + "\" format=\"html\">\n")
			x.WriteString("      <text>" + escapeXML(escapeHTML(ch.Text)) + "</text>\n")
			x.WriteString("      <feedback format=\"html\"><text></text></feedback>\n")
			x.WriteString("    </answer>\n")
		}
	case ShortAnswer:
		field("usecase", "0")
		for _, a := range q.Answers {
			x.WriteString("    <answer fraction=\"100\" format=\"moodle_auto_format\">\n")
			x.WriteString("      <text>" + escapeXML(shortAnswerPattern(a)) + "</text>\n")
			x.WriteString("      <feedback format=\"html\"><text></text></feedback>\n")
			x.WriteString("    </answer>\n")
		}
	case Essay:
		field("responseformat", "editor")
		field("responserequired", "1")
		field("responsefieldlines", "15")
		field("attachments", "0")
		field("attachmentsrequired", "0")
		text("graderinfo", "html", htmlParagraphs(q.Feedback))
		text("responsetemplate", "html", "")
	}
	if len(q.Tags) > 0 {
		x.WriteString("    <tags>\n")
		for _, t := range q.Tags {
			x.WriteString("      <tag><text>" + escapeXML(t) + "</text></tag>\n")
		}
		x.WriteString("    </tags>\n")
	}
	x.WriteString("  </question>\n")
}

// shortAnswerPattern escapes the one character Moodle's short-answer
// matching treats specially: "*" is a wildcard, "\*" a star.
func shortAnswerPattern(s string) string {
	return strings.ReplaceAll(s, "*", `\*`)
}
