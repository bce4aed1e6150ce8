package exporter

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/diag"
)

// TestEntryLoaderSettle checks the one set of rules every reader of an
// entry set goes by: bibliographies passed over, slugs missing or taken.
func TestEntryLoaderSettle(t *testing.T) {
	at := func(line int) func() diag.Pos { return func() diag.Pos { return diag.Pos{Line: line, Col: 1} } }
	tests := []struct {
		name  string
		slugs bool
		ms    []*Member
		want  []string // per member: "ok", "ignored" or the error
	}{
		{"bibliography passed over", true, []*Member{
			{Path: "a.yaml", Slug: "a", Bibliography: "refs.json", Origin: at(1)},
			{Path: "refs.json", Err: errors.New("refs.json: not an entry")},
		}, []string{"ok", "ignored"}},
		{"unreadable file is its error", true, []*Member{
			{Path: "b.json", Err: errors.New("b.json:3:1: error: bad")},
		}, []string{"b.json:3:1: error: bad"}},
		{"duplicate slug: the later fails", true, []*Member{
			{Path: "a.yaml", Slug: "x", Origin: at(1)},
			{Path: "b.yaml", Slug: "x", Origin: at(2)},
		}, []string{"ok", `b.yaml:2:1: error: slug "x" is already the slug of a.yaml; give one of them another slug`}},
		{"no slug", true, []*Member{
			{Path: "c.yaml", Origin: at(4)},
		}, []string{"c.yaml:4:1: error: the title gives no slug (no letters or digits); set slug:"}},
		{"slugs not needed", false, []*Member{
			{Path: "a.yaml", Slug: "x"}, {Path: "b.yaml", Slug: "x"}, {Path: "c.yaml"},
		}, []string{"ok", "ok", "ok"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			EntryLoader{Slugs: tt.slugs}.Settle(tt.ms)
			for i, m := range tt.ms {
				got := "ok"
				if m.Ignored {
					got = "ignored"
				} else if m.Err != nil {
					got = m.Err.Error()
				}
				if got != tt.want[i] {
					t.Errorf("%s: got %q, want %q", m.Path, got, tt.want[i])
				}
			}
		})
	}
}

// TestEntryLoaderFiles checks which files of a folder are entries: not
// the course file, hidden files, other extensions or a build's manifests.
func TestEntryLoaderFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.md", "a.yaml", CourseFile, ".a.md~", "notes.pdf", "manifest.json", "x.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("title: T\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		out  string
		want string
	}{
		{"", "a.yaml b.md manifest.json x.txt"},
		{dir, "a.yaml b.md x.txt"},
	} {
		files, _, err := EntryLoader{Out: tt.out}.Files([]string{dir, filepath.Join(dir, "b.md")})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range files {
			got = append(got, filepath.Base(f))
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("out %q: files %v, want %s", tt.out, got, tt.want)
		}
	}
	empty := t.TempDir()
	if _, _, err := (EntryLoader{}).Files([]string{empty}); err == nil || !strings.Contains(err.Error(), "folder holds no entry files") {
		t.Errorf("empty folder: %v", err)
	}
}
