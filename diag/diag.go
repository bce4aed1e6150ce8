// Package diag describes what is wrong with an input file, in the manner
// of go/token and go/scanner: a position, a problem at a position, and a
// list of problems. Entries, course files, layout files and bibliographies
// all report through it, so every message reads "file:line:col: severity:
// message" and editors can jump to it.
package diag

import "fmt"

// Pos is a position in a source file. Line and Col count from 1; zero means
// unknown. Col counts characters (runes), not bytes. The file is not part
// of Pos: an entry's many positions share its one file, which the Problem
// names.
type Pos struct {
	Line int
	Col  int
}

// IsValid reports whether the position is known.
func (p Pos) IsValid() bool { return p.Line > 0 }

// Severity tells whether a Problem makes its input unusable.
type Severity uint8

// Severities of problems.
const (
	SeverityError Severity = iota
	SeverityWarning
)

func (s Severity) String() string {
	if s == SeverityWarning {
		return "warning"
	}
	return "error"
}

// Problem is one thing wrong with an input, located in its file.
type Problem struct {
	File     string
	Pos      Pos
	Severity Severity
	Message  string
}

// String formats the problem the way compilers do, so editors can jump to
// it: "file:line:col: error: message" (line and column where known).
func (p Problem) String() string {
	loc := p.File
	if loc == "" {
		loc = "<input>"
	}
	if p.Pos.Line > 0 {
		loc += fmt.Sprintf(":%d", p.Pos.Line)
		if p.Pos.Col > 0 {
			loc += fmt.Sprintf(":%d", p.Pos.Col)
		}
	}
	return fmt.Sprintf("%s: %s: %s", loc, p.Severity, p.Message)
}

// Error is one problem that stops an input from being used. Its message
// is the Problem's one line, with file and position.
type Error struct {
	Problem
}

func (e *Error) Error() string { return e.Problem.String() }

// Errorf builds an *Error in file at pos.
func Errorf(file string, pos Pos, format string, args ...any) *Error {
	return &Error{Problem{File: file, Pos: pos, Severity: SeverityError, Message: fmt.Sprintf(format, args...)}}
}
