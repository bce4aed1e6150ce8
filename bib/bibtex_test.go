package bib

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/diag"
)

// parseOne reads a BibTeX snippet that must hold exactly one entry.
func parseOne(t *testing.T, src string) *Entry {
	t.Helper()
	lib, err := ParseBibTeX("t.bib", []byte(src))
	if err != nil {
		t.Fatalf("ParseBibTeX(%q): %v", src, err)
	}
	if lib.Len() != 1 {
		t.Fatalf("ParseBibTeX(%q): %d entries, want 1", src, lib.Len())
	}
	return lib.Entries()[0]
}

func TestBibTeXFieldValues(t *testing.T) {
	tests := []struct {
		name, src, field, want string
	}{
		{"braces", `@misc{k, title = {Plain text}}`, "title", "Plain text"},
		{"quotes", `@misc{k, title = "Plain text"}`, "title", "Plain text"},
		{"quotes with braced quote", `@misc{k, title = "Say {"}hi{"}"}`, "title", `Say "hi"`},
		{"nested braces", `@misc{k, title = {A {B {C}} D}}`, "title", "A B C D"},
		{"number", `@misc{k, year = 2006}`, "year", "2006"},
		{"concatenation", `@string{a = "Annual "} @misc{k, journal = a # {Review} # " of " # "X"}`, "journal", "Annual Review of X"},
		{"macro case-insensitive", `@String{NPP = {Neuropsychopharmacology}} @misc{k, journal = npp}`, "journal", "Neuropsychopharmacology"},
		{"macro in parentheses", `@string(x = {Ex}) @misc{k, note = x}`, "note", "Ex"},
		{"month macro", `@misc{k, month = jul}`, "month", "July"},
		{"month macro concatenated", `@misc{k, month = "1~" # jan}`, "month", "1\u00a0January"},
		{"parenthesised entry", `@misc(k, title = {Round})`, "title", "Round"},
		{"trailing comma", "@misc{k,\n title = {T},\n}", "title", "T"},
		{"upper-case type and field", `@MISC{k, TITLE = {T}}`, "title", "T"},
		{"whitespace collapsed", "@misc{k, title = {A\n   long\ttitle }}", "title", "A long title"},
		{"umlaut braced", `@misc{k, title = {K{\"o}ln}}`, "title", "Köln"},
		{"umlaut argument", `@misc{k, title = {K\"{o}ln}}`, "title", "Köln"},
		{"umlaut bare", `@misc{k, title = {K\"oln}}`, "title", "Köln"},
		{"ring", `@misc{k, title = {{\aa}ngstr{\"o}m {\AA}}}`, "title", "ångström Å"},
		{"acute grave circumflex tilde", "@misc{k, title = {\\'e \\`a \\^o \\~n}}", "title", "é à ô ñ"},
		{"cedilla caron", `@misc{k, title = {\c{c} \v{s} \v s}}`, "title", "ç š š"},
		{"dotless i", `@misc{k, title = {Garc\'{\i}a}}`, "title", "García"},
		{"sharp s and slashed o", `@misc{k, title = {Stra\ss e {\o} {\O} \ae{} \AE}}`, "title", "Straße ø Ø æ Æ"},
		{"escapes", `@misc{k, title = {\& \% \$ \_ \#}}`, "title", "& % $ _ #"},
		{"dashes", `@misc{k, pages = {1--2}, note = {a---b -c}}`, "pages", "1–2"},
		{"em dash", `@misc{k, note = {a---b}}`, "note", "a—b"},
		{"tie", `@misc{k, note = {p.~5}}`, "note", "p.\u00a05"},
		{"tex quotes", "@misc{k, note = {``quoted''}}", "note", "“quoted”"},
		{"apostrophe kept", `@misc{k, note = {O'Brien}}`, "note", "O'Brien"},
		{"math delimiters", `@misc{k, title = {The $\alpha$ wave}}`, "title", "The α wave"},
		{"formatting command", `@misc{k, title = {\emph{In vivo} and \textbf{bold}}}`, "title", "In vivo and bold"},
		{"unknown command keeps its name", `@misc{k, title = {\foo bar}}`, "title", "foobar"},
		{"math operators and negative space", `@misc{k, title = {An {$O(n \log n / \! \log\log n)$} Sorting Algorithm}}`, "title", "An O(n log n / log log n) Sorting Algorithm"},
		{"thin spaces", `@misc{k, note = {10\,000 and a\;b and c\:d and e\quad f}}`, "note", "10 000 and a b and c d and e f"},
		{"negative thin space word", `@misc{k, note = {a\negthinspace b}}`, "note", "ab"},
		{"noopsort prints nothing", `@misc{k, year = {{\noopsort{1973a}}1968}}`, "year", "1968"},
		{"preamble macro keeps its last argument", `@misc{k, year = {{\noopsort{1973a}}{\switchargs{--90}{1968}}}}`, "year", "1968"},
		{"unknown macro with one argument", `@misc{k, note = {\singleletter{Stoner}}}`, "note", "Stoner"},
		{"url verbatim", `@misc{k, url = {https://x.org/~me/a--b\_c}}`, "url", "https://x.org/~me/a--b_c"},
		{"doi verbatim", `@misc{k, doi = {10.1000/a--b}}`, "doi", "10.1000/a--b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := parseOne(t, tt.src)
			if got := e.Field(tt.field); got != tt.want {
				t.Errorf("%s = %q, want %q", tt.field, got, tt.want)
			}
		})
	}
}

