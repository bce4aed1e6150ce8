package bib

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scholargate/topicdeck/locale"
	"github.com/scholargate/topicdeck/topic"
)

// maxListedAuthors is where APA 7 stops listing every author: with more,
// the first 19 are listed, then an ellipsis and the last.
const maxListedAuthors = 20

// APA formats an entry as an APA 7 reference in the given language ("en",
// "sv"; labels come from package locale). The result is styled runs: the
// journal, volume and book titles are italic, and the DOI (or URL) is a run
// with its URL set so renderers can draw a link.
func APA(e *Entry, lang string) topic.Text {
	f := apaFormatter{e: e, l: locale.For(lang)}
	return f.format()
}

type apaFormatter struct {
	e   *Entry
	l   locale.Labels
	out runs
}

// runs builds a Text, merging neighbouring runs of one style so renderers
// get as few runs as the formatting needs.
type runs struct{ t topic.Text }

func (r *runs) add(s string, style topic.Style, url string) {
	if s == "" {
		return
	}
	if n := len(r.t); n > 0 && r.t[n-1].Style == style && r.t[n-1].URL == url && url == "" {
		r.t[n-1].Text += s
		return
	}
	r.t = append(r.t, topic.Run{Text: s, Style: style, URL: url})
}

func (r *runs) plain(s string)  { r.add(s, 0, "") }
func (r *runs) italic(s string) { r.add(s, topic.Italic, "") }

// text returns what was built so far, as plain text.
func (r *runs) text() string { return r.t.Plain() }

// sep adds a space unless the reference is empty or already ends in one.
func (r *runs) sep() {
	if s := r.text(); s != "" && !strings.HasSuffix(s, " ") {
		r.plain(" ")
	}
}

// period ends an element with "." unless it already ends in punctuation
// that closes a sentence.
func (r *runs) period() {
	s := strings.TrimRight(r.text(), " ")
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return
	}
	r.plain(".")
}

func (f *apaFormatter) format() topic.Text {
	e := f.e
	r := &f.out
	switch {
	case len(e.Authors) > 0 || e.MoreAuthors:
		r.plain(nameList(e.Authors, e.MoreAuthors, f.l, true))
		r.period()
		r.sep()
		f.date()
		f.title()
	case len(e.Editors) > 0 && e.Type != "incollection" && e.Type != "inproceedings":
		// An edited book: the editors take the author position.
		r.plain(nameList(e.Editors, e.MoreEditors, f.l, true))
		r.plain(" " + f.editorLabel(len(e.Editors)))
		r.period()
		r.sep()
		f.date()
		f.title()
	default:
		// No one to name: APA moves the title to the author position.
		f.title()
		f.date()
	}
	f.source()
	f.link()
	return r.t
}

// date writes "(2010). ", or the "no date" label.
func (f *apaFormatter) date() {
	y := strings.TrimSpace(f.e.Field("year"))
	if y == "" {
		y = findYear(f.e.Field("date"))
	}
	if y == "" {
		y = f.l.Get(locale.NoDate)
	}
	f.out.sep()
	f.out.plain("(" + y + ").")
}

// title writes the title element: sentence case, italic for works that
// stand alone (books, theses, reports), followed by the edition or the
// thesis description.
func (f *apaFormatter) title() {
	e, r := f.e, &f.out
	title := sentenceCase(e.Field("title"), e.Protected["title"])
	r.sep()
	switch e.Type {
	case "article", "incollection", "inproceedings":
		r.plain(title)
	case "phdthesis", "mastersthesis":
		r.italic(title)
		r.plain(" [" + f.thesisLabel() + "]")
	default:
		r.italic(title)
		if ed := f.edition(); ed != "" {
			r.plain(" (" + ed + ")")
		}
	}
	if title != "" || e.Type == "phdthesis" || e.Type == "mastersthesis" {
		r.period()
	}
}

// thesisLabel is the bracketed description of a thesis: its kind and the
// institution.
func (f *apaFormatter) thesisLabel() string {
	kind := f.e.Field("type")
	if kind == "" {
		if f.e.Type == "mastersthesis" {
			kind = f.l.Get(locale.MastersThesis)
		} else {
			kind = f.l.Get(locale.Thesis)
		}
	}
	if school := firstOf(f.e, "school", "institution", "publisher"); school != "" {
		return kind + ", " + school
	}
	return kind
}

