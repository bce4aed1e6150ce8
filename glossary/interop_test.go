package glossary

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/scholargate/topicdeck/topic"
)

// interopCase is a glossary the importers of other programs must take.
type interopCase struct {
	name string
	g    *Glossary
}

// interopCases are the glossaries of every sample (read as the command
// reads them), of all samples as one course, of the hand-made course and
// Swedish entries, and of an entry whose text is hostile to tab-separated
// and XML formats.
func interopCases(t *testing.T) []interopCase {
	t.Helper()
	var files []string
	for _, pattern := range []string{"*.md", "*.json", "*.yaml"} {
		m, err := filepath.Glob(filepath.Join("..", "samples", pattern))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	sort.Strings(files)
	if len(files) < 3 {
		t.Fatalf("samples/ holds %d entries, want the Markdown, JSON and YAML samples", len(files))
	}
	var cases []interopCase
	var all []*topic.Entry
	for _, f := range files {
		e, err := topic.ReadFile(f, topic.Options{})
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, e)
		cases = append(cases, interopCase{filepath.Base(f), FromEntries([]*topic.Entry{e}, Options{})})
	}
	cases = append(cases,
		interopCase{"samples course", FromEntries(all, Options{})},
		interopCase{"course", FromEntries(append(courseEntries(), swedishEntry()), Options{})},
		interopCase{"hostile", FromEntries([]*topic.Entry{hostileEntry()}, Options{})},
	)
	return cases
}

// hostileEntry holds terms and definitions with what breaks naive
// tab-separated or XML output: tabs, line breaks, quotes at a field's
// start, markup characters, a number sign at a line's start (Anki's
// comment character), a control character, and styled runs and links.
func hostileEntry() *topic.Entry {
	return &topic.Entry{
		Title: "Hostile <text> & \"quotes\"", Slug: "hostile-text", Source: "hostile.md",
		KeyConcepts: []topic.Concept{
			{Term: topic.Plain("\"Quoted\" term"), Definition: topic.Plain("\"Starts\" with a quote, has a\ttab and\ttwo.")},
			{Term: topic.Plain("Line\nbreak"), Definition: topic.Plain("First line.\nSecond line.\r\nThird line.")},
			{Term: topic.Plain("#1 ranked"), Definition: topic.Plain("# A number sign opens this definition.")},
			{Term: topic.Plain("Markup <b> & co"), Definition: topic.Text{
				{Text: "Uses "}, {Text: "<tags>", Style: topic.Code}, {Text: " & "},
				{Text: "bold", Style: topic.Bold}, {Text: " and "}, {Text: "a link", URL: "https://example.org/?a=1&b=\"2\""},
				{Text: " with a bell\a character."},
			}},
			{Term: topic.Plain("Undefined hostile term")},
		},
	}
}

// ankiNote is one note as Anki's importer reads it.
type ankiNote struct {
	fields []string
	tags   []string
}

// ankiFile is what Anki's text importer (rslib import_export/text/csv,
// 2.1.55 and later) takes from a file: the file headers, and the notes.
type ankiFile struct {
	delimiter        byte
	forcedDelim      bool
	html, forcedHTML bool
	columns          []string
	tagsColumn       int
	// headerLines counts the lines read as headers.
	headerLines int
	notes       []ankiNote
}

