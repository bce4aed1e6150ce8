package exporter

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/scholargate/topicdeck/diag"
	"github.com/scholargate/topicdeck/internal/regularfile"
	"github.com/scholargate/topicdeck/layouts"
	"github.com/scholargate/topicdeck/layouts/layoutfile"
	"github.com/scholargate/topicdeck/topic"
)

// CourseFile is the name of the optional file in an input folder that sets
// course-wide build options.
const CourseFile = "topicdeck.yaml"

// Course holds the options a course file (topicdeck.yaml) sets. Every key
// is optional; command-line flags override what the file says.
//
//	course: Neuroscience of addiction
//	author: Dr. A. Lindqvist
//	date: Autumn term 2026
//	layout: lecture            # slide layout: a name, or a layout file
//	                           # relative to the course file
//	aspect: "16:9"
//	handouts: [slides-3, reader] # or none
//	paper: a4
//	order: horizontal
//	lang: en
//	bibliography: [course.bib] # or one path; relative to the course file
//	font_dir: fonts            # relative to the course file
type Course struct {
	// ArtifactOptions hold course, author, date, aspect, lang, font_dir
	// and bibliography (Bib).
	ArtifactOptions
	Layout   string
	Handouts []string
	Paper    string
	Order    string
	// File is the course file the options came from.
	File string
}

// BuildOptions returns the course's options as a build takes them, with
// the choices in over (the command line's) in place of the file's
// wherever over gives one.
func (c *Course) BuildOptions(over BuildOptions) BuildOptions {
	o := over
	str := func(dst *string, fromFile string) {
		if *dst == "" {
			*dst = fromFile
		}
	}
	str(&o.Layout, c.Layout)
	str(&o.Paper, c.Paper)
	str(&o.Order, c.Order)
	str(&o.Aspect, c.Aspect)
	str(&o.Lang, c.Lang)
	str(&o.Author, c.Author)
	str(&o.Course, c.Course)
	str(&o.Date, c.Date)
	str(&o.FontDir, c.FontDir)
	if len(o.Bib) == 0 {
		o.Bib = c.Bib
	}
	if o.Handouts == nil {
		o.Handouts = c.Handouts // nil: the exporter's default
	}
	return o
}

// courseKeys maps each key of a course file to the field it fills. A
// strict table rather than struct tags, so an unknown or misspelt key is an
// error with its line instead of a silently ignored option.
var courseKeys = map[string]func(c *Course, n *yaml.Node, file string) error{
	"course":       scalarKey(func(c *Course) *string { return &c.Course }),
	"author":       scalarKey(func(c *Course) *string { return &c.Author }),
	"date":         scalarKey(func(c *Course) *string { return &c.Date }),
	"layout":       layoutKey,
	"aspect":       scalarKey(func(c *Course) *string { return &c.Aspect }),
	"paper":        scalarKey(func(c *Course) *string { return &c.Paper }),
	"order":        scalarKey(func(c *Course) *string { return &c.Order }),
	"lang":         scalarKey(func(c *Course) *string { return &c.Lang }),
	"font_dir":     pathKey(func(c *Course) *string { return &c.FontDir }),
	"handouts":     listKey(func(c *Course) *[]string { return &c.Handouts }, false),
	"bibliography": listKey(func(c *Course) *[]string { return &c.Bib }, true),
}

// LoadCourse reads a course file. Errors carry the file, line and column:
// YAML syntax, an unknown key, a value of the wrong type.
func LoadCourse(path string) (*Course, error) {
	// Found in the entries' folder, it is read as they are: a regular
	// file of bounded size, opened without blocking.
	data, _, err := regularfile.Read(path, topic.DefaultMaxSize)
	if err != nil {
		return nil, courseError(path, diag.Pos{}, "cannot read course file: %v", err)
	}
	return ParseCourse(path, data)
}

// ParseCourse reads a course file's content; path names it in messages and
// anchors its relative paths.
func ParseCourse(path string, data []byte) (*Course, error) {
	c := &Course{File: path}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return c, nil // an empty file sets nothing
		}
		return nil, yamlSyntaxError(path, err)
	}
	if len(doc.Content) == 0 {
		return c, nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return c, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, courseError(path, diag.NodePos(root), "a course file is a mapping of options (course:, handouts:, …), not a %s", diag.YAMLKind(root))
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		set, ok := courseKeys[k.Value]
		if !ok {
			return nil, courseError(path, diag.NodePos(k), "unknown key %q%s", k.Value, diag.DidYouMean(k.Value, knownCourseKeys(), " (known keys: "+strings.Join(knownCourseKeys(), ", ")+")"))
		}
		if seen[k.Value] {
			return nil, courseError(path, diag.NodePos(k), "key %q is given twice", k.Value)
		}
		seen[k.Value] = true
		if err := set(c, v, path); err != nil {
			at := v
			var ne *nodeError
			if errors.As(err, &ne) {
				at = ne.node
			}
			return nil, courseError(path, diag.NodePos(at), "%s: %v", k.Value, err)
		}
	}
	return c, nil
}

