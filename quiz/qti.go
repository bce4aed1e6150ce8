package quiz

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"time"
)

// The QTI 1.2 item types Canvas imports (its question_type metadata), and
// the Common Cartridge profile of the types CC has.
var qtiTypes = map[Kind]struct{ canvas, cc string }{
	Matching:       {"matching_question", ""},
	MultipleChoice: {"multiple_choice_question", "cc.multiple_choice.v0p1"},
	ShortAnswer:    {"short_answer_question", "cc.fib.v0p1"},
	Essay:          {"essay_question", "cc.essay.v0p1"},
}

// writeQTI writes an IMS content package: imsmanifest.xml, then per topic
// an assessment <id>/<id>.xml (QTI 1.2, questestinterop), which the
// manifest lists as an imsqti_xmlv1p2 resource. Canvas makes a quiz and a
// question bank of each. Members are written in that order, stored with
// the time t, so the same bank gives the same bytes.
func (b *Bank) writeQTI(w io.Writer, t time.Time) error {
	type doc struct{ id, title, xml string }
	var docs []doc
	for _, c := range b.Categories {
		if len(c.Questions) == 0 {
			continue
		}
		id := "g" + hashID(b.Course+"\x00"+c.Slug+"\x00"+itoa(len(docs)))
		docs = append(docs, doc{id: id, title: c.Name, xml: qtiAssessment(id, c)})
	}
	var m strings.Builder
	m.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	m.WriteString("<manifest identifier=\"" + "m" + hashID(b.Course) + "\" xmlns=\"http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1\"" +
		" xmlns:lom=\"http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource\" xmlns:imsmd=\"http://www.imsglobal.org/xsd/imsmd_v1p2\"" +
		" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"" +
		" xsi:schemaLocation=\"http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1 http://www.imsglobal.org/xsd/imscp_v1p1.xsd" +
		" http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lomresource_v1p0.xsd" +
		" http://www.imsglobal.org/xsd/imsmd_v1p2 http://www.imsglobal.org/xsd/imsmd_v1p2p2.xsd\">\n")
	m.WriteString("  <metadata>\n    <schema>IMS Content</schema>\n    <schemaversion>1.1.3</schemaversion>\n")
	m.WriteString("    <imsmd:lom><imsmd:general><imsmd:title><imsmd:string>" + escapeXML(oneLine(b.Course)) +
		"</imsmd:string></imsmd:title></imsmd:general></imsmd:lom>\n  </metadata>\n")
	m.WriteString("  <organizations/>\n  <resources>\n")
	for _, d := range docs {
		href := d.id + "/" + d.id + ".xml"
		m.WriteString("    <resource identifier=\"" + d.id + "\" type=\"imsqti_xmlv1p2\" href=\"" + href + "\">\n")
		m.WriteString("      <file href=\"" + href + "\"/>\n    </resource>\n")
	}
	m.WriteString("  </resources>\n</manifest>\n")

	z := zip.NewWriter(w)
	add := func(name, body string) error {
		f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: t.UTC()})
		if err != nil {
			return err
		}
		_, err = io.WriteString(f, body)
		return err
	}
	if err := add("imsmanifest.xml", m.String()); err != nil {
		return err
	}
	for _, d := range docs {
		if err := add(d.id+"/"+d.id+".xml", d.xml); err != nil {
			return err
		}
	}
	return z.Close()
}

// hashID is a stable identifier made from s: 32 hex digits, the form
// Canvas gives its own.
func hashID(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:16])
}

// qtiAssessment is one topic's assessment, one item per question.
func qtiAssessment(id string, c Category) string {
	var x strings.Builder
	x.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	x.WriteString("<questestinterop xmlns=\"http://www.imsglobal.org/xsd/ims_qtiasiv1p2\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"" +
		" xsi:schemaLocation=\"http://www.imsglobal.org/xsd/ims_qtiasiv1p2 http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd\">\n")
	x.WriteString("  <assessment ident=\"" + id + "\" title=\"" + escapeXML(oneLine(c.Name)) + "\" xml:lang=\"" + escapeXML(c.Lang) + "\">\n")
	x.WriteString("    <qtimetadata>\n      <qtimetadatafield><fieldlabel>cc_maxattempts</fieldlabel><fieldentry>1</fieldentry></qtimetadatafield>\n    </qtimetadata>\n")
	x.WriteString("    <section ident=\"root_section\">\n")
	for _, q := range c.Questions {
		qtiItem(&x, q)
	}
	x.WriteString("    </section>\n  </assessment>\n</questestinterop>\n")
	return x.String()
}

