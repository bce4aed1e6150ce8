package quiz

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// The tests read every format back into this form and compare it with the
// bank that was written: a format is right when nothing is lost or
// changed on the way. Terms and Extracted stay zero: no format carries
// them (an extracted question's tag does).
type decoded struct {
	Category string // topic name
	Question
}

// want is what a bank's questions should decode to.
func want(b *Bank) []decoded {
	var out []decoded
	for _, c := range b.Categories {
		for _, q := range c.Questions {
			q.Terms, q.Extracted = nil, false
			out = append(out, decoded{c.Name, q})
		}
	}
	return out
}

// readFormat reads a written bank back in its format.
func readFormat(f Format, data []byte) ([]decoded, error) {
	switch f {
	case Moodle:
		return readMoodle(data)
	case GIFT:
		return readGIFT(string(data))
	case QTI:
		got, _, err := readQTI(data)
		return got, err
	}
	return nil, fmt.Errorf("no reader for format %q", f)
}

// fromHTML undoes htmlParagraphs.
func fromHTML(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	if !strings.HasPrefix(s, "<p>") || !strings.HasSuffix(s, "</p>") {
		return "", fmt.Errorf("not paragraphs: %q", s)
	}
	var ps []string
	for _, p := range strings.Split(s[3:len(s)-4], "</p><p>") {
		if strings.ContainsAny(p, "<>") {
			return "", fmt.Errorf("markup inside a paragraph: %q", p)
		}
		ps = append(ps, html.UnescapeString(p))
	}
	return strings.Join(ps, "\n\n"), nil
}

// fromHTMLText undoes escapeHTML (a choice: no paragraphs).
func fromHTMLText(s string) (string, error) {
	if strings.ContainsAny(s, "<>") {
		return "", fmt.Errorf("markup in text: %q", s)
	}
	return html.UnescapeString(s), nil
}

// fromPattern undoes shortAnswerPattern.
func fromPattern(s string) string { return strings.ReplaceAll(s, `\*`, "*") }

// --- Moodle XML ---

type mText struct {
	Format string  `xml:"format,attr"`
	Text   *string `xml:"text"`
}

type mQuestion struct {
	Type                string  `xml:"type,attr"`
	Category            *mText  `xml:"category"`
	Name                *mText  `xml:"name"`
	QuestionText        *mText  `xml:"questiontext"`
	GeneralFeedback     *mText  `xml:"generalfeedback"`
	DefaultGrade        *string `xml:"defaultgrade"`
	Penalty             *string `xml:"penalty"`
	Hidden              *string `xml:"hidden"`
	IDNumber            *string `xml:"idnumber"`
	Single              *string `xml:"single"`
	ShuffleAnswers      *string `xml:"shuffleanswers"`
	AnswerNumbering     *string `xml:"answernumbering"`
	UseCase             *string `xml:"usecase"`
	ResponseFormat      *string `xml:"responseformat"`
	ResponseRequired    *string `xml:"responserequired"`
	ResponseFieldLines  *string `xml:"responsefieldlines"`
	Attachments         *string `xml:"attachments"`
	AttachmentsRequired *string `xml:"attachmentsrequired"`
	GraderInfo          *mText  `xml:"graderinfo"`
	ResponseTemplate    *mText  `xml:"responsetemplate"`
	Subquestions        []struct {
		Format string  `xml:"format,attr"`
		Text   *string `xml:"text"`
		Answer *mText  `xml:"answer"`
	} `xml:"subquestion"`
	Answers []struct {
		Fraction string  `xml:"fraction,attr"`
		Format   string  `xml:"format,attr"`
		Text     *string `xml:"text"`
		Feedback *mText  `xml:"feedback"`
	} `xml:"answer"`
	Tags []string `xml:"tags>tag>text"`
}

