package topic

import (
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// FormatInline writes runs as Markdown inline syntax, escaping what would
// otherwise be read as syntax, so that ParseInline(FormatInline(t)) == t for
// every t that ParseInline can produce. A "\n" in a run becomes a hard line
// break.
func FormatInline(t Text) string {
	return formatInline(t, inlineOpts{})
}

// inlineOpts says where inline text is written, because some characters are
// only special there.
type inlineOpts struct {
	table   bool // a table cell: "|" ends the cell, even inside code spans
	heading bool // a heading: trailing "#"s would be a closing sequence
}

// marker is one open piece of inline syntax: emphasis or a link.
type marker struct {
	style Style // Bold or Italic; 0 for a link
	url   string
	delim string // the emphasis delimiter written: "*", "**", "_" or "__"
}

func (m marker) in(r Run) bool {
	if m.style != 0 {
		return r.Style&m.style != 0
	}
	return r.URL == m.url
}

func formatInline(t Text, o inlineOpts) string {
	if o.heading || o.table {
		// A heading or cell is one line: a break can only be a space.
		t = append(Text{}, t...)
		for i := range t {
			t[i].Text = strings.ReplaceAll(t[i].Text, "\n", " ")
		}
	}
	t = normalizeText(t)
	emphasis := false
	for _, r := range t {
		emphasis = emphasis || r.Style&(Bold|Italic) != 0
	}
	if !emphasis {
		return writeInline(t, o, emphasisForms[0])
	}
	// CommonMark pairs emphasis delimiters by rules that depend on the
	// characters around them, and a few tangles of emphasis and
	// punctuation read back differently in one spelling than another.
	// Each spelling is checked by reading it back; the first faithful one
	// wins.
	first := ""
	for k, form := range emphasisForms {
		out := writeInline(t, o, form)
		if k == 0 {
			first = out
		}
		if reflect.DeepEqual(ParseInline(out), t) {
			return out
		}
	}
	return first
}

// emphasisForm is one way of spelling emphasis.
type emphasisForm struct {
	ch            string // the delimiter character: "*" or "_"
	shortestFirst bool   // of two styles opened together, open the shorter first
}

// emphasisForms are tried in order; "*" first because it also works
// inside words.
var emphasisForms = []emphasisForm{{ch: "*"}, {ch: "*", shortestFirst: true}, {ch: "_"}, {ch: "_", shortestFirst: true}}

// writeInline writes normalized runs in one emphasis form.
func writeInline(t Text, o inlineOpts, form emphasisForm) string {
	w := &inlineWriter{opts: o, runs: t, form: form}
	var stack []marker
	for i, r := range t {
		// Close what this run does not continue, and everything opened
		// after it, so the syntax stays properly nested.
		for k, m := range stack {
			if !m.in(r) {
				for len(stack) > k {
					w.close(stack[len(stack)-1])
					stack = stack[:len(stack)-1]
				}
				break
			}
		}
		// Open what is missing, the longest-lasting first, so that
		// "**a [b](u) c**" nests the link inside the emphasis.
		var want []marker
		has := func(m marker) bool {
			for _, s := range stack {
				if s.style == m.style && s.url == m.url {
					return true
				}
			}
			return false
		}
		for _, m := range []marker{{url: r.URL}, {style: Bold}, {style: Italic}} {
			if m.style == 0 && m.url == "" || !m.in(r) || has(m) {
				continue
			}
			want = append(want, m)
		}
		span := func(m marker) int {
			n := 0
			for j := i; j < len(t) && m.in(t[j]); j++ {
				n++
			}
			return n
		}
		for a := 1; a < len(want); a++ {
			for b := a; b > 0 && (span(want[b]) > span(want[b-1])) != form.shortestFirst && span(want[b]) != span(want[b-1]); b-- {
				want[b], want[b-1] = want[b-1], want[b]
			}
		}
		for _, m := range want {
			if m.style == 0 && w.autolink(i) {
				continue
			}
			stack = append(stack, w.open(m))
		}
		if w.skip > i {
			continue
		}
		w.text(i, stack)
	}
	for len(stack) > 0 {
		w.close(stack[len(stack)-1])
		stack = stack[:len(stack)-1]
	}
	out := w.b.String()
	if k := len(strings.TrimRight(out, "#")); o.heading && k < len(out) && (k == 0 || out[k-1] == ' ' || out[k-1] == '\t') {
		// Only "#"s after a space close an ATX heading.
		out = out[:k] + "\\" + out[k:]
	}
	return out
}

type inlineWriter struct {
	b    strings.Builder
	opts inlineOpts
	runs Text
	// skip is the index after the last run written as an autolink.
	skip int
	// opened is set while the next text directly follows an emphasis
	// opener, where leading whitespace would break the syntax.
	opened bool
	// closedAfterPunct is set while the next text directly follows an
	// emphasis closer that itself follows punctuation: a letter there
	// would keep the closer from closing.
	closedAfterPunct bool
	// inCloserRun is set right after an emphasis closer, so the next
	// closer knows it joins the same delimiter run, and lastCloser is
	// its character, which an opener right after it must not repeat.
	inCloserRun bool
	lastCloser  string
	form        emphasisForm
}

func otherDelim(ch string) string {
	if ch == "*" {
		return "_"
	}
	return "*"
}

// open writes an opener and returns the marker as opened. Right after a
// closer it uses "_" instead of "*": "**" + "*" + "**" would merge into
// one delimiter run and pair up differently.
func (w *inlineWriter) open(m marker) marker {
	ch := w.form.ch
	if w.inCloserRun && w.lastCloser == ch {
		ch = otherDelim(ch)
	}
	w.closedAfterPunct, w.inCloserRun = false, false
	switch m.style {
	case Bold:
		m.delim = ch + ch
		w.opened = true
	case Italic:
		m.delim = ch
		w.opened = true
	default:
		w.b.WriteString("[")
		return m
	}
	w.b.WriteString(m.delim)
	return m
}

func (w *inlineWriter) close(m marker) {
	switch {
	case m.style == 0:
		w.closedAfterPunct, w.inCloserRun = false, false
	case !w.inCloserRun:
		// Flanking looks at the character before the whole run.
		before, _ := utf8.DecodeLastRuneInString(w.b.String())
		w.closedAfterPunct, w.inCloserRun = util.IsPunctRune(before), true
	}
	if m.delim != "" {
		w.lastCloser = m.delim[:1]
	}
	if strings.HasPrefix(m.delim, "_") {
		// A "_" closer never closes before a letter.
		w.closedAfterPunct = true
	}
	switch m.style {
	case Bold, Italic:
		w.b.WriteString(m.delim)
	default:
		w.b.WriteString("](")
		w.b.WriteString(linkDestination(m.url))
		w.b.WriteString(")")
	}
}

// autolink writes run i as <url> when that reads back as the same run: a
// plain run whose text is its URL (or, for mail, the URL without mailto:).
func (w *inlineWriter) autolink(i int) bool {
	r := w.runs[i]
	if r.Style != 0 || (i+1 < len(w.runs) && w.runs[i+1].URL == r.URL) {
		return false
	}
	ok := r.Text == r.URL && isAbsoluteURI(r.URL) ||
		"mailto:"+r.Text == r.URL && isEmail(r.Text)
	if !ok || w.opts.table && strings.Contains(r.Text, "|") {
		return false
	}
	w.b.WriteString("<" + r.Text + ">")
	w.skip = i + 1
	w.opened = false
	w.closedAfterPunct, w.inCloserRun = false, false
	return true
}

// text writes run i, escaped.
func (w *inlineWriter) text(i int, stack []marker) {
	r := w.runs[i]
	opened, afterCloser := w.opened, w.closedAfterPunct
	w.opened, w.closedAfterPunct, w.inCloserRun = false, false, false
	// Does an emphasis delimiter follow this run directly? An opener
	// right after it needs this run not to end in a letter when what
	// follows the opener is punctuation (or an encoded space).
	closing := i+1 == len(w.runs)
	beforeOpener, beforeLink := false, false
	if !closing {
		next := w.runs[i+1]
		beforeLink = next.URL != "" && next.URL != r.URL
		continuing := Style(0)
		for _, m := range stack {
			if m.style != 0 && !m.in(next) {
				closing = true
			}
			if m.style != 0 && m.in(next) {
				continuing |= m.style
			}
		}
		first, _ := utf8.DecodeRuneInString(next.Text)
		punct := next.Style&Code != 0 || next.URL != "" && next.URL != r.URL ||
			util.IsPunctRune(first) || unicode.IsSpace(first)
		beforeOpener = !closing && next.Style&^continuing&(Bold|Italic) != 0 && punct
	}
	if r.Style&Code != 0 {
		w.b.WriteString(codeSpan(r.Text, w.opts.table))
		return
	}
	lines := strings.Split(r.Text, "\n")
	for k, line := range lines {
		if k > 0 {
			// After a backslash, goldmark would not see a backslash
			// break, so the break is written as two trailing spaces.
			if strings.HasSuffix(w.b.String(), "\\") {
				w.b.WriteString("  \n")
			} else {
				w.b.WriteString("\\\n")
			}
		}
		lineStart := w.b.Len() == 0 || strings.HasSuffix(w.b.String(), "\n")
		e := inlineEdges{
			lineStart: lineStart,
			spaceL:    lineStart || (k == 0 && opened),
			spaceR:    k < len(lines)-1 || closing,
			letterL:   k == 0 && afterCloser,
			letterR:   k == len(lines)-1 && beforeOpener,
			bangR:     k == len(lines)-1 && beforeLink,
		}
		w.b.WriteString(escapeInline(line, e))
	}
}

// inlineEdges says what surrounds a line of text being escaped.
type inlineEdges struct {
	lineStart bool // block syntax would be read at its start
	// spaceL and spaceR: white space at that end would be trimmed or
	// break a delimiter, so it is written as a character reference.
	spaceL, spaceR bool
	// letterL and letterR: a delimiter beside that end sits next to
	// punctuation, so a character there that is neither space nor
	// punctuation is written as a reference, whose "&" and ";" are.
	letterL, letterR bool
	// bangR: a link follows, so a "!" at the end would make it an image.
	bangR bool
}

// escapeInline escapes one line of plain text.
func escapeInline(s string, e inlineEdges) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		plain := !unicode.IsSpace(r) && !util.IsPunctRune(r)
		switch {
		case unicode.IsSpace(r) && (e.spaceL && allSpace(rs[:i]) || e.spaceR && allSpace(rs[i+1:])),
			plain && (i == 0 && e.letterL || i == len(rs)-1 && e.letterR):
			b.WriteString("&#" + strconv.Itoa(int(r)) + ";")
			continue
		case strings.ContainsRune("\\`*[]<|", r), r == '!' && i == len(rs)-1 && e.bangR:
			b.WriteByte('\\')
		case r == '_':
			if i == 0 || i == len(rs)-1 || !isAlnum(rs[i-1]) || !isAlnum(rs[i+1]) {
				b.WriteByte('\\')
			}
		case r == '&':
			if _, _, ok := charRef(string(rs[i:])); ok {
				b.WriteByte('\\')
			}
		case e.lineStart && allSpace(rs[:i]):
			if strings.ContainsRune("#>-+=~", r) {
				b.WriteByte('\\')
			} else if r >= '0' && r <= '9' {
				j := i
				for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
					j++
				}
				if j < len(rs) && j-i <= 9 && (rs[j] == '.' || rs[j] == ')') {
					b.WriteString(string(rs[i:j]))
					b.WriteByte('\\')
					b.WriteRune(rs[j])
					b.WriteString(escapeInline(string(rs[j+1:]), inlineEdges{spaceR: e.spaceR, letterR: e.letterR}))
					return b.String()
				}
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func allSpace(rs []rune) bool {
	for _, r := range rs {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// codeSpan fences s with more backticks than any run inside it, padding
// with a space where the content touches a backtick or space.
func codeSpan(s string, table bool) string {
	longest, cur := 0, 0
	for _, r := range s {
		if r == '`' {
			cur++
			longest = max(longest, cur)
		} else {
			cur = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if table {
		s = strings.ReplaceAll(s, "|", "\\|")
	}
	// goldmark strips one space at each end unless the content is all
	// white space (tabs included).
	if s != "" && (s[0] == '`' || s[len(s)-1] == '`' || s[0] == ' ' || s[len(s)-1] == ' ') && strings.Trim(s, " \t\n\v\f\r") != "" {
		s = " " + s + " "
	}
	return fence + s + fence
}

// linkDestination writes a URL so that it reads back unchanged: in angle
// brackets when it holds spaces or parentheses, with the few characters
// that are special there escaped.
func linkDestination(u string) string {
	var b strings.Builder
	for _, r := range u {
		if r == '\\' || r == '<' || r == '>' || r == '|' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	escaped := b.String()
	b.Reset()
	for i := 0; i < len(escaped); i++ {
		if escaped[i] == '&' {
			if _, _, ok := charRef(escaped[i:]); ok {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(escaped[i])
	}
	if u == "" || strings.ContainsAny(u, " ()\t") {
		return "<" + b.String() + ">"
	}
	return b.String()
}

// isAbsoluteURI follows the CommonMark autolink rule.
func isAbsoluteURI(s string) bool {
	i := strings.IndexByte(s, ':')
	if i < 2 || i > 32 {
		return false
	}
	for k, c := range []byte(s[:i]) {
		isLetter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !isLetter && (k == 0 || !(c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-')) {
			return false
		}
	}
	for _, c := range []byte(s) {
		if c <= ' ' || c == '<' || c == '>' || c == 0x7f {
			return false
		}
	}
	return true
}

// isEmail follows the CommonMark email autolink rule.
func isEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	if at < 1 || at == len(s)-1 {
		return false
	}
	for _, c := range []byte(s[:at]) {
		if !(util.IsAlphaNumeric(c) || strings.IndexByte(".!#$%&'*+/=?^_`{|}~-", c) >= 0) {
			return false
		}
	}
	for _, label := range strings.Split(s[at+1:], ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, c := range []byte(label) {
			if !util.IsAlphaNumeric(c) && c != '-' {
				return false
			}
		}
	}
	return true
}
