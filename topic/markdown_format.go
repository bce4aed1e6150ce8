package topic

import (
	"strconv"
	"strings"
)

// FormatBody writes a Body as Markdown, so that ParseBody(FormatBody(b))
// equals b for every b that ParseBody can produce (positions aside). Lists
// are written tight with "-" (or "1."), code fenced, tables as GFM pipe
// tables.
func FormatBody(b Body) string {
	return formatBlocks(b, 1)
}

// formatBlocks writes blocks separated by blank lines. minLevel is the
// smallest heading level allowed for these top-level blocks: inside an
// entry a "##" would start a new section, so a sub-heading from another
// form is pushed down. Headings nested in lists or quotes cannot break the
// structure and keep their level.
func formatBlocks(b Body, minLevel int) string {
	return joinBlocks(b, minLevel, false)
}

// joinBlocks writes blocks separated by blank lines. Inside a list item
// (inItem), goldmark ends the item at a blank line that follows an empty
// sub-item, so a block after one is written on the next line instead.
func joinBlocks(b Body, minLevel int, inItem bool) string {
	var out strings.Builder
	var prev *Block
	alt := false
	for i := range b {
		bl := b[i]
		if bl.Kind == ParagraphBlock && len(bl.Text) == 0 {
			continue
		}
		if bl.Kind == ListBlock {
			// Two lists in a row with the same marker would merge
			// into one; switching the marker keeps them apart.
			alt = prev != nil && prev.Kind == ListBlock && prev.Ordered == bl.Ordered && !alt
		}
		if prev != nil {
			if inItem && prev.Kind == ListBlock && endsEmpty(prev.Items) {
				out.WriteString("\n")
			} else {
				out.WriteString("\n\n")
			}
		}
		prev = &b[i]
		out.WriteString(formatBlock(bl, minLevel, alt))
	}
	return out.String()
}

// endsEmpty reports whether the last of the items, at any depth, is an
// empty item.
func endsEmpty(items []Item) bool {
	if len(items) == 0 {
		return false
	}
	last := items[len(items)-1]
	switch {
	case len(last.Blocks) > 0:
		bl := last.Blocks[len(last.Blocks)-1]
		return bl.Kind == ListBlock && endsEmpty(bl.Items)
	case len(last.Children) > 0:
		return endsEmpty(last.Children)
	}
	return len(last.Text) == 0
}

func formatBlock(bl Block, minLevel int, alt bool) string {
	switch bl.Kind {
	case HeadingBlock:
		level := min(max(bl.Level, minLevel, 1), 6)
		h := strings.Repeat("#", level)
		if t := formatInline(bl.Text, inlineOpts{heading: true}); t != "" {
			h += " " + t
		}
		return h
	case ListBlock:
		return formatList(bl, alt)
	case CodeBlock:
		return formatCode(bl.Code, bl.Lang)
	case TableBlock:
		return formatTable(bl)
	case QuoteBlock:
		inner := formatBlocks(bl.Blocks, 1)
		lines := strings.Split(inner, "\n")
		for i, l := range lines {
			if l == "" {
				lines[i] = ">"
			} else {
				lines[i] = "> " + l
			}
		}
		return strings.Join(lines, "\n")
	case RuleBlock:
		return "---"
	case FigureBlock:
		return formatFigure(bl)
	default:
		return formatInline(bl.Text, inlineOpts{})
	}
}

func formatList(bl Block, alt bool) string {
	var out []string
	n := bl.Start
	if !bl.Ordered || n < 0 {
		n = 1
	}
	for _, it := range bl.Items {
		marker := "-"
		if alt {
			marker = "*"
		}
		if bl.Ordered {
			if alt {
				marker = strconv.Itoa(n) + ")"
			} else {
				marker = strconv.Itoa(n) + "."
			}
			n++
		}
		out = append(out, formatItem(it, marker))
	}
	return strings.Join(out, "\n")
}