// readMoodle parses Moodle XML and checks that every question has the
// elements Moodle's importer needs for its type.
func readMoodle(data []byte) ([]decoded, error) {
	var doc struct {
		XMLName   xml.Name    `xml:"quiz"`
		Questions []mQuestion `xml:"question"`
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("not well-formed: %w", err)
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if cd, ok := tok.(xml.CharData); err != nil || !ok || strings.TrimSpace(string(cd)) != "" {
			return nil, fmt.Errorf("content after </quiz>: %v %v", tok, err)
		}
	}
	var out []decoded
	category := ""
	for i, q := range doc.Questions {
		fail := func(f string, args ...any) error {
			return fmt.Errorf("question %d (%s): %s", i+1, q.Type, fmt.Sprintf(f, args...))
		}
		if q.Type == "category" {
			if q.Category == nil || q.Category.Text == nil || !strings.HasPrefix(*q.Category.Text, "$course$/top/") {
				return nil, fail("category without $course$/top/ path")
			}
			parts := strings.Split(strings.ReplaceAll((*q.Category.Text)[len("$course$/top/"):], "//", "\x00"), "/")
			category = html.UnescapeString(strings.ReplaceAll(parts[len(parts)-1], "\x00", "/"))
			continue
		}
		if category == "" {
			return nil, fail("question before any category")
		}
		for name, el := range map[string]*mText{"name": q.Name, "questiontext": q.QuestionText, "generalfeedback": q.GeneralFeedback} {
			if el == nil || el.Text == nil {
				return nil, fail("no <%s><text>", name)
			}
		}
		for name, el := range map[string]*string{"defaultgrade": q.DefaultGrade, "penalty": q.Penalty, "hidden": q.Hidden, "idnumber": q.IDNumber} {
			if el == nil {
				return nil, fail("no <%s>", name)
			}
		}
		if q.QuestionText.Format != "html" || q.GeneralFeedback.Format != "html" {
			return nil, fail("question text or feedback not in format=\"html\"")
		}
		d := decoded{Category: category, Question: Question{Name: html.UnescapeString(*q.Name.Text), ID: *q.IDNumber, Tags: q.Tags}}
		var err error
		if d.Stem, err = fromHTML(*q.QuestionText.Text); err != nil {
			return nil, fail("%v", err)
		}
		if d.Feedback, err = fromHTML(*q.GeneralFeedback.Text); err != nil {
			return nil, fail("%v", err)
		}
		switch q.Type {
		case "matching":
			d.Kind = Matching
			if q.ShuffleAnswers == nil {
				return nil, fail("no <shuffleanswers>")
			}
			// Moodle wants at least 2 subquestions and 3 answers.
			if len(q.Subquestions) < 3 {
				return nil, fail("%d subquestions", len(q.Subquestions))
			}
			for _, s := range q.Subquestions {
				if s.Text == nil || s.Answer == nil || s.Answer.Text == nil || *s.Answer.Text == "" {
					return nil, fail("subquestion without text or answer")
				}
				def, err := fromHTML(*s.Text)
				if err != nil || s.Format != "html" {
					return nil, fail("subquestion text: %v (format %q)", err, s.Format)
				}
				d.Pairs = append(d.Pairs, Pair{Term: *s.Answer.Text, Definition: def})
			}
		case "multichoice":
			d.Kind = MultipleChoice
			if q.Single == nil || *q.Single != "true" || q.ShuffleAnswers == nil || q.AnswerNumbering == nil {
				return nil, fail("no <single>true, <shuffleanswers> or <answernumbering>")
			}
			right := 0
			for _, a := range q.Answers {
				if a.Text == nil || a.Feedback == nil || a.Format != "html" {
					return nil, fail("answer without text, feedback or format=\"html\"")
				}
				txt, err := fromHTMLText(*a.Text)
				if err != nil {
					return nil, fail("%v", err)
				}
				ok := a.Fraction == "100"
				if ok {
					right++
				} else if a.Fraction != "0" {
					return nil, fail("fraction %q", a.Fraction)
				}
				d.Choices = append(d.Choices, Choice{Text: txt, Correct: ok})
			}
			if len(q.Answers) < 2 || right != 1 {
				return nil, fail("%d answers, %d right", len(q.Answers), right)
			}
		case "shortanswer":
			d.Kind = ShortAnswer
			if q.UseCase == nil || *q.UseCase != "0" {
				return nil, fail("no <usecase>0")
			}
			for _, a := range q.Answers {
				if a.Text == nil || a.Fraction != "100" || a.Feedback == nil {
					return nil, fail("answer without text, fraction 100 or feedback")
				}
				d.Answers = append(d.Answers, fromPattern(*a.Text))
			}
			if len(d.Answers) == 0 {
				return nil, fail("no answer")
			}
		case "essay":
			d.Kind = Essay
			for name, el := range map[string]*string{"responseformat": q.ResponseFormat, "responserequired": q.ResponseRequired,
				"responsefieldlines": q.ResponseFieldLines, "attachments": q.Attachments, "attachmentsrequired": q.AttachmentsRequired} {
				if el == nil {
					return nil, fail("no <%s>", name)
				}
			}
			if q.GraderInfo == nil || q.GraderInfo.Text == nil || q.ResponseTemplate == nil || q.ResponseTemplate.Text == nil {
				return nil, fail("no <graderinfo> or <responsetemplate>")
			}
			if *q.ResponseTemplate.Text != "" {
				return nil, fail("a response template shows the student text: %q", *q.ResponseTemplate.Text)
			}
			info, err := fromHTML(*q.GraderInfo.Text)
			if err != nil || info != d.Feedback {
				return nil, fail("grader information %q is not the feedback %q (%v)", info, d.Feedback, err)
			}
		default:
			return nil, fail("unknown type")
		}
		out = append(out, d)
	}
	return out, nil
}

