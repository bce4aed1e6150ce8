package topic

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/scholargate/topicdeck/diag"
)

// Validate checks a loaded entry for what the readers accept but a
// teacher would want to fix before exporting: empty sections, concepts
// without definitions, questions without answers, duplicates. These are
// warnings. Errors are reported only for what a reader would have refused
// (no title, a bad slug or date), so an entry built in code is checked by
// the same rules. Problems come in source order where positions are known.
func Validate(e *Entry) []diag.Problem {
	v := &validator{file: e.problemFile()}
	if strings.TrimSpace(e.Title) == "" {
		v.add(diag.SeverityError, Pos{}, "missing title")
	}
	if e.Slug != "" {
		if msg := slugProblem(e.Slug); msg != "" {
			v.add(diag.SeverityError, Pos{}, "%s", msg)
		}
	}
	if e.Updated != "" {
		if msg := dateProblem(e.Updated); msg != "" {
			v.add(diag.SeverityError, Pos{}, "%s", msg)
		}
	}
	if e.Lang != "" {
		if _, err := language.Parse(e.Lang); err != nil {
			v.add(diag.SeverityWarning, Pos{}, "lang %q is not a language tag such as \"en\" or \"sv\"; labels will be in English", e.Lang)
		}
	}
	v.sections(e)
	v.content(e)
	v.problems = append(v.problems, UnsafeLinks(e)...)
	v.problems = append(v.problems, FigureProblems(e)...)
	diag.List(v.problems).Sort() // one file: by line and column
	return v.problems
}

// problemFile is the file an entry's problems name: its source, or
// "<input>" for an entry built in code.
func (e *Entry) problemFile() string {
	if e.Source == "" {
		return "<input>"
	}
	return e.Source
}

type validator struct {
	file     string
	problems []diag.Problem
}

func (v *validator) add(sev diag.Severity, pos Pos, format string, args ...any) {
	v.problems = append(v.problems, diag.Problem{File: v.file, Pos: pos, Severity: sev, Message: fmt.Sprintf(format, args...)})
}

// heading is how a section is named in messages: as the author wrote it,
// else by its field name.
func heading(r SectionRef) string {
	if r.Heading != "" {
		return r.Heading
	}
	if h := DefaultHeading(r.Field, "en"); h != "" {
		return h
	}
	return string(r.Field)
}

// sections warns about empty and repeated sections, in source order.
func (v *validator) sections(e *Entry) {
	seen := map[string]Pos{}
	for _, r := range e.Order {
		key := string(r.Field)
		if r.Field == FieldSection {
			key = "section:" + strings.ToLower(strings.TrimSpace(r.Heading))
		}
		if first, dup := seen[key]; dup {
			v.add(diag.SeverityWarning, r.Pos, "section %q appears twice%s; merge the two", heading(r), atLine(first))
		} else {
			seen[key] = r.Pos
		}
		if e.Empty(r) {
			v.add(diag.SeverityWarning, r.Pos, "section %q is empty; add content or remove it", heading(r))
		}
		if r.Field == FieldSection {
			if f, ok := LookupHeading(r.Heading); ok && f != FieldSection {
				v.add(diag.SeverityWarning, r.Pos, "section %q is a known section; give it as %q so layouts treat it as one", r.Heading, f)
			}
		}
	}
}

func atLine(p Pos) string {
	if p.Line > 0 {
		return fmt.Sprintf(" (first at line %d)", p.Line)
	}
	return ""
}

// content warns about incomplete items inside sections.
func (v *validator) content(e *Entry) {
	for _, q := range e.CoreQuestions {
		if s := strings.TrimSpace(q.Text.Plain()); s != "" && !strings.HasSuffix(s, "?") {
			v.add(diag.SeverityWarning, q.Pos, "core question %q does not end with \"?\"", short(s))
		}
	}
	terms := map[string]Pos{}
	for _, c := range e.KeyConcepts {
		term := strings.TrimSpace(c.Term.Plain())
		key := strings.ToLower(term)
		if first, dup := terms[key]; dup {
			v.add(diag.SeverityWarning, c.Pos, "key concept %q is listed twice%s", short(term), atLine(first))
		} else {
			terms[key] = c.Pos
		}
		if term == "" {
			v.add(diag.SeverityWarning, c.Pos, "key concept has no term")
			continue
		}
		if len(c.Definition) == 0 {
			v.add(diag.SeverityWarning, c.Pos, "key concept %q has no definition; the glossary will look for one in the text and mark it for review", short(term))
		}
	}
	for _, t := range e.KeyTheories {
		if len(t.Name) == 0 {
			v.add(diag.SeverityWarning, t.Pos, "key theory has no name")
		} else if len(t.Description) == 0 {
			v.add(diag.SeverityWarning, t.Pos, "key theory %q has no description", short(t.Name.Plain()))
		}
	}
	for _, q := range e.Debates {
		if len(q.Question) == 0 {
			v.add(diag.SeverityWarning, q.Pos, "debate has no question")
		} else if len(q.Answer) == 0 {
			v.add(diag.SeverityWarning, q.Pos, "debate %q has no answer", short(q.Question.Plain()))
		}
	}
	for _, q := range e.FAQ {
		if len(q.Question) == 0 {
			v.add(diag.SeverityWarning, q.Pos, "FAQ item has no question")
		} else if len(q.Answer) == 0 {
			v.add(diag.SeverityWarning, q.Pos, "FAQ item %q has no answer", short(q.Question.Plain()))
		}
	}
}

// short keeps quoted text in messages to one readable line.
func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "..."
	}
	return s
}
