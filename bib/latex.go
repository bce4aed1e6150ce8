package bib

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// accentMarks maps LaTeX accent commands to Unicode combining marks; the
// accented letter is the base plus the mark, composed with NFC so "\"o"
// becomes the single rune ö that fonts and searches expect.
var accentMarks = map[string]rune{
	`"`: '\u0308', `'`: '\u0301', "`": '\u0300', "^": '\u0302', "~": '\u0303',
	"=": '\u0304', ".": '\u0307', "u": '\u0306', "v": '\u030C', "H": '\u030B',
	"c": '\u0327', "k": '\u0328', "r": '\u030A', "d": '\u0323', "b": '\u0331',
}

// symbols maps LaTeX control words to the text they print.
var symbols = map[string]string{
	"ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
	"aa": "å", "AA": "Å", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ",
	"dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ",
	"textendash": "–", "textemdash": "—", "ldots": "…", "dots": "…", "textellipsis": "…",
	"S": "§", "P": "¶", "copyright": "©", "textcopyright": "©", "textregistered": "®",
	"texttrademark": "™", "textdegree": "°", "textquoteleft": "‘", "textquoteright": "’",
	"textquotedblleft": "“", "textquotedblright": "”", "guillemotleft": "«", "guillemotright": "»",
	"textasciitilde": "~", "textbackslash": "\\", "textbar": "|", "textless": "<", "textgreater": ">",
	"textunderscore": "_", "textasciicircum": "^", "textbullet": "•", "textperiodcentered": "·",
	"LaTeX": "LaTeX", "TeX": "TeX", "BibTeX": "BibTeX", "euro": "€", "pounds": "£",
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
	"zeta": "ζ", "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ",
	"nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ",
	"phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ",
	"Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ",
	"Omega": "Ω", "pm": "±", "times": "×", "leq": "≤", "geq": "≥", "neq": "≠", "approx": "≈",
	"quad": " ", "qquad": " ", "enspace": " ", "space": " ", "nobreakspace": "\u00a0",
}

// formatting are commands whose only effect is typographic; they print
// nothing themselves and their argument is read as ordinary text.
var formatting = map[string]bool{
	"emph": true, "textit": true, "textbf": true, "textsc": true, "textrm": true,
	"textsf": true, "texttt": true, "textup": true, "textsl": true, "textmd": true,
	"textnormal": true, "mbox": true, "hbox": true, "url": true, "protect": true,
	"em": true, "it": true, "bf": true, "sc": true, "rm": true, "sl": true, "sf": true,
	"tt": true, "itshape": true, "bfseries": true, "scshape": true, "upshape": true,
	"relax": true, "ensuremath": true, "mathrm": true, "mathit": true,
}

// mathOperators are the log-like operators of TeX's math mode, which print
// their name set apart from what follows: "\log\log n" is "log log n".
var mathOperators = map[string]bool{
	"log": true, "lg": true, "ln": true, "exp": true, "sin": true, "cos": true, "tan": true,
	"cot": true, "sec": true, "csc": true, "sinh": true, "cosh": true, "tanh": true,
	"arcsin": true, "arccos": true, "arctan": true, "max": true, "min": true, "sup": true,
	"inf": true, "lim": true, "liminf": true, "limsup": true, "det": true, "dim": true,
	"gcd": true, "deg": true, "arg": true, "ker": true, "hom": true, "Pr": true,
}

// silent are commands that print nothing at all: negative and zero
// spacing, and \noopsort, the sorting trick of classic bibliographies
// (@preamble{"\newcommand{\noopsort}[1]{}"}) whose argument only sorts.
var silent = map[string]int{
	"negthinspace": 0, "negmedspace": 0, "negthickspace": 0, "nobreak": 0,
	"noopsort": 1, "hspace": 1, "vspace": 1,
}

// decodeLaTeX turns a raw BibTeX value into Unicode text. Whitespace runs
// become one space. Brace groups at the top level that are not special
// characters ({\"o}) protect their text from case changes; their ranges in
// the result are returned, since the braces themselves are gone.
func decodeLaTeX(raw string) (string, []Span) {
	d := &latexDecoder{s: raw}
	d.run()
	out := d.out.String()
	trimmed := strings.TrimRight(out, " ")
	var spans []Span
	for _, sp := range d.spans {
		if sp.End > len(trimmed) {
			sp.End = len(trimmed)
		}
		if sp.Start < sp.End {
			spans = append(spans, sp)
		}
	}
	return trimmed, spans
}

