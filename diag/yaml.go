package diag

import (
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// yamlLine is the line yaml.v3 puts before its syntax messages
// ("yaml: line 3: mapping values are not allowed in this context").
var yamlLine = regexp.MustCompile(`^line (\d+): `)

// YAMLSyntax splits a yaml.v3 decoding error into the line it names (0
// when it names none) and its message without the "yaml: " and "line N: "
// prefixes, so each reader can place it in its own file and words.
func YAMLSyntax(err error) (line int, msg string) {
	msg = strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		if n, convErr := strconv.Atoi(m[1]); convErr == nil {
			line = n
		}
		msg = msg[len(m[0]):]
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
