package diag

import (
	"cmp"
	"slices"
	"strings"
)

// List is the problems found in one or more inputs. As an error it reads
// one problem per line.
type List []Problem

// Add appends a problem in file at pos.
func (l *List) Add(file string, pos Pos, sev Severity, msg string) {
	*l = append(*l, Problem{File: file, Pos: pos, Severity: sev, Message: msg})
}

// Sort orders the problems by file, line and column, keeping the order of
// problems at the same place, so a report reads top to bottom.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Problem) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
}

// HasErrors reports whether a problem in the list is an error, not only a
// warning.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(p Problem) bool { return p.Severity == SeverityError })
}

// Err returns the list as an error when it holds an error, else nil:
// warnings alone do not stop an input from being used.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return l
}

func (l List) Error() string {
	lines := make([]string, len(l))
	for i, p := range l {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}
