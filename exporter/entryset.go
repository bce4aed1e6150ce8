package exporter

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/scholargate/topicdeck/bib"
	"github.com/scholargate/topicdeck/diag"
	"github.com/scholargate/topicdeck/internal/regularfile"
	"github.com/scholargate/topicdeck/topic"
)

// EntryExts are the file name extensions of entry files, as a directory
// argument is searched for them.
var EntryExts = []string{".md", ".markdown", ".json", ".yaml", ".yml", ".txt"}

// EntryLoader holds the one set of rules by which a set of entries is
// read: which files of a folder are entries, how a file is read, and which
// files are passed over or fail (another entry's bibliography, a title
// that gives no slug, a slug used twice). LoadEntries, Build and the
// server's folder all go through it; what differs between them is an
// option here.
type EntryLoader struct {
	// Read tunes reading the entries (the size limit).
	Read topic.Options
	// Out is a build's output folder: the manifests in it are not entries
	// when it is an input folder too.
	Out string
	// Root, when set, is the folder every file is read through: a name or
	// a symbolic link leading out of it is not followed (the server).
	Root *os.Root
	// Slugs makes every entry need a slug of its own, as when the slug
	// names its output folder or its URL: an entry whose title gives no
	// slug fails, and so does the later of two entries with one slug.
	Slugs bool
}

// IsEntryName reports whether a file of this name in an entry folder is
// an entry file: not hidden (editor back-ups, .DS_Store), not the course
// file, and with an entry file's extension.
func IsEntryName(name string) bool {
	if strings.HasPrefix(name, ".") || name == CourseFile {
		return false
	}
	return slices.Contains(EntryExts, strings.ToLower(filepath.Ext(name)))
}

// Files lists the entry files args name: a file is itself ("-" is
// standard input), a folder stands for the entry files directly in it,
// sorted by name. Repeats are left out. The warnings are for files with an
// entry's name that are not regular files, which are skipped.
func (l EntryLoader) Files(args []string) (files, warnings []string, err error) {
	seen := map[string]bool{}
	add := func(p string) {
		if c := filepath.Clean(p); !seen[c] {
			seen[c] = true
			files = append(files, p)
		}
	}
	for _, a := range args {
		st, err := os.Stat(a)
		if a == "-" || err != nil || !st.IsDir() {
			add(a) // reading it reports what is wrong
			continue
		}
		names, skipped, err := l.folderFiles(a)
		if err != nil {
			return nil, nil, err
		}
		warnings = append(warnings, skipped...)
		if len(names) == 0 {
			return nil, nil, &diag.Error{Problem: diag.Problem{File: a, Message: "folder holds no entry files (" + strings.Join(EntryExts, " ") + ")"}}
		}
		for _, n := range names {
			add(n)
		}
	}
	return files, warnings, nil
}

// folderFiles lists the entry files directly in dir, sorted, leaving out,
// with one warning each, files with an entry's name that are not regular
// files: a named pipe would block the reader, a link to /dev/zero would
// fill the memory.
func (l EntryLoader) folderFiles(dir string) ([]string, []string, error) {
	des, err := os.ReadDir(dir)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the message starts with the directory already
		}
		return nil, nil, &diag.Error{Problem: diag.Problem{File: dir, Message: "cannot read directory: " + err.Error()}}
	}
	var out, skipped []string
	for _, de := range des {
		name := de.Name()
		if de.IsDir() || !IsEntryName(name) {
			continue
		}
		path := filepath.Join(dir, name)
		if l.isManifest(path) {
			continue
		}
		// Stat follows a link and does not open the file, so it
		// cannot block.
		if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
			skipped = append(skipped, fmt.Sprintf("%s: not a regular file (%s); skipped", path, st.Mode().Type()))
			continue
		}
		out = append(out, path)
	}
	sort.Strings(out)
	return out, skipped, nil
}

// isManifest tells a build's own manifests in its output folder.
func (l EntryLoader) isManifest(path string) bool {
	if l.Out == "" {
		return false
	}
	base := filepath.Base(path)
	manifest := base == "manifest.json" || strings.HasPrefix(base, "manifest.shard-") && strings.HasSuffix(base, ".json")
	return manifest && filepath.Clean(filepath.Dir(path)) == filepath.Clean(l.Out)
}