// readAnki reads data the way Anki does. Headers: the first line may be
// "tags:…"; then every leading line starting with "#" is a header, read
// as "#key:value" (key case-insensitive; separator by name or as the
// character; columns split with the separator known at that line).
// Records: CSV with that separator, double quotes quoting a field that
// starts with one, lines starting with "#" skipped as comments, any
// number of fields; tags are the tags column split at white space.
func readAnki(t *testing.T, data []byte) ankiFile {
	t.Helper()
	f := ankiFile{}
	rest := data
	first := true
	for len(rest) > 0 {
		line, after, _ := bytes.Cut(rest, []byte("\n"))
		s := strings.TrimSuffix(string(line), "\r")
		if first && strings.HasPrefix(s, "tags:") {
			rest, first = after, false
			f.headerLines++
			continue
		}
		first = false
		if !strings.HasPrefix(s, "#") {
			break
		}
		if key, value, ok := strings.Cut(s[1:], ":"); ok {
			switch strings.ToLower(strings.TrimSpace(key)) {
			case "separator":
				names := map[string]byte{"comma": ',', "semicolon": ';', "tab": '\t', "space": ' ', "pipe": '|', "colon": ':'}
				v := strings.ToLower(value)
				if b, ok := names[strings.TrimSpace(v)]; ok {
					f.delimiter, f.forcedDelim = b, true
				} else if len(v) == 1 && strings.ContainsAny(v, ",;\t |:") {
					f.delimiter, f.forcedDelim = v[0], true
				}
			case "html":
				if b, err := strconv.ParseBool(strings.ToLower(value)); err == nil {
					f.html, f.forcedHTML = b, true
				}
			case "columns":
				r := csv.NewReader(strings.NewReader(value))
				r.Comma = rune(f.delimiter)
				if f.delimiter == 0 {
					r.Comma = ','
				}
				if rec, err := r.Read(); err == nil {
					f.columns = rec
				}
			case "tags column":
				if n, err := strconv.Atoi(strings.TrimSpace(value)); err == nil {
					f.tagsColumn = n
				}
			}
		}
		rest = after
		f.headerLines++
	}
	if !f.forcedDelim {
		t.Fatalf("no #separator header: Anki would guess the separator")
	}
	r := csv.NewReader(bytes.NewReader(rest))
	r.Comma = rune(f.delimiter)
	r.Comment = '#'
	r.FieldsPerRecord = -1
	// Rust's csv crate (Anki's reader) keeps a quote inside an unquoted
	// field as it is; Go's strict mode would reject href="…".
	r.LazyQuotes = true
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("Anki's reader would reject the file: %v", err)
		}
		n := ankiNote{fields: rec}
		if f.tagsColumn > 0 && f.tagsColumn <= len(rec) {
			n.tags = strings.Fields(rec[f.tagsColumn-1])
		}
		f.notes = append(f.notes, n)
	}
	return f
}

// htmlText is the text a reader sees in an HTML field: tags gone, <br>
// as a line break, entities decoded. It also returns the elements used.
func htmlText(t *testing.T, s string) (string, []string) {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		t.Fatalf("field is not HTML: %v: %q", err, s)
	}
	var b strings.Builder
	var tags []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
		case html.ElementNode:
			tags = append(tags, n.Data)
			if n.Data == "br" {
				b.WriteString("\n")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return b.String(), tags
}

// TestInteropAnki reads every Anki export back by Anki's own rules and
// checks that Anki would make exactly one Basic note per defined term,
// with the term on the front, its definition on the back and its topics
// as tags, and nothing lost to comments, quoting or stray separators.
func TestInteropAnki(t *testing.T) {
	for _, c := range interopCases(t) {
		t.Run(c.name, func(t *testing.T) {
			data, warns := write(t, c.g, Anki)
			f := readAnki(t, data)
			if f.delimiter != '\t' || !f.html || !f.forcedHTML {
				t.Errorf("headers: separator %q, html %v (forced %v); want tab and html:true", f.delimiter, f.html, f.forcedHTML)
			}
			// Anki maps columns onto the Basic note type's fields by name;
			// the tags column is not a field.
			if !slices.Equal(f.columns, []string{"Front", "Back", "Tags"}) || f.tagsColumn != 3 {
				t.Errorf("columns %q, tags column %d; want Front, Back, Tags and 3", f.columns, f.tagsColumn)
			}
			var defined, undefined []*Term
			for _, tm := range c.g.Terms {
				if tm.Definition.Origin == Missing {
					undefined = append(undefined, tm)
				} else {
					defined = append(defined, tm)
				}
			}
			// One note per line: the raw lines after the headers must be
			// exactly the notes Anki reads, so no note hides in a comment
			// or spans lines through quoting.
			if !strings.HasSuffix(string(data), "\n") {
				t.Error("the last note has no line end")
			}
			lines := strings.SplitAfter(string(data), "\n")
			lines = lines[min(f.headerLines, len(lines)):]
			if len(lines) > 0 && lines[len(lines)-1] == "" {
				lines = lines[:len(lines)-1]
			}
			if f.headerLines != 4 {
				t.Errorf("%d header lines, want 4", f.headerLines)
			}
			if len(lines) != len(defined) {
				t.Fatalf("%d defined terms, %d note lines", len(defined), len(lines))
			}
			// Anki skips a line starting with "#" as a comment, silently.
			var kept []int
			for i, line := range lines {
				if strings.HasPrefix(line, "#") {
					t.Errorf("%q: its note line starts with \"#\", which Anki reads as a comment, so the term is lost on import: %q",
						defined[i].Name, strings.TrimSuffix(line, "\n"))
					continue
				}
				kept = append(kept, i)
			}
			if len(f.notes) != len(kept) {
				t.Fatalf("Anki reads %d notes from %d note lines", len(f.notes), len(kept))
			}
			for k, i := range kept {
				tm := defined[i]
				line, n := strings.TrimSuffix(lines[i], "\n"), f.notes[k]
				raw := strings.Split(line, "\t")
				if strings.ContainsAny(line, "\r") || len(raw) != 3 || !slices.Equal(raw, n.fields) {
					t.Errorf("note %d is not three plain tab-separated fields as Anki reads them: %q → %q", i+1, line, n.fields)
					continue
				}
				front, ftags := htmlText(t, n.fields[0])
				if oneLine(front) != oneLine(tm.Name) || len(ftags) != 0 {
					t.Errorf("front %q reads %q (elements %q), want the term %q", n.fields[0], front, ftags, tm.Name)
				}
				back, btags := htmlText(t, n.fields[1])
				want := oneLine(tm.Definition.Text.Plain())
				if oneLine(back) != want {
					t.Errorf("%s: back reads %q, want %q", tm.Name, oneLine(back), want)
				}
				for _, el := range btags {
					if !slices.Contains([]string{"b", "i", "code", "a", "br"}, el) {
						t.Errorf("%s: back uses <%s>, which the definition does not call for", tm.Name, el)
					}
				}
				if !slices.Equal(n.tags, tm.Slugs) || len(n.tags) != len(tm.Topics) || len(n.tags) == 0 {
					t.Errorf("%s: tags %q, want one per topic %q", tm.Name, n.tags, tm.Slugs)
				}
			}
			if len(undefined) > 0 {
				if len(warns) != 1 {
					t.Fatalf("warnings %q; want one naming the %d terms left out", warns, len(undefined))
				}
				for _, tm := range undefined {
					if !strings.Contains(warns[0], tm.Name) {
						t.Errorf("warning %q does not name %q", warns[0], tm.Name)
					}
				}
			}
		})
	}
}