func knownCourseKeys() []string {
	var out []string
	for k := range courseKeys {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func courseError(file string, pos diag.Pos, format string, args ...any) *diag.Error {
	return diag.Errorf(file, pos, format, args...)
}

// yamlSyntaxError turns the decoder's "yaml: line N: message" into a
// positioned error.
func yamlSyntaxError(file string, err error) error {
	line, msg := diag.YAMLSyntax(err)
	return courseError(file, diag.Pos{Line: line}, "YAML syntax: %s", msg)
}

// nodeError is a value error at a node inside a key's value (a list item).
type nodeError struct {
	node *yaml.Node
	msg  string
}

func (e *nodeError) Error() string { return e.msg }

// text reads a scalar that is not a nested list or mapping.
func text(n *yaml.Node) (string, error) {
	at := n
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind != yaml.ScalarNode {
		return "", &nodeError{node: at, msg: fmt.Sprintf("want a single value, got a %s", diag.YAMLKind(n))}
	}
	if n.Tag == "!!null" {
		return "", nil
	}
	return strings.TrimSpace(n.Value), nil
}

func scalarKey(field func(c *Course) *string) func(c *Course, n *yaml.Node, file string) error {
	return func(c *Course, n *yaml.Node, file string) error {
		s, err := text(n)
		*field(c) = s
		return err
	}
}

func pathKey(field func(c *Course) *string) func(c *Course, n *yaml.Node, file string) error {
	return func(c *Course, n *yaml.Node, file string) error {
		s, err := text(n)
		if s != "" {
			s = relativeTo(file, s)
		}
		*field(c) = s
		return err
	}
}

// layoutKey reads the slide layout. A path is taken relative to the course
// file, like every path in it; a name that no built-in layout has is looked
// for in the course folder's layouts/ first, so a course that carries its
// own layouts builds the same from any working directory. Other names are
// found as on the command line (./layouts, the user's config folder).
func layoutKey(c *Course, n *yaml.Node, file string) error {
	s, err := text(n)
	switch {
	case s == "":
	case layoutfile.IsPath(s):
		s = relativeTo(file, s)
	default:
		if _, e := layouts.Lookup(s); e != nil {
			for _, ext := range []string{".yaml", ".yml"} {
				p := relativeTo(file, filepath.Join("layouts", s+ext))
				if st, e := os.Stat(p); e == nil && !st.IsDir() {
					s = p
					break
				}
			}
		}
	}
	c.Layout = s
	return err
}

// listKey reads a list of values; a single value stands for a list of one.
// Paths are taken relative to the course file's folder.
func listKey(field func(c *Course) *[]string, paths bool) func(c *Course, n *yaml.Node, file string) error {
	return func(c *Course, n *yaml.Node, file string) error {
		items := []*yaml.Node{n}
		if n.Kind == yaml.SequenceNode {
			items = n.Content
		}
		out := []string{} // given, even if empty: "handouts: []" means none
		for _, it := range items {
			s, err := text(it)
			if err != nil {
				return err
			}
			if s == "" || !paths && s == "none" {
				continue
			}
			if paths {
				s = relativeTo(file, s)
			}
			out = append(out, s)
		}
		*field(c) = out
		return nil
	}
}

func relativeTo(file, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(filepath.Dir(file), p)
}

// FindCourse returns the course file that applies to a build of paths:
// the topicdeck.yaml in a folder given as an argument, or in the folder of
// an entry file given as one. Two different course files are an error,
// since a build has one set of course options. No course file gives nil.
func FindCourse(paths []string) (*Course, error) {
	var found []string
	seen := map[string]bool{}
	for _, p := range paths {
		dir := filepath.Dir(p)
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			dir = p
		}
		f := filepath.Join(dir, CourseFile)
		if seen[f] {
			continue
		}
		seen[f] = true
		if st, err := os.Stat(f); err == nil && !st.IsDir() {
			found = append(found, f)
		}
	}
	switch len(found) {
	case 0:
		return nil, nil
	case 1:
		return LoadCourse(found[0])
	}
	return nil, fmt.Errorf("the inputs have more than one course file (%s); build each course on its own", strings.Join(found, ", "))
}