func TestBibTeXIgnoredText(t *testing.T) {
	src := `Anything here is a comment.
@comment{ @article{hidden, title = {No}} }
@comment this line too, even @article{hidden2, title = {No}}
@preamble{ "\newcommand{\x}{y}" }
@preamble( "paren" )
e-mail someone@example.org, or a stray @ alone
@article{kept, title = {Yes}}
`
	lib, err := ParseBibTeX("t.bib", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if lib.Len() != 1 {
		t.Fatalf("got %d entries, want 1", lib.Len())
	}
	if _, ok := lib.Lookup("hidden2"); ok {
		t.Error("entry on a @comment line was read")
	}
	if _, ok := lib.Lookup("hidden"); ok {
		t.Error("entry inside @comment was read")
	}
	if _, ok := lib.Lookup("kept"); !ok {
		t.Error("entry after comments lost")
	}
}

func TestBibTeXTypes(t *testing.T) {
	tests := []struct{ src, typ, source string }{
		{"@article{k,}", "article", "article"},
		{"@Book{k,}", "book", "book"},
		{"@incollection{k,}", "incollection", "incollection"},
		{"@inbook{k,}", "incollection", "inbook"},
		{"@inproceedings{k,}", "inproceedings", "inproceedings"},
		{"@conference{k,}", "inproceedings", "conference"},
		{"@phdthesis{k,}", "phdthesis", "phdthesis"},
		{"@mastersthesis{k,}", "mastersthesis", "mastersthesis"},
		{"@misc{k,}", "misc", "misc"},
		{"@techreport{k,}", "misc", "techreport"},
		{"@online{k,}", "misc", "online"},
	}
	for _, tt := range tests {
		e := parseOne(t, tt.src)
		if e.Type != tt.typ || e.SourceType != tt.source {
			t.Errorf("%s: type %q/%q, want %q/%q", tt.src, e.Type, e.SourceType, tt.typ, tt.source)
		}
	}
}

func TestBibTeXProtection(t *testing.T) {
	e := parseOne(t, `@misc{k, title = {The {DNA} of {\"O}sterreich and {Sm{\o}rrebr{\o}d}}}`)
	title := e.Field("title")
	if title != "The DNA of Österreich and Smørrebrød" {
		t.Fatalf("title %q", title)
	}
	var got []string
	for _, sp := range e.Protected["title"] {
		got = append(got, title[sp.Start:sp.End])
	}
	// {\"O} is a special character, not protection; {Sm{\o}rrebr{\o}d} is.
	if want := []string{"DNA", "Smørrebrød"}; !reflect.DeepEqual(got, want) {
		t.Errorf("protected %q, want %q", got, want)
	}
}

func TestBibTeXPositions(t *testing.T) {
	src := "% header\n\n  @article{first,\n  title = {One}}\n@book{second, title={Två}}\n"
	lib, err := ParseBibTeX("refs.bib", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]diag.Pos{"first": {Line: 3, Col: 3}, "second": {Line: 5, Col: 1}}
	for key, pos := range want {
		e, _ := lib.Lookup(key)
		if e.Pos != pos || e.File != "refs.bib" {
			t.Errorf("%s at %s:%v, want refs.bib:%v", key, e.File, e.Pos, pos)
		}
	}
}

func TestBibTeXErrors(t *testing.T) {
	checkParseErrors(t, "t.bib", ParseBibTeX, []parseError{
		{"unbalanced braces", "@article{k,\n  title = {Open {brace}\n", "t.bib:2:11: error: unbalanced braces in field \"title\""},
		{"closing brace eaten", "@article{k,\n  title = {Open {brace},\n}\n", "t.bib:1:1: error: entry \"k\" is not closed: missing '}'"},
		{"unbalanced before next entry", "@article{a, title = {Open\n@article{b, title = {B}}\n", "t.bib:1:21: error: unbalanced braces in field \"title\": no closing \"}\" before the next entry"},
		{"unterminated quote", "@misc{k, note = \"abc}\n", "t.bib:1:21: error: unbalanced \"}\" in quoted field \"note\""},
		{"unterminated quote eof", "@misc{k, note = \"abc\n", "t.bib:1:17: error: unterminated quoted value in field \"note\""},
		{"missing equals", "@misc{k,\n  title {T}}", "t.bib:2:9: error: expected \"=\" after field \"title\""},
		{"undefined macro", "@misc{k, journal = nejm}", "t.bib:1:20: error: undefined macro \"nejm\" in field \"journal\""},
		{"missing key", "@misc{, title = {T}}", "t.bib:1:7: error: @misc has no citation key"},
		{"field instead of key", "@misc{title = {T}}", "t.bib:1:7: error: @misc has no citation key (found field \"title\" first)"},
		{"no brace after type", "@misc k", "t.bib:1:7: error: expected \"{\" after @misc, found 'k'"},
		{"entry not closed", "@misc{k, title = {T}", "t.bib:1:1: error: entry \"k\" is not closed"},
		{"missing comma", "@misc{k, title = {T} year = 2000}", "t.bib:1:22: error: expected \",\" or '}' after a field in entry \"k\", found 'y'"},
		{"missing value", "@misc{k, title = }", "t.bib:1:18: error: expected a value for field \"title\", found '}'"},
		{"unterminated comment", "@comment{ never closed", "t.bib:1:1: error: unterminated @comment"},
		{"column counts runes", "@misc{k, title = {Å}, note = ,}", "t.bib:1:30: error: expected a value for field \"note\""},
		{"binary", "@misc{k}\x00", "t.bib:1:9: error: not a text file"},
	})
}

// parseError is a bad source and the start of the message it must give.
type parseError struct{ name, src, want string }

// checkParseErrors parses each source as file and wants one *diag.Error
// whose message starts with the row's.
func checkParseErrors(t *testing.T, file string, parse func(string, []byte) (*Library, error), tests []parseError) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib, err := parse(file, []byte(tt.src))
			if err == nil {
				t.Fatalf("no error; library has %d entries", lib.Len())
			}
			var te *diag.Error
			if !errors.As(err, &te) {
				t.Fatalf("error %v (%T), want a *diag.Error", err, err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error\n got %s\nwant prefix %s", err, tt.want)
			}
		})
	}
}

func TestBibTeXWarnings(t *testing.T) {
	src := "@misc{k, title = {A}, title = {B}}\n@misc{k, title = {C}}\n@string{jan = {Januari}}\n"
	lib, err := ParseBibTeX("t.bib", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	e, _ := lib.Lookup("k")
	if e.Field("title") != "A" {
		t.Errorf("title %q: the first value must win", e.Field("title"))
	}
	var got []string
	for _, w := range lib.Warnings() {
		got = append(got, w.String())
	}
	want := []string{
		`t.bib:1:23: warning: field "title" given twice in entry "k"; the first value is used`,
		`t.bib:2:1: warning: duplicate citation key "k" ignored; the entry at t.bib:1:1 is used`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("warnings\n got %q\nwant %q", got, want)
	}
}
