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
	const head, tail = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n", "</quiz>\n"
	// The categories are written apart, at once, and joined in order. The
	// parts go out as they are, not joined first: a course's bank is
	// megabytes. A buffer is grown to the whole size at once (doubling, it
	// held up to twice the bank while it copied), so all the parts are
	// made first; anything else (a file) gets them a batch at a time and
	// each part is let go once written: a 1,000-entry course's bank is
	// 50 MB, and a build writes it while it draws its decks.
	n := len(b.Categories)
	g, grows := w.(interface{ Grow(int) })
	batch := n
	if !grows {
		batch = moodleBatch
	}
	parts := make([]string, min(batch, n))
	// Write has refused a bank without questions, so there is a first
	// batch, which writes the head.
	for from := 0; from < n; from += batch {
		cats := b.Categories[from:min(from+batch, n)]
		forEach(len(cats), func(i int) { parts[i] = moodleCategory(b.Course, cats[i]) })
		if grows {
			size := len(head) + len(tail)
			for _, p := range parts {
				size += len(p)
			}
			g.Grow(size)
		}
		if from == 0 {
			if _, err := io.WriteString(w, head); err != nil {
				return err
			}
		}
		for i := range cats {
			if _, err := io.WriteString(w, parts[i]); err != nil {
				return err
			}
			parts[i] = ""
		}
	}
	_, err := io.WriteString(w, tail)
	return err
}

// moodleBatch is how many categories writeMoodle makes at once for a
// writer that is not a buffer: enough to keep every CPU busy, a few
// megabytes of text.
const moodleBatch = 64

// moodleCategory is one topic's category question and its questions.
func moodleCategory(course string, c Category) string {
	if len(c.Questions) == 0 {
		return ""
	}
	var x strings.Builder
	x.WriteString("  <question type=\"category\">\n")
	x.WriteString("    <category><text>" + escapeXML(categoryPath(course, c.Name)) + "</text></category>\n")
	x.WriteString("    <info format=\"html\"><text></text></info>\n")
	x.WriteString("  </question>\n")
	for _, q := range c.Questions {
		moodleQuestion(&x, q)
	}
	return x.String()
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