// ReadBytes reads an entry file's bytes: only a regular file, opened
// without blocking and read no further than the size limit, since a
// folder can hold a named pipe or a link to a device under an entry's
// name. With Root, name is read through it.
func (l EntryLoader) ReadBytes(path string) ([]byte, error) {
	limit := l.Read.MaxSize
	if limit <= 0 {
		limit = topic.DefaultMaxSize
	}
	var data []byte
	var err error
	if l.Root != nil {
		data, _, err = regularfile.ReadIn(l.Root, filepath.Base(path), limit)
	} else {
		data, _, err = regularfile.Read(path, limit)
		if errors.Is(err, regularfile.ErrTooLarge) {
			// The reader words this one, naming the limit and the flag.
			_, err = topic.ReadFile(path, l.Read)
			return nil, err
		}
	}
	if err != nil {
		return nil, &diag.Error{Problem: diag.Problem{File: path, Message: "cannot read file: " + err.Error()}}
	}
	return data, nil
}

// ReadEntry reads one listed entry file with ReadBytes.
func (l EntryLoader) ReadEntry(path string) (*topic.Entry, error) {
	data, err := l.ReadBytes(path)
	if err != nil {
		return nil, err
	}
	return topic.Read(path, data, l.Read)
}

// Member is one file of a set of entries as Settle weighs it.
type Member struct {
	Path string
	// Slug is the entry's slug; Origin, asked only for an error, is where
	// the source gave it (topic.Entry.SlugOrigin).
	Slug   string
	Origin func() diag.Pos
	// Bibliography is the file the entry names as its bibliography.
	Bibliography string
	// Err is why the file is no entry: it could not be read, or Settle
	// found its slug missing or taken.
	Err error
	// Ignored is set by Settle for a file that failed to read as an entry
	// and is another entry's bibliography (a CSL-JSON .json): not an
	// entry, and not an error.
	Ignored bool
}

// MemberOf describes an entry read from path, or the error reading it.
func MemberOf(path string, e *topic.Entry, err error) *Member {
	m := &Member{Path: path, Err: err}
	if err == nil {
		m.Slug = e.SlugOrDefault()
		pos := e.SlugOrigin()
		m.Origin = func() diag.Pos { return pos }
		if e.Bibliography != "" {
			m.Bibliography = bib.EntryBibliographyPath(e)
		}
	}
	return m
}

// Settle decides which members are entries, in their order: a failed
// member that is another's bibliography is Ignored; with Slugs, a member
// whose title gives no slug, or whose slug an earlier member has, gets
// its error.
func (l EntryLoader) Settle(ms []*Member) {
	bibs := map[string]bool{}
	for _, m := range ms {
		if m.Bibliography != "" {
			bibs[filepath.ToSlash(filepath.Clean(m.Bibliography))] = true
		}
	}
	owner := map[string]*Member{}
	for _, m := range ms {
		if m.Err != nil {
			m.Ignored = bibs[filepath.ToSlash(filepath.Clean(m.Path))]
			continue
		}
		if !l.Slugs {
			continue
		}
		pos := func() diag.Pos {
			if m.Origin == nil {
				return diag.Pos{}
			}
			return m.Origin()
		}
		if m.Slug == "" {
			m.Err = &diag.Error{Problem: diag.Problem{File: m.Path, Pos: pos(), Message: "the title gives no slug (no letters or digits); set slug:"}}
			continue
		}
		if first, dup := owner[m.Slug]; dup {
			m.Err = &diag.Error{Problem: diag.Problem{File: m.Path, Pos: pos(),
				Message: fmt.Sprintf("slug %q is already the slug of %s; give one of them another slug", m.Slug, first.Path)}}
			continue
		}
		owner[m.Slug] = m
	}
}

// LoadEntries reads the entries that args name: a file is one entry ("-"
// is standard input); a directory stands for every entry file directly in
// it, sorted by name. Sub-directories are not searched, so a course folder
// can keep drafts, assets or archived versions in folders of their own.
// A file that an entry names as its bibliography (a CSL-JSON .json) is
// not an entry and is passed over, and so is anything in a directory but
// a regular file (a named pipe, a device), with one warning each. The
// first entry that cannot be read is the error, with its file, line and
// column.
func LoadEntries(args []string, opt topic.Options) ([]*topic.Entry, []string, error) {
	l := EntryLoader{Read: opt}
	files, warnings, err := l.Files(args)
	if err != nil {
		return nil, nil, err
	}
	named := map[string]bool{}
	for _, a := range args {
		named[a] = true
	}
	entries := make([]*topic.Entry, len(files))
	ms := make([]*Member, len(files))
	for i, f := range files {
		var err error
		if named[f] {
			// Named itself: read as given, so "-" and a pipe the
			// shell made (<(...)) work.
			entries[i], err = topic.ReadFile(f, opt)
		} else {
			entries[i], err = l.ReadEntry(f)
		}
		ms[i] = MemberOf(f, entries[i], err)
	}
	l.Settle(ms)
	var out []*topic.Entry
	for i, m := range ms {
		if m.Ignored {
			continue
		}
		if m.Err != nil {
			return nil, nil, m.Err
		}
		out = append(out, entries[i])
	}
	return out, warnings, nil
}
