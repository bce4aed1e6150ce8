package topic

import (
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// inlineParser sees every line as paragraph text: a string handed to
// ParseInline is one piece of inline content, so "1. Why?" or "# tag" must
// stay literal text instead of turning into a list or a heading and losing
// its marker. Raw HTML is not parsed, so "<b>" stays visible text. It is
// made on first use: reading Markdown entries never needs it.
var inlineParser = sync.OnceValue(func() parser.Parser {
	return parser.NewParser(
		parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 1000)),
		parser.WithInlineParsers(inlineParsers()...),
	)
})

// inlineParsers are goldmark's defaults without raw HTML: an entry is
// rendered to PDF and spreadsheets, where HTML means nothing, and treating
// it as text keeps every character the author typed.
func inlineParsers() []util.PrioritizedValue {
	return []util.PrioritizedValue{
		util.Prioritized(parser.NewCodeSpanParser(), 100),
		util.Prioritized(parser.NewLinkParser(), 200),
		util.Prioritized(parser.NewAutoLinkParser(), 300),
		util.Prioritized(parser.NewEmphasisParser(), 500),
	}
}

// ParseInline parses Markdown inline syntax into styled runs: **bold**,
// *italic*, `code`, [links](url) (the URL is kept on the run) and <autolinks>.
// Block syntax is not interpreted, soft line breaks become spaces, hard
// breaks "\n", and blank lines join the pieces with a space. Adjacent runs of
// the same style and link are merged, so equal Markdown gives equal Text.
// Link titles and image-ness are not kept: an image becomes a link whose
// text is its alt text.
func ParseInline(src string) Text {
	// Leading white space means nothing in a line of text, but a tab or
	// four spaces would start an indented code block, whose text an inline
	// reading drops: a term "\tTolerance" would vanish from every output.
	source := []byte(safeSource(strings.TrimSpace(src)))
	doc := inlineParser().Parse(text.NewReader(source))
	c := &mdConv{src: source}
	var t Text
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if len(t) > 0 {
			t = append(t, Run{Text: " "})
		}
		t = append(t, c.inline(n)...)
	}
	return normalizeText(t)
}

// safeSource replaces what CommonMark does not allow in a document:
// invalid UTF-8 and NUL both become U+FFFD.
func safeSource(src string) string {
	return strings.ReplaceAll(strings.ToValidUTF8(src, "\uFFFD"), "\x00", "\uFFFD")
}

// inline converts the inline children of a block node.
func (c *mdConv) inline(n ast.Node) Text {
	var t Text
	c.inlineInto(&t, n, 0, "")
	return normalizeText(t)
}

// line converts the inline content of a heading or table cell, which is
// one line: a hard break there (a setext heading may hold one) is a space.
func (c *mdConv) line(n ast.Node) Text {
	t := c.inline(n)
	for i := range t {
		t[i].Text = strings.ReplaceAll(t[i].Text, "\n", " ")
	}
	return t
}

func (c *mdConv) inlineInto(t *Text, n ast.Node, style Style, url string) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch v := ch.(type) {
		case *ast.Text:
			s := string(v.Segment.Value(c.src))
			if !v.IsRaw() {
				s = unescapeMarkdown(s)
			}
			*t = append(*t, Run{Text: s, Style: style, URL: url})
			if v.HardLineBreak() {
				*t = append(*t, Run{Text: "\n", Style: style, URL: url})
			} else if v.SoftLineBreak() {
				*t = append(*t, Run{Text: " ", Style: style, URL: url})
			}
		case *ast.String:
			s := string(v.Value)
			if !v.IsRaw() && !v.IsCode() {
				s = unescapeMarkdown(s)
			}
			*t = append(*t, Run{Text: s, Style: style, URL: url})
		case *ast.CodeSpan:
			var b strings.Builder
			for cc := v.FirstChild(); cc != nil; cc = cc.NextSibling() {
				switch tv := cc.(type) {
				case *ast.Text:
					b.Write(tv.Segment.Value(c.src))
				case *ast.String:
					b.Write(tv.Value)
				}
			}
			s := strings.ReplaceAll(b.String(), "\n", " ")
			*t = append(*t, Run{Text: s, Style: style | Code, URL: url})
		case *ast.Emphasis:
			st := Italic
			if v.Level >= 2 {
				st = Bold
			}
			c.inlineInto(t, v, style|st, url)
		case *ast.Link, *ast.Image:
			var dest []byte
			if l, ok := v.(*ast.Link); ok {
				dest = l.Destination
			} else {
				dest = v.(*ast.Image).Destination
			}
			u := unescapeMarkdown(string(dest))
			before := len(*t)
			c.inlineInto(t, v, style, u)
			if (*t)[before:].Plain() == "" {
				// A link without text still has its URL to show.
				*t = append(*t, Run{Text: u, Style: style, URL: u})
			}
		case *ast.AutoLink:
			label := string(v.Label(c.src))
			u := string(v.URL(c.src))
			if v.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
				u = "mailto:" + u
			}
			*t = append(*t, Run{Text: label, Style: style, URL: u})
		default:
			// Any other inline node (none of the enabled parsers makes
			// one) still contributes its text rather than vanishing.
			c.inlineInto(t, ch, style, url)
		}
	}
}

// normalizeText drops empty runs and merges neighbours of equal style and
// link, so one piece of Markdown has exactly one Text.
func normalizeText(t Text) Text {
	var out Text
	for _, r := range t {
		if r.Text == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Style == r.Style && out[n-1].URL == r.URL {
			out[n-1].Text += r.Text
			continue
		}
		out = append(out, r)
	}
	return out
}

// unescapeMarkdown resolves backslash escapes and entity and numeric
// character references the way goldmark's HTML writer does.
func unescapeMarkdown(s string) string {
	if !strings.ContainsAny(s, "\\&") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if ch == '\\' && i+1 < len(s) && util.IsPunct(s[i+1]) {
			b.WriteByte(s[i+1])
			i++
			continue
		}
		if ch == '&' {
			if r, n, ok := charRef(s[i:]); ok {
				b.WriteString(r)
				i += n - 1
				continue
			}
		}
		b.WriteByte(ch)
	}
	return b.String()
}

// charRef decodes the character reference at the start of s ("&amp;",
// "&#123;", "&#x7B;"), returning its text and length.
func charRef(s string) (string, int, bool) {
	if len(s) < 3 || s[0] != '&' {
		return "", 0, false
	}
	if s[1] == '#' {
		i, base := 2, 10
		if len(s) > 2 && (s[2] == 'x' || s[2] == 'X') {
			i, base = 3, 16
		}
		j := i
		for j < len(s) && (base == 16 && util.IsHexDecimal(s[j]) || base == 10 && util.IsNumeric(s[j])) {
			j++
		}
		maxDigits := 7
		if base == 16 {
			maxDigits = 6
		}
		if j == i || j-i > maxDigits || j >= len(s) || s[j] != ';' {
			return "", 0, false
		}
		v, err := strconv.ParseUint(s[i:j], base, 32)
		if err != nil {
			return "", 0, false
		}
		r := rune(v)
		if r == 0 || r > unicode.MaxRune || (r >= 0xD800 && r <= 0xDFFF) {
			r = utf8.RuneError
		}
		return string(r), j + 1, true
	}
	j := 1
	for j < len(s) && util.IsAlphaNumeric(s[j]) {
		j++
	}
	if j == 1 || j >= len(s) || s[j] != ';' {
		return "", 0, false
	}
	e, ok := util.LookUpHTML5EntityByName(s[1:j])
	if !ok {
		return "", 0, false
	}
	return string(e.Characters), j + 1, true
}