// xmlElement is a generic element tree, so our Moodle XML and Moodle's
// own export can be compared shape for shape.
type xmlElement struct {
	name     string
	text     string
	children []*xmlElement
}

func parseXMLTree(t *testing.T, name string, data []byte) *xmlElement {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	var stack []*xmlElement
	var root *xmlElement
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: not well-formed XML: %v", name, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			el := &xmlElement{name: tok.Name.Local}
			if len(stack) > 0 {
				parent := stack[len(stack)-1]
				parent.children = append(parent.children, el)
			} else if root != nil {
				t.Fatalf("%s: more than one root element", name)
			} else {
				root = el
			}
			stack = append(stack, el)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(tok)
			}
		}
	}
	if root == nil {
		t.Fatalf("%s: no root element", name)
	}
	return root
}

// moodleModel is, for each element path, the child elements in the order
// Moodle writes them, and which elements hold text only.
type moodleModel struct {
	order map[string][]string
	leaf  map[string]bool
}

func learnModel(el *xmlElement, path string, m *moodleModel) {
	if len(el.children) == 0 {
		m.leaf[path] = true
		return
	}
	for _, c := range el.children {
		if !slices.Contains(m.order[path], c.name) {
			m.order[path] = append(m.order[path], c.name)
		}
		learnModel(c, path+"/"+c.name, m)
	}
}

// moodleRequired are the children mod/glossary/import.php reads without
// checking they exist: a file without them fails or imports empty.
var moodleRequired = map[string][]string{
	"GLOSSARY":                    {"INFO"},
	"GLOSSARY/INFO":               {"NAME", "INTRO", "SHOWSPECIAL", "SHOWALPHABET", "SHOWALL", "GLOBALGLOSSARY", "ENTRIES"},
	"GLOSSARY/INFO/ENTRIES/ENTRY": {"CONCEPT", "DEFINITION", "FORMAT"},
	"GLOSSARY/INFO/ENTRIES/ENTRY/ALIASES/ALIAS":       {"NAME"},
	"GLOSSARY/INFO/ENTRIES/ENTRY/CATEGORIES/CATEGORY": {"NAME", "USEDYNALINK"},
}

// moodleOptional are the fixture's elements an export may leave out:
// STUDENTCANPOST is a setting of old Moodle versions that the current
// exporter no longer writes nor the importer reads; ALIASES is skipped
// by the importer when missing (an entry without aliases).
var moodleOptional = map[string]bool{
	"GLOSSARY/INFO/STUDENTCANPOST":              true,
	"GLOSSARY/INFO/ENTRIES/ENTRY/ALIASES":       true,
	"GLOSSARY/INFO/ENTRIES/ENTRY/ALIASES/ALIAS": true,
}