// decodePlain decodes a value where case protection does not matter
// (names, numbers, publishers).
func decodePlain(raw string) string {
	s, _ := decodeLaTeX(raw)
	return s
}

type latexDecoder struct {
	s     string
	i     int
	out   strings.Builder
	spans []Span
}

// group is one open brace: whether it protects case, and where its text
// starts in the output.
type group struct {
	protect bool
	start   int
}

// run decodes the whole input.
func (d *latexDecoder) run() {
	var stack []group
	for d.i < len(d.s) {
		c := d.s[d.i]
		switch c {
		case '\\':
			d.command()
		case '{':
			d.i++
			g := group{start: d.out.Len()}
			if len(stack) == 0 {
				g.protect = !d.specialAhead()
			}
			stack = append(stack, g)
		case '}':
			d.i++
			if len(stack) == 0 {
				continue // unbalanced close: the parser reports those; here it prints nothing
			}
			g := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if g.protect && d.out.Len() > g.start {
				d.spans = append(d.spans, Span{g.start, d.out.Len()})
			}
		case '$':
			d.i++ // math shift: the formula's text is kept, the delimiters are not
		case '~':
			d.i++
			d.out.WriteString("\u00a0")
		case '-':
			n := 0
			for d.i < len(d.s) && d.s[d.i] == '-' && n < 3 {
				d.i++
				n++
			}
			d.out.WriteString([]string{"", "-", "–", "—"}[n])
		case '`', '\'':
			for _, q := range texQuotes {
				if strings.HasPrefix(d.s[d.i:], q.tex) {
					d.i += len(q.tex)
					d.out.WriteString(q.text)
					break
				}
			}
		case ' ', '\t', '\n', '\r', '\f', '\v':
			d.i++
			d.space()
		default:
			r, n := utf8.DecodeRuneInString(d.s[d.i:])
			d.i += n
			if unicode.IsSpace(r) {
				d.space()
				continue
			}
			d.out.WriteRune(r)
		}
	}
	// Input ended inside groups: close any protection so nothing is lost.
	for len(stack) > 0 {
		g := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if g.protect && d.out.Len() > g.start {
			d.spans = append(d.spans, Span{g.start, d.out.Len()})
		}
	}
}

// space writes one space unless the output is empty or already ends in one.
func (d *latexDecoder) space() {
	if d.out.Len() == 0 {
		return
	}
	s := d.out.String()
	if s[len(s)-1] == ' ' {
		return
	}
	d.out.WriteByte(' ')
}

// specialAhead reports whether the group just opened is a BibTeX "special
// character" such as {\"o} or {\aa}: a group starting with an accent or
// symbol command. Those change case with the text around them; any other
// group protects.
func (d *latexDecoder) specialAhead() bool {
	if d.i >= len(d.s) || d.s[d.i] != '\\' {
		return false
	}
	name := controlName(d.s[d.i+1:])
	if name == "" {
		return false
	}
	_, accent := accentMarks[name]
	_, sym := symbols[name]
	return accent || sym
}