// --- GIFT ---

// readGIFT is a small GIFT reader for what the writer makes and GIFT
// allows of it: comments (with [id:] and [tag:]), $CATEGORY, ::name::,
// [html], answers with = and ~, matching pairs with ->, #### general
// feedback, and backslash escapes.
func readGIFT(s string) ([]decoded, error) {
	var out []decoded
	category := ""
	for n, block := range strings.Split(s, "\n\n") {
		var id string
		var tags []string
		var body []string
		for _, line := range strings.Split(block, "\n") {
			switch {
			case strings.TrimSpace(line) == "":
			case strings.HasPrefix(line, "//"):
				for _, m := range bracketed(line, "[id:") {
					id = m
				}
				tags = append(tags, bracketed(line, "[tag:")...)
			case strings.HasPrefix(line, "$CATEGORY:"):
				path := strings.ReplaceAll(strings.TrimSpace(line[len("$CATEGORY:"):]), `\\`, `\`)
				parts := strings.Split(strings.ReplaceAll(path, "//", "\x00"), "/")
				category = html.UnescapeString(strings.ReplaceAll(parts[len(parts)-1], "\x00", "/"))
			default:
				body = append(body, line)
			}
		}
		if len(body) == 0 {
			continue
		}
		q, err := giftQuestion1(strings.Join(body, "\n"))
		if err != nil {
			return nil, fmt.Errorf("block %d: %w", n+1, err)
		}
		q.Category, q.ID, q.Tags = category, id, tags
		out = append(out, q)
	}
	return out, nil
}

func bracketed(line, open string) []string {
	var out []string
	for {
		i := strings.Index(line, open)
		if i < 0 {
			return out
		}
		line = line[i+len(open):]
		j := strings.IndexByte(line, ']')
		if j < 0 {
			return out
		}
		out = append(out, line[:j])
		line = line[j+1:]
	}
}

// unescapedIndex finds sub in s outside backslash escapes.
func unescapedIndex(s, sub string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			i++
			continue
		}
		if strings.HasPrefix(s[i:], sub) {
			return i
		}
	}
	return -1
}

func giftUnescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			if s[i] == 'n' {
				b.WriteByte('\n')
			} else {
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// giftWeight is an answer weight as Moodle reads it.
var giftWeight = regexp.MustCompile(`^%-*[0-9]{1,2}\.?[0-9]*%`)

// giftFormat is a format name that Moodle takes off the start of a text.
var giftFormat = regexp.MustCompile(`^\[(moodle|html|plain|markdown)\]`)

func giftQuestion1(s string) (decoded, error) {
	var d decoded
	if !strings.HasPrefix(s, "::") {
		return d, fmt.Errorf("no ::name:: in %q", s)
	}
	end := unescapedIndex(s[2:], "::")
	if end < 0 {
		return d, fmt.Errorf("name not closed")
	}
	d.Name = html.UnescapeString(giftUnescape(s[2 : 2+end]))
	s = s[4+end:]
	open := unescapedIndex(s, "{")
	if open < 0 || !strings.HasSuffix(strings.TrimSpace(s), "}") {
		return d, fmt.Errorf("no answer braces in %q", s)
	}
	text := strings.TrimSpace(s[:open])
	if !strings.HasPrefix(text, "[html]") {
		return d, fmt.Errorf("question text not [html]")
	}
	var err error
	if d.Stem, err = fromHTML(giftUnescape(text[len("[html]"):])); err != nil {
		return d, err
	}
	inner := strings.TrimSpace(strings.TrimSpace(s[open+1:])[:len(strings.TrimSpace(s[open+1:]))-1])
	if unescapedIndex(inner, "{") >= 0 || unescapedIndex(inner, "}") >= 0 {
		return d, fmt.Errorf("unescaped brace inside answers: %q", inner)
	}
	if i := unescapedIndex(inner, "####"); i >= 0 {
		if d.Feedback, err = fromHTML(giftUnescape(strings.TrimSpace(inner[i+4:]))); err != nil {
			return d, err
		}
		inner = inner[:i]
	}
	type answer struct {
		mark byte
		raw  string
	}
	var answers []answer
	for i := 0; i < len(inner); i++ {
		switch inner[i] {
		case '\\':
			i++
			if len(answers) > 0 && i < len(inner) {
				answers[len(answers)-1].raw += inner[i-1 : i+1]
			}
		case '=', '~':
			answers = append(answers, answer{mark: inner[i]})
		case '#':
			return d, fmt.Errorf("unescaped # inside answers: %q", inner)
		default:
			if len(answers) > 0 {
				answers[len(answers)-1].raw += inner[i : i+1]
			} else if strings.TrimSpace(inner[i:i+1]) != "" {
				return d, fmt.Errorf("text before the first answer: %q", inner)
			}
		}
	}
	wrong := false
	for _, a := range answers {
		wrong = wrong || a.mark == '~'
	}
	switch {
	case len(answers) == 0:
		d.Kind = Essay
	case strings.Contains(inner, "->"): // as Moodle decides: = and -> make a matching question
		d.Kind = Matching
		for _, a := range answers {
			left, right, ok := strings.Cut(a.raw, "->")
			if !ok || a.mark != '=' {
				return d, fmt.Errorf("matching answer without ->: %q", a.raw)
			}
			def, err := fromHTML(giftUnescape(strings.TrimSpace(left)))
			if err != nil {
				return d, err
			}
			d.Pairs = append(d.Pairs, Pair{Term: giftUnescape(strings.TrimSpace(right)), Definition: def})
		}
	case wrong:
		d.Kind = MultipleChoice
		for _, a := range answers {
			raw := strings.TrimSpace(a.raw)
			if giftWeight.MatchString(raw) || giftFormat.MatchString(raw) {
				return d, fmt.Errorf("choice %q would be read as a weight or a format", raw)
			}
			txt, err := fromHTMLText(giftUnescape(raw))
			if err != nil {
				return d, err
			}
			d.Choices = append(d.Choices, Choice{Text: txt, Correct: a.mark == '='})
		}
	default:
		d.Kind = ShortAnswer
		for _, a := range answers {
			raw := strings.TrimSpace(a.raw)
			if w := giftWeight.FindString(raw); w != "" {
				raw = raw[len(w):]
			} else {
				return d, fmt.Errorf("short answer without a weight: %q", raw)
			}
			if m := giftFormat.FindStringSubmatch(raw); m != nil {
				return d, fmt.Errorf("short answer %q starts with the format name %q", raw, m[1])
			}
			if strings.HasPrefix(raw, "[*") {
				raw = "[" + raw[2:]
			}
			d.Answers = append(d.Answers, fromPattern(strings.ReplaceAll(giftUnescape(raw), "-*>", "->")))
		}
	}
	return d, nil
}

// --- QTI ---

type qMeta struct {
	Label string `xml:"fieldlabel"`
	Entry string `xml:"fieldentry"`
}

type qMat struct {
	Type string `xml:"texttype,attr"`
	Text string `xml:",chardata"`
}

type qItem struct {
	Ident string  `xml:"ident,attr"`
	Title string  `xml:"title,attr"`
	Meta  []qMeta `xml:"itemmetadata>qtimetadata>qtimetadatafield"`
	Stem  []qMat  `xml:"presentation>material>mattext"`
	Lids  []struct {
		Ident  string `xml:"ident,attr"`
		Card   string `xml:"rcardinality,attr"`
		Text   *qMat  `xml:"material>mattext"`
		Labels []struct {
			Ident string `xml:"ident,attr"`
			Text  qMat   `xml:"material>mattext"`
		} `xml:"render_choice>response_label"`
	} `xml:"presentation>response_lid"`
	Strs []struct {
		Ident  string `xml:"ident,attr"`
		Labels []struct {
			Ident string `xml:"ident,attr"`
		} `xml:"render_fib>response_label"`
	} `xml:"presentation>response_str"`
	Decvars []struct {
		Var string `xml:"varname,attr"`
		Max string `xml:"maxvalue,attr"`
	} `xml:"resprocessing>outcomes>decvar"`
	Conds []struct {
		Continue string `xml:"continue,attr"`
		Equal    []struct {
			Resp string `xml:"respident,attr"`
			V    string `xml:",chardata"`
		} `xml:"conditionvar>varequal"`
		Other *struct{} `xml:"conditionvar>other"`
		Set   []struct {
			Var    string `xml:"varname,attr"`
			Action string `xml:"action,attr"`
			V      string `xml:",chardata"`
		} `xml:"setvar"`
		Display *struct {
			Link string `xml:"linkrefid,attr"`
		} `xml:"displayfeedback"`
	} `xml:"resprocessing>respcondition"`
	Feedback []struct {
		Ident string `xml:"ident,attr"`
		Text  qMat   `xml:"flow_mat>material>mattext"`
	} `xml:"itemfeedback"`
}

func (it qItem) meta(label string) string {
	for _, m := range it.Meta {
		if m.Label == label {
			return m.Entry
		}
	}
	return ""
}

// readQTI opens the package, checks that the manifest and the assessments
// are well-formed and name each other, and reads every item, checking the
// response processing its type needs.
func readQTI(data []byte) ([]decoded, []string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, nil, err
	}
	files := map[string][]byte{}
	var names []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, nil, err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, nil, err
		}
		files[f.Name] = b
		names = append(names, f.Name)
	}
	var man struct {
		XMLName   xml.Name `xml:"manifest"`
		Resources []struct {
			Ident string `xml:"identifier,attr"`
			Type  string `xml:"type,attr"`
			Href  string `xml:"href,attr"`
			Files []struct {
				Href string `xml:"href,attr"`
			} `xml:"file"`
		} `xml:"resources>resource"`
	}
	if err := xml.Unmarshal(files["imsmanifest.xml"], &man); err != nil {
		return nil, nil, fmt.Errorf("imsmanifest.xml: %w", err)
	}
	listed := map[string]bool{"imsmanifest.xml": true}
	var out []decoded
	for _, r := range man.Resources {
		if r.Type != "imsqti_xmlv1p2" || len(r.Files) != 1 || r.Files[0].Href != r.Href || files[r.Href] == nil {
			return nil, nil, fmt.Errorf("resource %s: type %q, href %q not a member", r.Ident, r.Type, r.Href)
		}
		if path.Clean(r.Href) != r.Href || strings.HasPrefix(r.Href, "/") || strings.Contains(r.Href, "..") {
			return nil, nil, fmt.Errorf("resource href %q leaves the package", r.Href)
		}
		listed[r.Href] = true
		var doc struct {
			XMLName    xml.Name `xml:"questestinterop"`
			Assessment struct {
				Ident    string  `xml:"ident,attr"`
				Title    string  `xml:"title,attr"`
				Sections []qItem `xml:"section>item"`
			} `xml:"assessment"`
		}
		if err := xml.Unmarshal(files[r.Href], &doc); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", r.Href, err)
		}
		if doc.Assessment.Ident != r.Ident {
			return nil, nil, fmt.Errorf("%s: assessment %q, manifest says %q", r.Href, doc.Assessment.Ident, r.Ident)
		}
		for _, it := range doc.Assessment.Sections {
			d, err := qtiDecode(it)
			if err != nil {
				return nil, nil, fmt.Errorf("%s: item %s: %w", r.Href, it.Ident, err)
			}
			d.Category = doc.Assessment.Title
			out = append(out, d)
		}
	}
	for _, n := range names {
		if !listed[n] {
			return nil, nil, fmt.Errorf("member %s is not in the manifest", n)
		}
	}
	return out, names, nil
}

func qtiDecode(it qItem) (decoded, error) {
	d := decoded{Question: Question{ID: it.Ident, Name: it.Title}}
	if it.meta("points_possible") == "" {
		return d, fmt.Errorf("no points_possible")
	}
	if len(it.Stem) != 1 || it.Stem[0].Type != "text/html" {
		return d, fmt.Errorf("question text: %+v", it.Stem)
	}
	var err error
	if d.Stem, err = fromHTML(it.Stem[0].Text); err != nil {
		return d, err
	}
	if len(it.Decvars) != 1 || it.Decvars[0].Var != "SCORE" || it.Decvars[0].Max != "100" {
		return d, fmt.Errorf("outcomes: %+v", it.Decvars)
	}
	if len(it.Feedback) > 0 {
		fb := it.Feedback[0]
		if fb.Ident != "general_fb" || fb.Text.Type != "text/html" {
			return d, fmt.Errorf("item feedback %+v", fb)
		}
		if d.Feedback, err = fromHTML(fb.Text.Text); err != nil {
			return d, err
		}
		shown := false
		for _, c := range it.Conds {
			shown = shown || c.Display != nil && c.Display.Link == "general_fb"
		}
		if !shown {
			return d, fmt.Errorf("feedback never displayed")
		}
	}
	// scored lists the setvars of the conditions that test a response.
	type scored struct {
		resp, value, action, points string
	}
	var sets []scored
	for _, c := range it.Conds {
		for _, e := range c.Equal {
			for _, s := range c.Set {
				if s.Var != "SCORE" {
					return d, fmt.Errorf("setvar %q", s.Var)
				}
				sets = append(sets, scored{e.Resp, e.V, s.Action, s.V})
			}
		}
	}
	typ, cc := it.meta("question_type"), it.meta("cc_profile")
	switch typ {
	case "matching_question":
		d.Kind = Matching
		if len(it.Lids) < 2 {
			return d, fmt.Errorf("%d response_lids", len(it.Lids))
		}
		total := 0.0
		for _, lid := range it.Lids {
			def := lid.Text.Text
			var term string
			n := 0
			for _, s := range sets {
				if s.resp != lid.Ident {
					continue
				}
				n++
				if s.action != "Add" {
					return d, fmt.Errorf("matching setvar %q", s.action)
				}
				p, err := strconv.ParseFloat(s.points, 64)
				if err != nil {
					return d, err
				}
				total += p
				for _, l := range lid.Labels {
					if l.Ident == s.value {
						term = l.Text.Text
					}
				}
			}
			if n != 1 || term == "" || len(lid.Labels) != len(it.Lids) {
				return d, fmt.Errorf("response %s: %d scoring conditions, %d labels", lid.Ident, n, len(lid.Labels))
			}
			d.Pairs = append(d.Pairs, Pair{Term: term, Definition: def})
		}
		if total < 99.999 || total > 100.001 {
			return d, fmt.Errorf("matching points add up to %v", total)
		}
	case "multiple_choice_question":
		d.Kind = MultipleChoice
		if cc != "cc.multiple_choice.v0p1" || len(it.Lids) != 1 || it.Lids[0].Card != "Single" {
			return d, fmt.Errorf("multiple choice: cc_profile %q, %d lids", cc, len(it.Lids))
		}
		if len(sets) != 1 || sets[0].resp != it.Lids[0].Ident || sets[0].action != "Set" || sets[0].points != "100" {
			return d, fmt.Errorf("multiple choice scoring %+v", sets)
		}
		for _, l := range it.Lids[0].Labels {
			d.Choices = append(d.Choices, Choice{Text: l.Text.Text, Correct: l.Ident == sets[0].value})
		}
	case "short_answer_question":
		d.Kind = ShortAnswer
		if cc != "cc.fib.v0p1" || len(it.Strs) != 1 || len(it.Lids) != 0 {
			return d, fmt.Errorf("short answer: cc_profile %q, %d response_strs", cc, len(it.Strs))
		}
		for _, s := range sets {
			if s.resp != it.Strs[0].Ident || s.action != "Set" || s.points != "100" {
				return d, fmt.Errorf("short answer scoring %+v", s)
			}
			d.Answers = append(d.Answers, s.value)
		}
		if len(d.Answers) == 0 {
			return d, fmt.Errorf("no accepted answer")
		}
	case "essay_question":
		d.Kind = Essay
		if cc != "cc.essay.v0p1" || len(it.Strs) != 1 || len(sets) != 0 {
			return d, fmt.Errorf("essay: cc_profile %q, %d response_strs, %d scores", cc, len(it.Strs), len(sets))
		}
		other := false
		for _, c := range it.Conds {
			other = other || c.Other != nil && c.Continue == "No"
		}
		if !other {
			return d, fmt.Errorf("essay without the <other/> condition")
		}
	default:
		return d, fmt.Errorf("question_type %q", typ)
	}
	if v := it.meta("topicdeck_review"); v != "" {
		d.Tags = strings.Split(v, ", ")
	}
	return d, nil
}
