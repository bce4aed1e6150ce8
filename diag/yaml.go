package diag

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// YAMLSyntax splits a yaml.v3 decoding error into the line it names (0
// when it names none) and its message without the "yaml: " and "line N: "
// prefixes, so each reader can place it in its own file and words.
func YAMLSyntax(err error) (line int, msg string) {
	msg = strings.TrimPrefix(err.Error(), "yaml: ")
	// yaml.v3 puts the line before its syntax messages ("yaml: line 3:
	// mapping values are not allowed in this context"). Read by hand, not
	// with a regular expression compiled at start-up by every command.
	rest, ok := strings.CutPrefix(msg, "line ")
	digits := len(rest) - len(strings.TrimLeft(rest, "0123456789"))
	if ok && digits > 0 && strings.HasPrefix(rest[digits:], ": ") {
		if n, convErr := strconv.Atoi(rest[:digits]); convErr == nil {
			line = n
		}
		msg = rest[digits+2:]
	}
	return line, msg
}

// NodePos is where a YAML node starts.
func NodePos(n *yaml.Node) Pos { return Pos{Line: n.Line, Col: n.Column} }

// YAMLKind names a node's shape in messages: "list", "mapping" or
// "single value".
func YAMLKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.MappingNode:
		return "mapping"
	}
	return "single value"
}