// controlName returns the command name after a backslash: a run of ASCII
// letters, or else the single character.
func controlName(s string) string {
	n := 0
	for n < len(s) && isASCIILetter(s[n]) {
		n++
	}
	if n > 0 {
		return s[:n]
	}
	if len(s) == 0 {
		return ""
	}
	_, size := utf8.DecodeRuneInString(s)
	return s[:size]
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// command decodes the control sequence at d.i (which is a backslash).
func (d *latexDecoder) command() {
	d.i++
	name := controlName(d.s[d.i:])
	d.i += len(name)
	if name == "" {
		return
	}
	word := isASCIILetter(name[0])
	if word {
		// TeX ignores spaces after a control word.
		for d.i < len(d.s) && (d.s[d.i] == ' ' || d.s[d.i] == '\t' || d.s[d.i] == '\n' || d.s[d.i] == '\r') {
			d.i++
		}
	}
	if mark, ok := accentMarks[name]; ok {
		d.accent(mark)
		return
	}
	if word {
		if s, ok := symbols[name]; ok {
			d.out.WriteString(s)
			return
		}
		if name == "href" {
			d.skipGroup() // the URL; the link text that follows is printed
			return
		}
		if formatting[name] {
			return
		}
		if mathOperators[name] {
			d.out.WriteString(name)
			if d.i < len(d.s) && (d.s[d.i] == '\\' || d.s[d.i] == '{' || unicode.IsLetter(rune(d.s[d.i])) || unicode.IsDigit(rune(d.s[d.i]))) {
				d.out.WriteByte(' ')
			}
			return
		}
		if n, ok := silent[name]; ok {
			for range n {
				d.skipSpaces()
				d.skipGroup()
			}
			return
		}
		if d.i < len(d.s) && d.s[d.i] == '{' {
			// An unknown macro with arguments (one a @preamble
			// defines, most often): its name is no text, and of its
			// arguments the last is the one such macros print
			// (\switchargs{--90}{1968}). The others are dropped; the
			// last is read on as ordinary text.
			last := d.i
			for {
				d.skipGroup()
				at := d.i
				d.skipSpaces()
				if d.i >= len(d.s) || d.s[d.i] != '{' {
					d.i = at
					break
				}
				last = d.i
			}
			d.i = last
			return
		}
		d.out.WriteString(name) // unknown command: keep its name rather than lose the word
		return
	}
	switch name {
	case " ", "\n", "\t", "\r", "\\", ",", ";", ":", ">":
		// thin, medium and thick spaces are one space in plain text
		d.space()
	case "-", "/", "@", "!":
		// discretionary hyphen, italic correction, spacing hint,
		// negative thin space: print nothing
	default:
		d.out.WriteString(name) // \& \% \$ \_ \# \{ \} and any other escaped character
	}
}

// accent applies a combining mark to the next character or braced group.
func (d *latexDecoder) accent(mark rune) {
	var arg string
	switch {
	case d.i >= len(d.s):
		return
	case d.s[d.i] == '{':
		start := d.i + 1
		d.skipGroup()
		end := d.i - 1
		if end < start {
			end = start
		}
		if end > len(d.s) {
			end = len(d.s)
		}
		arg = decodePlain(d.s[start:end])
	case d.s[d.i] == '\\':
		sub := &latexDecoder{s: d.s[d.i:]}
		sub.command()
		d.i += sub.i
		arg = sub.out.String()
	default:
		_, n := utf8.DecodeRuneInString(d.s[d.i:])
		arg = d.s[d.i : d.i+n]
		d.i += n
	}
	if arg == "" {
		return
	}
	base, n := utf8.DecodeRuneInString(arg)
	switch base {
	case 'ı':
		base = 'i'
	case 'ȷ':
		base = 'j'
	}
	d.out.WriteString(norm.NFC.String(string(base) + string(mark)))
	d.out.WriteString(arg[n:])
}

// skipSpaces moves past blanks, as TeX does between a macro's arguments.
func (d *latexDecoder) skipSpaces() {
	for d.i < len(d.s) && (d.s[d.i] == ' ' || d.s[d.i] == '\t' || d.s[d.i] == '\n' || d.s[d.i] == '\r') {
		d.i++
	}
}

// texQuotes are TeX's quotation marks and what they print, the doubled
// ones first so that two backquotes make one double quote; a lone
// apostrophe stays one.
var texQuotes = []struct{ tex, text string }{{"``", "“"}, {"''", "”"}, {"`", "‘"}, {"'", "'"}}

// skipGroup moves past a balanced brace group starting at d.i, if any;
// an unclosed one runs to the end.
func (d *latexDecoder) skipGroup() {
	if d.i >= len(d.s) || d.s[d.i] != '{' {
		return
	}
	end, ok := groupEnd(d.s, d.i)
	if !ok {
		end = len(d.s)
	}
	d.i = end
}

// groupEnd returns the index just after the "}" that closes the brace
// group opening at s[start]; ok is false when the group is not closed.
func groupEnd(s string, start int) (end int, ok bool) {
	for i, depth := range braceDepths(s[start:]) {
		if depth == 0 {
			return start + i + 1, true
		}
	}
	return len(s), false
}

// braceDepths yields the index of each byte of s that a backslash does
// not escape, with the depth of braces after it: a "{" opens a level and
// a "}" closes one (a stray "}" leaves the depth at 0).
func braceDepths(s string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		depth := 0
		for i := 0; i < len(s); i++ {
			switch s[i] {
			case '\\':
				i++
				continue
			case '{':
				depth++
			case '}':
				depth = max(depth-1, 0)
			}
			if !yield(i, depth) {
				return
			}
		}
	}
}
