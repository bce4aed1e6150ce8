package diag

import (
	"errors"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{File: "e.yaml", Pos: Pos{Line: 3, Col: 5}, Message: "bad"}, "e.yaml:3:5: error: bad"},
		{Problem{File: "e.yaml", Pos: Pos{Line: 3}, Severity: SeverityWarning, Message: "odd"}, "e.yaml:3: warning: odd"},
		{Problem{File: "e.yaml", Message: "gone"}, "e.yaml: error: gone"},
		{Problem{Message: "no name"}, "<input>: error: no name"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%#v: got %q, want %q", tt.p, got, tt.want)
		}
	}
	if got := Errorf("c.yaml", Pos{Line: 2, Col: 1}, "unknown key %q", "x").Error(); got != `c.yaml:2:1: error: unknown key "x"` {
		t.Errorf("Errorf: got %q", got)
	}
}

func TestListSortAndErr(t *testing.T) {
	var l List
	l.Add("b.yaml", Pos{Line: 1}, SeverityWarning, "late file")
	l.Add("a.yaml", Pos{Line: 9, Col: 2}, SeverityWarning, "second")
	l.Add("a.yaml", Pos{Line: 2, Col: 7}, SeverityWarning, "first")
	if err := l.Err(); err != nil {
		t.Fatalf("warnings alone are an error: %v", err)
	}
	l.Sort()
	want := "a.yaml:2:7: warning: first\na.yaml:9:2: warning: second\nb.yaml:1: warning: late file"
	if got := l.Error(); got != want {
		t.Errorf("sorted list reads\n%s\nwant\n%s", got, want)
	}
	l.Add("a.yaml", Pos{Line: 1, Col: 1}, SeverityError, "broken")
	err := l.Err()
	var got List
	if !errors.As(err, &got) || len(got) != 4 {
		t.Fatalf("a list holding an error gives %v, want the list", err)
	}
}

func TestYAMLSyntax(t *testing.T) {
	tests := []struct {
		src, msg string
		line     int
	}{
		{"a: b\nc: [d\n", "did not find expected ',' or ']'", 1}, // where yaml.v3 says the list opened
		{"a: b\n  c: d\n", "mapping values are not allowed in this context", 2},
		{"\t- a\n", "found character that cannot start any token", 0}, // yaml.v3 gives no line
	}
	for _, tt := range tests {
		var n yaml.Node
		err := yaml.Unmarshal([]byte(tt.src), &n)
		if err == nil {
			t.Fatalf("%q parsed", tt.src)
		}
		line, msg := YAMLSyntax(err)
		if line != tt.line || msg != tt.msg {
			t.Errorf("%q: got line %d %q, want line %d %q (from %q)", tt.src, line, msg, tt.line, tt.msg, err)
		}
	}
	if line, msg := YAMLSyntax(errors.New("yaml: control characters are not allowed")); line != 0 || msg != "control characters are not allowed" {
		t.Errorf("no line: got %d %q", line, msg)
	}
	// Only "line N: " is a line: the message keeps anything else.
	for _, m := range []string{"line : x", "line 3 x", "line x: y", "line 3:x", "lines 3: x"} {
		if line, msg := YAMLSyntax(errors.New("yaml: " + m)); line != 0 || msg != m {
			t.Errorf("%q: got line %d %q, want no line and the message as it is", m, line, msg)
		}
	}
	if line, msg := YAMLSyntax(errors.New("yaml: line 1234: x: y")); line != 1234 || msg != "x: y" {
		t.Errorf("four digits: got %d %q", line, msg)
	}
}

func TestClosest(t *testing.T) {
	known := []string{"title", "key_concepts", "definition", "answer", "background", "title-background"}
	tests := []struct{ name, want string }{
		{"Title", "title"},               // case
		{"key-concepts", "key_concepts"}, // separator
		{"keyconcepts", "key_concepts"},  // no separator
		{"defn", "definition"},           // abbreviation
		{"anwser", "answer"},             // transposed letters
		{"backgrund", "background"},      // a letter missing
		{"title_background", "title-background"},
		{"colour", ""}, // nothing close: no guess
		{"", ""},
	}
	for _, tt := range tests {
		if got := Closest(tt.name, known); got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
	if got := DidYouMean("titel", known, " (known: …)"); got != ` (did you mean "title"?)` {
		t.Errorf("DidYouMean with a close name: %q", got)
	}
	if got := DidYouMean("zzzzzz", known, " (known: …)"); got != " (known: …)" {
		t.Errorf("DidYouMean with nothing close: %q", got)
	}
}

func TestNotText(t *testing.T) {
	tests := []struct {
		data  string
		pos   Pos
		what  string
		found bool
	}{
		{"plain\ntext\n", Pos{}, "", false},
		{"", Pos{}, "", false},
		{"ab\x00", Pos{Line: 1, Col: 3}, "NUL byte", true},
		{"å\nxé\xff", Pos{Line: 2, Col: 3}, "invalid UTF-8", true},
		{"\xff\x00", Pos{Line: 1, Col: 1}, "invalid UTF-8", true},
	}
	for _, tt := range tests {
		pos, what, found := NotText([]byte(tt.data))
		if pos != tt.pos || what != tt.what || found != tt.found {
			t.Errorf("NotText(%q) = %v, %q, %v; want %v, %q, %v", tt.data, pos, what, found, tt.pos, tt.what, tt.found)
		}
	}
}