// source writes where the work appeared: the journal, the edited book, or
// the publisher.
func (f *apaFormatter) source() {
	e, r := f.e, &f.out
	switch e.Type {
	case "article":
		journal := firstOf(e, "journal", "journaltitle")
		vol, num, pages := e.Field("volume"), e.Field("number"), pageRange(firstOf(e, "pages", "eid"))
		if journal == "" && vol == "" && num == "" && pages == "" {
			return
		}
		r.sep()
		r.italic(journal)
		if vol != "" {
			if journal != "" {
				r.plain(", ")
			}
			r.italic(vol)
		}
		if num != "" {
			if vol == "" && journal != "" {
				r.plain(", ")
			}
			r.plain("(" + num + ")")
		}
		if pages != "" {
			if r.text() != "" && !strings.HasSuffix(r.text(), " ") {
				r.plain(", ")
			}
			r.plain(pages)
		}
		r.period()
	case "incollection", "inproceedings":
		r.sep()
		r.plain(f.l.Get(locale.In) + " ")
		if len(e.Editors) > 0 || e.MoreEditors {
			r.plain(nameList(e.Editors, e.MoreEditors, f.l, false) + " " + f.editorLabel(len(e.Editors)))
			if firstOf(e, "booktitle") != "" {
				r.plain(", ")
			}
		}
		r.italic(sentenceCase(e.Field("booktitle"), e.Protected["booktitle"]))
		var paren []string
		if ed := f.edition(); ed != "" {
			paren = append(paren, ed)
		}
		// APA puts the book's volume between its edition and the pages:
		// "(2nd ed., Vol. 8, pp. 47–89)".
		if v := strings.TrimSpace(e.Field("volume")); v != "" {
			paren = append(paren, f.l.Get(locale.Volume)+" "+v)
		}
		if p := f.pages(); p != "" {
			paren = append(paren, p)
		}
		if len(paren) > 0 {
			r.plain(" (" + strings.Join(paren, ", ") + ")")
		}
		r.period()
		f.publisher()
	case "phdthesis", "mastersthesis":
		// The institution is in the bracketed description.
	case "misc":
		if hp := e.Field("howpublished"); hp != "" {
			r.sep()
			r.plain(hp)
			r.period()
		}
		f.publisher()
		if note := e.Field("note"); note != "" {
			r.sep()
			r.plain(note)
			r.period()
		}
	default:
		f.publisher()
	}
}

// publisher writes the publisher element. APA 7 omits the place, and the
// publisher when it is the author (a report by the organisation itself).
func (f *apaFormatter) publisher() {
	p := firstOf(f.e, "publisher", "organization", "institution")
	if len(f.e.Authors) == 1 && f.e.Authors[0].Literal == p {
		return
	}
	if p != "" {
		f.out.sep()
		f.out.plain(p)
		f.out.period()
	}
}

// link writes the DOI as an https://doi.org/ address, or else the URL, as a
// link run. APA puts no period after it.
func (f *apaFormatter) link() {
	url := ""
	if doi := normalDOI(f.e.Field("doi")); doi != "" {
		url = "https://doi.org/" + doi
	} else if u := strings.TrimSpace(f.e.Field("url")); u != "" {
		url = u
	}
	if url == "" {
		return
	}
	f.out.sep()
	f.out.add(url, 0, url)
}

// normalDOI strips the resolver or "doi:" prefix authors often include.
func normalDOI(s string) string {
	s = strings.TrimSpace(s)
	lower := strings.ToLower(s)
	for _, p := range []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:", "doi.org/"} {
		if strings.HasPrefix(lower, p) {
			return strings.TrimSpace(s[len(p):])
		}
	}
	return s
}

func (f *apaFormatter) editorLabel(n int) string {
	if n == 1 {
		return f.l.Get(locale.Editor)
	}
	return f.l.Get(locale.Editors)
}

// pages formats a chapter's page range with "pp." or a single page with "p.".
func (f *apaFormatter) pages() string {
	p := pageRange(f.e.Field("pages"))
	if p == "" {
		return ""
	}
	if strings.ContainsAny(p, "–,") {
		return f.l.Get(locale.Pages) + " " + p
	}
	return f.l.Get(locale.Page) + " " + p
}

// pageRange writes ranges with an en dash, whatever dash the source used
// ("217--238", "217-238", "217 - 238"), keeping comma-separated ranges.
func pageRange(p string) string {
	var ranges []string
	for _, part := range strings.Split(p, ",") {
		var ends []string
		for _, end := range strings.FieldsFunc(part, isDash) {
			if end = strings.TrimSpace(end); end != "" {
				ends = append(ends, end)
			}
		}
		if len(ends) > 0 {
			ranges = append(ranges, strings.Join(ends, "–"))
		}
	}
	return strings.Join(ranges, ", ")
}

func isDash(r rune) bool { return r == '-' || r == '–' || r == '—' || r == '‐' || r == '−' }

