package topic

import (
	"fmt"
	"unicode"
)

// Pos is a position in a source file. Line and Col count from 1; zero means
// unknown. Col counts characters (runes), not bytes.
type Pos struct {
	Line int
	Col  int
}

// IsValid reports whether the position is known.
func (p Pos) IsValid() bool { return p.Line > 0 }

// Severity tells whether a Problem makes an entry unusable.
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

// Problem is one thing wrong with an entry, located in its file.
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

// Error is returned by the readers for an entry that cannot be loaded.
// Its message is the Problem's one line, with file and position.
type Error struct {
	Problem
}

func (e *Error) Error() string { return e.Problem.String() }

// errorf builds an *Error at a position.
func errorf(file string, pos Pos, format string, args ...any) *Error {
	return &Error{Problem{File: file, Pos: pos, Severity: SeverityError, Message: fmt.Sprintf(format, args...)}}
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