// formatItem writes one item: its text after the marker, then its
// children as a nested bullet list, then its other blocks, all indented to
// the item's content column.
func formatItem(it Item, marker string) string {
	pad := strings.Repeat(" ", len(marker)+1)
	var parts []string
	first := formatInline(it.Text, inlineOpts{})
	if first != "" {
		parts = append(parts, first)
	}
	if len(it.Children) > 0 {
		// Empty items nest on one line ("- * -"); alternating the
		// marker keeps such a line from reading as a thematic break.
		child := "-"
		if first == "" && marker == "-" {
			child = "*"
		}
		var kids []string
		for _, ch := range it.Children {
			kids = append(kids, formatItem(ch, child))
		}
		sub := strings.Join(kids, "\n")
		if first != "" && len(it.Children[0].Text) > 0 {
			// A non-empty bullet item may interrupt the text
			// directly; an empty one would read as a setext underline.
			parts[0] += "\n" + sub
		} else {
			parts = append(parts, sub)
		}
	}
	body := strings.Join(parts, "\n\n")
	if len(it.Blocks) > 0 {
		blocks := joinBlocks(it.Blocks, 1, true)
		switch {
		case body == "":
			body = blocks
		case endsEmpty(it.Children):
			body += "\n" + blocks
		default:
			body += "\n\n" + blocks
		}
	}
	if first == "" && len(it.Blocks) > 0 && len(it.Children) == 0 && it.Blocks[0].Kind == RuleBlock {
		// "- ---" would read as a rule, not as an item holding one.
		body = "\n" + body
	}
	lines := strings.Split(body, "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i] != "" {
			lines[i] = pad + lines[i]
		}
	}
	if lines[0] == "" {
		return marker + strings.Join(lines, "\n")
	}
	return marker + " " + strings.Join(lines, "\n")
}

// formatCode fences code with more backticks than any run in it (tildes
// when the info string holds a backtick).
func formatCode(code, lang string) string {
	ch := "`"
	if strings.Contains(lang, "`") {
		ch = "~"
	}
	longest := 0
	for _, l := range strings.Split(code, "\n") {
		t := strings.TrimLeft(l, " ")
		k := len(t) - len(strings.TrimLeft(t, ch))
		longest = max(longest, k)
	}
	fence := strings.Repeat(ch, max(3, longest+1))
	info := strings.ReplaceAll(lang, "\n", " ")
	info = escapeInfo(info)
	var b strings.Builder
	b.WriteString(fence + info + "\n")
	if code != "" {
		b.WriteString(code + "\n")
	}
	b.WriteString(fence)
	return b.String()
}

// escapeInfo escapes what the info string would otherwise resolve.
func escapeInfo(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' || c == '&' && func() bool { _, _, ok := charRef(s[i:]); return ok }() {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

func formatTable(bl Block) string {
	cols := len(bl.Align)
	for _, r := range bl.Rows {
		cols = max(cols, len(r))
	}
	if len(bl.Rows) == 0 || cols == 0 {
		return ""
	}
	row := func(cells []Text, n int) string {
		var b strings.Builder
		b.WriteString("|")
		for i := 0; i < n; i++ {
			var t Text
			if i < len(cells) {
				t = cells[i]
			}
			b.WriteString(" " + formatInline(t, inlineOpts{table: true}) + " |")
		}
		return b.String()
	}
	lines := []string{row(bl.Rows[0], cols)}
	var d strings.Builder
	d.WriteString("|")
	for i := 0; i < cols; i++ {
		a := ""
		if i < len(bl.Align) {
			a = bl.Align[i]
		}
		switch a {
		case "left":
			d.WriteString(" :-- |")
		case "center":
			d.WriteString(" :-: |")
		case "right":
			d.WriteString(" --: |")
		default:
			d.WriteString(" --- |")
		}
	}
	lines = append(lines, d.String())
	for _, r := range bl.Rows[1:] {
		lines = append(lines, row(r, len(r)))
	}
	return strings.Join(lines, "\n")
}