// edition formats the edition: "2nd ed." in English, "2:a uppl." in
// Swedish. A first edition is not mentioned, as APA prescribes.
func (f *apaFormatter) edition() string {
	ed := strings.TrimSpace(f.e.Field("edition"))
	if ed == "" {
		return ""
	}
	label := f.l.Get(locale.Edition)
	n, err := strconv.Atoi(ed)
	if err != nil {
		n = editionNumber(ed)
	}
	if n == 1 {
		return ""
	}
	if n > 1 {
		return ordinal(n, f.l.Lang()) + " " + label
	}
	for _, w := range strings.Fields(strings.ToLower(ed)) {
		switch strings.TrimSuffix(w, ".") {
		case "ed", "edn", "edition", "uppl", "upplaga", "upplagan":
			return ed // "Rev. ed." already says it is an edition
		}
	}
	return ed + " " + label
}

// editionNumber reads "Second", "2nd", "2:a" as 2; 0 when it is not a number.
func editionNumber(s string) int {
	words := []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
	low := strings.ToLower(strings.TrimSpace(s))
	for i, w := range words {
		if low == w {
			return i + 1
		}
	}
	digits := strings.TrimRightFunc(low, func(r rune) bool { return !unicode.IsDigit(r) })
	if digits == "" {
		return 0
	}
	rest := low[len(digits):]
	switch rest {
	case "st", "nd", "rd", "th", ":a", ":e", ".":
		n, _ := strconv.Atoi(digits)
		return n
	}
	return 0
}

// ordinal writes n as an ordinal in the language's short form.
func ordinal(n int, lang string) string {
	s := strconv.Itoa(n)
	if lang == "sv" {
		if m := n % 10; (m == 1 || m == 2) && n%100 != 11 && n%100 != 12 {
			return s + ":a"
		}
		return s + ":e"
	}
	switch {
	case n%100 >= 11 && n%100 <= 13:
		return s + "th"
	case n%10 == 1:
		return s + "st"
	case n%10 == 2:
		return s + "nd"
	case n%10 == 3:
		return s + "rd"
	}
	return s + "th"
}

// firstOf returns the first non-empty field of the names.
func firstOf(e *Entry, names ...string) string {
	for _, n := range names {
		if v := strings.TrimSpace(e.Field(n)); v != "" {
			return v
		}
	}
	return ""
}

// nameList joins names the APA way. Inverted names (the author position,
// "Koob, G. F.") take a comma before "&" even between two; names written
// first-name-first (editors after "In") do not. From 21 names on, the
// first 19 are listed, then an ellipsis and the last. An incomplete list
// ("and others") ends in "et al.".
func nameList(names []Name, more bool, l locale.Labels, inverted bool) string {
	form := directName
	if inverted {
		form = invertedName
	}
	parts := make([]string, 0, len(names))
	for _, n := range names {
		parts = append(parts, form(n))
	}
	switch {
	case more:
		return strings.Join(append(parts, l.Get(locale.EtAl)), ", ")
	case len(parts) == 0:
		return ""
	case len(parts) == 1:
		return parts[0]
	case len(parts) == 2 && !inverted:
		return parts[0] + " & " + parts[1]
	case len(parts) > maxListedAuthors:
		return strings.Join(parts[:maxListedAuthors-1], ", ") + ", … " + parts[len(parts)-1]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + ", & " + parts[len(parts)-1]
}

// invertedName writes "van der Berg, J. A., Jr." for the author position.
func invertedName(n Name) string {
	if n.Literal != "" {
		return n.Literal
	}
	s := joinNonEmpty(" ", n.Particle, n.Family)
	if in := initials(n.Given); in != "" {
		s += ", " + in
	}
	if n.Suffix != "" {
		s += ", " + n.Suffix
	}
	return s
}

// directName writes "J. A. van der Berg Jr." for editors after "In".
func directName(n Name) string {
	if n.Literal != "" {
		return n.Literal
	}
	s := joinNonEmpty(" ", initials(n.Given), n.Particle, n.Family)
	if n.Suffix != "" {
		s += ", " + n.Suffix
	}
	return s
}

func joinNonEmpty(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

// initials reduces given names to initials: "George F." → "G. F.",
// "Jean-Paul" → "J.-P.", "G.F." → "G. F.".
func initials(given string) string {
	var out []string
	for _, word := range strings.FieldsFunc(given, func(r rune) bool { return unicode.IsSpace(r) || r == '.' }) {
		var parts []string
		for _, part := range strings.Split(word, "-") {
			r, _ := utf8.DecodeRuneInString(part)
			if part == "" || !unicode.IsLetter(r) {
				continue
			}
			parts = append(parts, string(unicode.ToUpper(r))+".")
		}
		if len(parts) > 0 {
			out = append(out, strings.Join(parts, "-"))
		}
	}
	return strings.Join(out, " ")
}