// qtiItem writes one item: metadata naming its Canvas type, the
// presentation, and the response processing the type needs (SCORE 0–100:
// the right label for a choice, each right pair adding its share for
// matching, any accepted text for short answer; an essay is graded by
// hand, so it only shows the general feedback).
func qtiItem(x *strings.Builder, q Question) {
	ind := "      "
	mat := func(indent, texttype, s string) {
		x.WriteString(indent + "<material><mattext texttype=\"" + texttype + "\">" + escapeXML(s) + "</mattext></material>\n")
	}
	typ := qtiTypes[q.Kind]
	x.WriteString(ind + "<item ident=\"" + q.ID + "\" title=\"" + escapeXML(oneLine(q.Name)) + "\">\n")
	x.WriteString(ind + "  <itemmetadata>\n" + ind + "    <qtimetadata>\n")
	meta := func(label, value string) {
		x.WriteString(ind + "      <qtimetadatafield><fieldlabel>" + label + "</fieldlabel><fieldentry>" + escapeXML(value) + "</fieldentry></qtimetadatafield>\n")
	}
	meta("question_type", typ.canvas)
	if typ.cc != "" {
		meta("cc_profile", typ.cc)
	}
	meta("points_possible", "1.0")
	if q.Kind == Essay {
		// Graded by a person, as Canvas marks its own essays.
		meta("qmd_computerscored", "No")
	}
	if q.Extracted {
		meta("topicdeck_review", strings.Join(q.Tags, ", "))
	}
	x.WriteString(ind + "    </qtimetadata>\n" + ind + "  </itemmetadata>\n")
	x.WriteString(ind + "  <presentation>\n")
	mat(ind+"    ", "text/html", htmlParagraphs(q.Stem))
	var conds []string
	switch q.Kind {
	case Matching:
		for i, p := range q.Pairs {
			x.WriteString(fmt.Sprintf("%s    <response_lid ident=\"response_%d\">\n", ind, i+1))
			mat(ind+"      ", "text/plain", p.Definition)
			x.WriteString(ind + "      <render_choice>\n")
			for j, o := range q.Pairs {
				x.WriteString(fmt.Sprintf("%s        <response_label ident=\"match_%d\">\n", ind, j+1))
				mat(ind+"          ", "text/plain", o.Term)
				x.WriteString(ind + "        </response_label>\n")
			}
			x.WriteString(ind + "      </render_choice>\n" + ind + "    </response_lid>\n")
			conds = append(conds, fmt.Sprintf("<respcondition><conditionvar><varequal respident=\"response_%d\">match_%d</varequal></conditionvar>"+
				"<setvar varname=\"SCORE\" action=\"Add\">%s</setvar></respcondition>", i+1, i+1, share(i, len(q.Pairs))))
		}
	case MultipleChoice:
		x.WriteString(ind + "    <response_lid ident=\"response1\" rcardinality=\"Single\">\n" + ind + "      <render_choice>\n")
		for j, ch := range q.Choices {
			x.WriteString(fmt.Sprintf("%s        <response_label ident=\"choice_%d\">\n", ind, j+1))
			mat(ind+"          ", "text/plain", ch.Text)
			x.WriteString(ind + "        </response_label>\n")
			if ch.Correct {
				conds = append(conds, fmt.Sprintf("<respcondition continue=\"No\"><conditionvar><varequal respident=\"response1\">choice_%d</varequal></conditionvar>"+
					"<setvar varname=\"SCORE\" action=\"Set\">100</setvar></respcondition>", j+1))
			}
		}
		x.WriteString(ind + "      </render_choice>\n" + ind + "    </response_lid>\n")
	case ShortAnswer, Essay:
		x.WriteString(ind + "    <response_str ident=\"response1\" rcardinality=\"Single\">\n" + ind +
			"      <render_fib><response_label ident=\"answer1\" rshuffle=\"No\"/></render_fib>\n" + ind + "    </response_str>\n")
		if q.Kind == ShortAnswer {
			var vs strings.Builder
			for _, a := range q.Answers {
				vs.WriteString("<varequal respident=\"response1\">" + escapeXML(a) + "</varequal>")
			}
			conds = append(conds, "<respcondition continue=\"No\"><conditionvar>"+vs.String()+
				"</conditionvar><setvar varname=\"SCORE\" action=\"Set\">100</setvar></respcondition>")
		}
	}
	x.WriteString(ind + "  </presentation>\n")
	x.WriteString(ind + "  <resprocessing>\n" + ind + "    <outcomes><decvar maxvalue=\"100\" minvalue=\"0\" varname=\"SCORE\" vartype=\"Decimal\"/></outcomes>\n")
	if q.Feedback != "" {
		x.WriteString(ind + "    <respcondition continue=\"Yes\"><conditionvar><other/></conditionvar><displayfeedback feedbacktype=\"Response\" linkrefid=\"general_fb\"/></respcondition>\n")
	}
	if q.Kind == Essay {
		conds = append(conds, "<respcondition continue=\"No\"><conditionvar><other/></conditionvar></respcondition>")
	}
	for _, c := range conds {
		x.WriteString(ind + "    " + c + "\n")
	}
	x.WriteString(ind + "  </resprocessing>\n")
	if q.Feedback != "" {
		x.WriteString(ind + "  <itemfeedback ident=\"general_fb\">\n" + ind + "    <flow_mat>\n")
		mat(ind+"      ", "text/html", htmlParagraphs(q.Feedback))
		x.WriteString(ind + "    </flow_mat>\n" + ind + "  </itemfeedback>\n")
	}
	x.WriteString(ind + "</item>\n")
}

// share is pair i's part of 100 points, in hundredths, the last pair
// taking the rest, so the parts add up to exactly 100.
func share(i, n int) string {
	part := 10000 / n
	if i == n-1 {
		part = 10000 - part*(n-1)
	}
	return fmt.Sprintf("%d.%02d", part/100, part%100)
}