// moodleNewer are elements the current Moodle writes that the (older)
// fixture lacks, with the element they follow: glossary_generate_export_file
// writes INTROFORMAT right after INTRO, and import.php reads it.
var moodleNewer = map[string]string{"GLOSSARY/INFO/INTROFORMAT": "INTRO"}

func readMoodleFixture(t *testing.T) (*xmlElement, moodleModel) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "moodle", "texfilter_glossary_en.xml"))
	if err != nil {
		t.Fatal(err)
	}
	fixture := parseXMLTree(t, "fixture", data)
	m := moodleModel{order: map[string][]string{}, leaf: map[string]bool{}}
	learnModel(fixture, fixture.name, &m)
	for path, after := range moodleNewer {
		parent, name := filepath.Dir(path), filepath.Base(path)
		i := slices.Index(m.order[parent], after)
		m.order[parent] = slices.Insert(m.order[parent], i+1, name)
		m.leaf[path] = true
	}
	return fixture, m
}

// conform checks el (at path) against Moodle's model: known elements
// only, in Moodle's order, leaves without children and containers
// without text, and every child the fixture or the importer needs (save
// those the optional set allows to be missing).
func conform(t *testing.T, el *xmlElement, path string, m moodleModel, optional map[string]bool) {
	t.Helper()
	if m.leaf[path] {
		if len(el.children) > 0 {
			t.Errorf("%s holds elements; Moodle writes text only", path)
		}
		return
	}
	order, ok := m.order[path]
	if !ok {
		t.Errorf("%s: Moodle's export has no such element", path)
		return
	}
	if strings.TrimSpace(el.text) != "" {
		t.Errorf("%s holds text %q; Moodle writes elements only", path, strings.TrimSpace(el.text))
	}
	last := -1
	present := map[string]bool{}
	for _, c := range el.children {
		i := slices.Index(order, c.name)
		switch {
		case i < 0:
			t.Errorf("%s/%s: Moodle's export has no such element", path, c.name)
			continue
		case i < last:
			t.Errorf("%s/%s comes after %s; Moodle writes it before", path, c.name, order[last])
		case i == last && !slices.Contains([]string{"ENTRY", "ALIAS", "CATEGORY"}, c.name):
			t.Errorf("%s/%s appears twice", path, c.name)
		}
		last = max(last, i)
		present[c.name] = true
		conform(t, c, path+"/"+c.name, m, optional)
	}
	for _, name := range order {
		if !present[name] && !optional[path+"/"+name] {
			t.Errorf("%s lacks %s, which Moodle's export has", path, name)
		}
	}
	for _, name := range moodleRequired[path] {
		if !present[name] {
			t.Errorf("%s lacks %s, which mod/glossary/import.php needs", path, name)
		}
	}
}

// TestInteropMoodleFixture checks the checker: Moodle's own export must
// conform to the model learnt from it and to the importer's needs.
func TestInteropMoodleFixture(t *testing.T) {
	fixture, m := readMoodleFixture(t)
	if fixture.name != "GLOSSARY" {
		t.Fatalf("fixture root %s", fixture.name)
	}
	// The fixture predates INTROFORMAT, which the current exporter writes.
	optional := maps.Clone(moodleOptional)
	for path := range moodleNewer {
		optional[path] = true
	}
	conform(t, fixture, "GLOSSARY", m, optional)
	want := []string{"NAME", "INTRO", "INTROFORMAT", "STUDENTCANPOST", "ALLOWDUPLICATEDENTRIES", "DISPLAYFORMAT", "SHOWSPECIAL",
		"SHOWALPHABET", "SHOWALL", "ALLOWCOMMENTS", "USEDYNALINK", "DEFAULTAPPROVAL", "GLOBALGLOSSARY", "ENTBYPAGE", "ENTRIES"}
	if got := m.order["GLOSSARY/INFO"]; !slices.Equal(got, want) {
		t.Errorf("INFO model %q, want %q", got, want)
	}
	wantEntry := []string{"CONCEPT", "DEFINITION", "FORMAT", "USEDYNALINK", "CASESENSITIVE", "FULLMATCH", "TEACHERENTRY", "ALIASES", "CATEGORIES"}
	if got := m.order["GLOSSARY/INFO/ENTRIES/ENTRY"]; !slices.Equal(got, wantEntry) {
		t.Errorf("ENTRY model %q, want %q", got, wantEntry)
	}
}

// moodleFlags are the settings Moodle stores as 0 or 1.
var moodleFlags = []string{"ALLOWDUPLICATEDENTRIES", "SHOWSPECIAL", "SHOWALPHABET", "SHOWALL", "ALLOWCOMMENTS", "USEDYNALINK",
	"DEFAULTAPPROVAL", "GLOBALGLOSSARY", "CASESENSITIVE", "FULLMATCH", "TEACHERENTRY"}

// TestInteropMoodle checks every Moodle export against the structure of
// Moodle's own export fixture (testdata/moodle) and the rules of its
// importer, and that each defined term arrives as one entry.
func TestInteropMoodle(t *testing.T) {
	_, m := readMoodleFixture(t)
	for _, c := range interopCases(t) {
		t.Run(c.name, func(t *testing.T) {
			data, _ := write(t, c.g, Moodle)
			if !bytes.HasPrefix(data, []byte("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")) {
				t.Errorf("no UTF-8 XML declaration: %.60q", data)
			}
			root := parseXMLTree(t, c.name, data)
			if root.name != "GLOSSARY" {
				t.Fatalf("root %s, want GLOSSARY", root.name)
			}
			conform(t, root, "GLOSSARY", m, moodleOptional)

			info := root.children[0]
			values := map[string]string{}
			for _, el := range info.children {
				values[el.name] = el.text
			}
			if strings.TrimSpace(values["NAME"]) == "" {
				t.Error("empty NAME: import.php refuses to create the glossary")
			}
			if n, err := strconv.Atoi(values["ENTBYPAGE"]); err != nil || n < 1 {
				t.Errorf("ENTBYPAGE %q", values["ENTBYPAGE"])
			}
			// Moodle's display formats are the plugins in mod/glossary/formats.
			if !slices.Contains([]string{"continuous", "dictionary", "encyclopedia", "entrylist", "faq", "fullwithauthor", "fullwithoutauthor"}, values["DISPLAYFORMAT"]) {
				t.Errorf("DISPLAYFORMAT %q is no Moodle display format", values["DISPLAYFORMAT"])
			}
			var walk func(el *xmlElement)
			walk = func(el *xmlElement) {
				if slices.Contains(moodleFlags, el.name) && el.text != "0" && el.text != "1" {
					t.Errorf("%s is %q, want 0 or 1", el.name, el.text)
				}
				// FORMAT_MOODLE 0, FORMAT_HTML 1, FORMAT_PLAIN 2, FORMAT_MARKDOWN 4.
				if (el.name == "FORMAT" || el.name == "INTROFORMAT") && !slices.Contains([]string{"0", "1", "2", "4"}, el.text) {
					t.Errorf("%s is %q, want a Moodle text format", el.name, el.text)
				}
				for _, c := range el.children {
					walk(c)
				}
			}
			walk(root)

			var entries []*xmlElement
			for _, el := range info.children {
				if el.name == "ENTRIES" {
					entries = el.children
				}
			}
			var defined []*Term
			for _, tm := range c.g.Terms {
				if tm.Definition.Origin != Missing {
					defined = append(defined, tm)
				}
			}
			if len(entries) != len(defined) {
				t.Fatalf("%d entries for %d defined terms", len(entries), len(defined))
			}
			// ALLOWDUPLICATEDENTRIES is 0, so import.php rejects a concept
			// equal to an earlier one when lower-cased: every concept must
			// differ that way, or a term would be lost on import.
			seen := map[string]bool{}
			for i, en := range entries {
				fields := map[string]*xmlElement{}
				for _, ch := range en.children {
					fields[ch.name] = ch
				}
				tm := defined[i]
				concept := strings.TrimSpace(fields["CONCEPT"].text)
				if concept != cleanXML(tm.Name) {
					t.Errorf("entry %d: CONCEPT %q, want %q", i+1, concept, tm.Name)
				}
				if seen[strings.ToLower(concept)] {
					t.Errorf("CONCEPT %q twice: Moodle would reject the second", concept)
				}
				seen[strings.ToLower(concept)] = true
				def, _ := htmlText(t, fields["DEFINITION"].text)
				if strings.TrimSpace(def) == "" || oneLine(def) != oneLine(cleanXML(tm.Definition.Text.Plain())) {
					t.Errorf("%s: DEFINITION reads %q, want %q", tm.Name, oneLine(def), tm.Definition.Text.Plain())
				}
				var cats []string
				if cs := fields["CATEGORIES"]; cs != nil {
					for _, cat := range cs.children {
						for _, ch := range cat.children {
							if ch.name == "NAME" {
								cats = append(cats, ch.text)
							}
						}
					}
				}
				if !slices.Equal(cats, tm.Topics) {
					t.Errorf("%s: categories %q, want its topics %q", tm.Name, cats, tm.Topics)
				}
			}
		})
	}
}
