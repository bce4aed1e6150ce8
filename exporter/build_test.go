package exporter

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/scholargate/topicdeck/diag"
	"github.com/scholargate/topicdeck/internal/checktool"
	"github.com/scholargate/topicdeck/internal/synth"
)

// sampleSlugs are the entries of samples/, with a phrase each artifact of
// the entry must show.
var sampleSlugs = map[string]string{
	"cognitive-load-theory":         "Cognitive Load Theory",
	"ekologisk-succession":          "Ekologisk succession",
	"neuroadaptation-and-tolerance": "Neuroadaptation and Tolerance",
	"plate-tectonics":               "Plate Tectonics",
}

// copySamples copies samples/ into a fresh folder the test may change.
func copySamples(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "course")
	if err := os.CopyFS(dir, os.DirFS("../samples")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func mustBuild(t testing.TB, paths []string, opt BuildOptions) *BuildReport {
	t.Helper()
	r, err := Build(paths, opt)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return r
}

// tree lists the files under dir (relative, slash-separated) with their
// modification times.
func tree(t testing.TB, dir string) map[string]time.Time {
	t.Helper()
	out := map[string]time.Time{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = info.ModTime()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func names(m map[string]time.Time) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func fileSum(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// wantSampleFiles is the output folder of a default build of samples/.
func wantSampleFiles() []string {
	want := []string{CourseGlossaryFile, CourseQuizFile, "manifest.json"}
	for slug := range sampleSlugs {
		want = append(want, slug+"/"+slug+"-slides.pdf", slug+"/"+slug+"-handout-slides-3.pdf", slug+"/"+slug+"-handout-reader.pdf")
	}
	sort.Strings(want)
	return want
}

// TestBuildSamples builds samples/ and checks every artifact as a reader
// would, the manifest's content, and that the output does not depend on
// how many workers made it.
func TestBuildSamples(t *testing.T) {
	in := copySamples(t)
	out := filepath.Join(t.TempDir(), "out")
	var events []BuildEvent
	r := mustBuild(t, []string{in}, BuildOptions{Out: out, Jobs: 3, Progress: func(ev BuildEvent) { events = append(events, ev) }})
	if r.Entries != 4 || r.Built != 4 || r.Skipped != 0 || r.Failed != 0 || r.Artifacts != 14 {
		t.Fatalf("report %+v, want 4 entries built, 14 files", r)
	}
	if len(events) != 4 || events[3].Done != 4 || events[3].Total != 4 {
		t.Errorf("events: %+v", events)
	}
	if got, want := names(tree(t, out)), wantSampleFiles(); !slices.Equal(got, want) {
		t.Fatalf("output files:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	t.Run("artifacts", func(t *testing.T) {
		for slug, title := range sampleSlugs {
			for _, kind := range []string{"slides", "handout-slides-3", "handout-reader"} {
				path := filepath.Join(out, slug, slug+"-"+kind+".pdf")
				t.Run(slug+"-"+kind, func(t *testing.T) {
					t.Parallel()
					checktool.PDF(t, path, []string{title}, 0)
				})
			}
		}
		t.Run("glossary", func(t *testing.T) {
			t.Parallel()
			report := checktool.XLSX(t, filepath.Join(out, CourseGlossaryFile), []string{
				"Tolerance", "Behavioral sensitization", "Plate Tectonics", "Cognitive Load Theory", "Ekologisk succession",
			})
			if !strings.Contains(report, "sheet 'Glossary'") {
				t.Errorf("xlsxcheck report:\n%s", report)
			}
		})
	})

	t.Run("manifest", func(t *testing.T) {
		m, err := ReadManifest(filepath.Join(out, "manifest.json"))
		if err != nil {
			t.Fatal(err)
		}
		if m.Version != Version || len(m.Entries) != 4 {
			t.Fatalf("manifest version %q, %d entries", m.Version, len(m.Entries))
		}
		var keys []string
		for key, rec := range m.Entries {
			keys = append(keys, key)
			if _, ok := sampleSlugs[rec.Slug]; !ok {
				t.Errorf("%s: slug %q", key, rec.Slug)
			}
			if rec.Source != fileSum(t, filepath.FromSlash(key)) {
				t.Errorf("%s: source hash is not the file's sha256", key)
			}
			if len(rec.Inputs) != 64 || len(rec.Artifacts) != 3 {
				t.Errorf("%s: inputs %q, %d artifacts", key, rec.Inputs, len(rec.Artifacts))
			}
			for i, a := range rec.Artifacts {
				if want := []string{"lecture", "slides-3", "reader"}[i]; a.Layout != want {
					t.Errorf("%s: artifact %d has layout %q, want %q", key, i, a.Layout, want)
				}
				if fileSum(t, filepath.Join(out, filepath.FromSlash(a.Path))) != a.SHA256 {
					t.Errorf("%s: %s: sha256 does not match the file", key, a.Path)
				}
			}
		}
		if strings.Contains(keys[0]+keys[1], "\\") {
			t.Errorf("manifest keys are not slash-separated: %v", keys)
		}
		if rec := m.Entries[filepath.ToSlash(filepath.Join(in, "neuroadaptation-and-tolerance.md"))]; rec == nil || len(rec.Deps) != 1 || !strings.HasSuffix(rec.Deps[0], "neuroadaptation.bib") {
			t.Errorf("the bibliography is not a recorded dependency: %+v", rec)
		}
		sort.Strings(keys)
		if g := m.Glossary; g == nil || g.Path != CourseGlossaryFile || !slices.Equal(g.Entries, keys) || g.SHA256 != fileSum(t, filepath.Join(out, CourseGlossaryFile)) {
			t.Errorf("glossary record %+v, want the entries %v in path order", g, keys)
		}
		data, _ := os.ReadFile(filepath.Join(out, "manifest.json"))
		if !bytes.HasSuffix(data, []byte("}\n")) || !bytes.Contains(data, []byte(`"entries": {`)) {
			t.Errorf("manifest is not indented JSON:\n%s", data)
		}
	})

	t.Run("deterministic", func(t *testing.T) {
		out1 := filepath.Join(t.TempDir(), "out")
		mustBuild(t, []string{in}, BuildOptions{Out: out1, Jobs: 1})
		for _, name := range wantSampleFiles() {
			a, _ := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
			b, _ := os.ReadFile(filepath.Join(out1, filepath.FromSlash(name)))
			if !bytes.Equal(a, b) {
				t.Errorf("%s differs between 3 workers and 1", name)
			}
		}
	})
}

// TestBuildIncremental changes the inputs step by step and checks that
// each build does exactly the work the change calls for.
func TestBuildIncremental(t *testing.T) {
	in := copySamples(t)
	out := filepath.Join(t.TempDir(), "out")
	opt := BuildOptions{Out: out}
	mustBuild(t, []string{in}, opt)
	before := tree(t, out)

	built := func(r *BuildReport, events []BuildEvent) []string {
		var out []string
		for _, ev := range events {
			if ev.Status == Built {
				out = append(out, filepath.Base(ev.Path))
			}
		}
		sort.Strings(out)
		return out
	}
	var events []BuildEvent
	opt.Progress = func(ev BuildEvent) { events = append(events, ev) }
	step := func(name string, o BuildOptions, wantBuilt ...string) *BuildReport {
		t.Helper()
		events = nil
		r := mustBuild(t, []string{in}, o)
		if got := built(r, events); !slices.Equal(got, wantBuilt) || r.Failed != 0 {
			t.Fatalf("%s: built %v (failed %d), want %v", name, got, r.Failed, wantBuilt)
		}
		return r
	}

	// Nothing changed: everything is skipped and no file is rewritten.
	r := step("no change", opt)
	if r.Skipped != 4 || r.Artifacts != 0 || r.Glossary != "" || len(r.Removed) != 0 {
		t.Fatalf("no change: %+v", r)
	}
	if after := tree(t, out); !mapsEqual(before, after) {
		t.Fatalf("a build with nothing changed touched files:\nbefore %v\nafter  %v", before, after)
	}

	// Editing one entry rebuilds it alone, and the glossary.
	entry := filepath.Join(in, "neuroadaptation-and-tolerance.md")
	data, _ := os.ReadFile(entry)
	if err := os.WriteFile(entry, append(data, "\n## Worked example\n\nA new paragraph about receptor downregulation.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	r = step("edit", opt, "neuroadaptation-and-tolerance.md")
	if r.Skipped != 3 || r.Artifacts != 4 || r.Glossary == "" {
		t.Fatalf("edit: %+v", r)
	}
	after := tree(t, out)
	for name, mt := range before {
		if strings.HasPrefix(name, "plate-tectonics/") && !after[name].Equal(mt) {
			t.Errorf("edit of another entry rewrote %s", name)
		}
	}
	if !strings.Contains(checktool.Text(t, filepath.Join(out, "neuroadaptation-and-tolerance", "neuroadaptation-and-tolerance-slides.pdf")), "receptor downregulation") {
		t.Error("the rebuilt deck lacks the new paragraph")
	}
	// The glossary, made from the edited entry and the unchanged ones read
	// again for it, is the one a fresh build makes.
	fresh := filepath.Join(t.TempDir(), "fresh")
	mustBuild(t, []string{in}, BuildOptions{Out: fresh})
	a, _ := os.ReadFile(filepath.Join(out, CourseGlossaryFile))
	b, _ := os.ReadFile(filepath.Join(fresh, CourseGlossaryFile))
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Error("the incremental build's course glossary differs from a fresh build's")
	}

	// A missing artifact is noticed and its entry rebuilt.
	gone := filepath.Join(out, "plate-tectonics", "plate-tectonics-handout-reader.pdf")
	if err := os.Remove(gone); err != nil {
		t.Fatal(err)
	}
	r = step("missing artifact", opt, "plate-tectonics.json")
	if _, err := os.Stat(gone); err != nil || r.Glossary != "" {
		t.Fatalf("missing artifact not rebuilt (%v), or glossary rebuilt needlessly (%q)", err, r.Glossary)
	}

	// A forced build rebuilds everything but rewrites no identical file.
	before = tree(t, out)
	r = step("force", BuildOptions{Out: out, Force: true, Progress: opt.Progress},
		"cognitive-load-theory.yaml", "ekologisk-succession.md", "neuroadaptation-and-tolerance.md", "plate-tectonics.json")
	if r.Artifacts != 0 || !mapsEqual(before, tree(t, out)) {
		t.Errorf("force rewrote identical files: %+v", r)
	}

	// Removing an entry removes its artifacts and its folder.
	if err := os.Remove(filepath.Join(in, "ekologisk-succession.md")); err != nil {
		t.Fatal(err)
	}
	r = step("remove", opt)
	if len(r.Removed) != 3 || r.Entries != 3 || r.Glossary == "" {
		t.Fatalf("remove: %+v", r)
	}
	if _, err := os.Stat(filepath.Join(out, "ekologisk-succession")); !os.IsNotExist(err) {
		t.Errorf("the removed entry's folder is still there: %v", err)
	}
	m, _ := ReadManifest(filepath.Join(out, "manifest.json"))
	if len(m.Entries) != 3 || len(m.Glossary.Entries) != 3 {
		t.Errorf("manifest still lists the removed entry: %d entries, glossary of %v", len(m.Entries), m.Glossary.Entries)
	}

	// Other handouts: every entry is rebuilt and the old handouts go.
	r = step("handouts", BuildOptions{Out: out, Handouts: []string{"notes"}, Progress: opt.Progress},
		"cognitive-load-theory.yaml", "neuroadaptation-and-tolerance.md", "plate-tectonics.json")
	if len(r.Removed) != 6 || r.Glossary != "" {
		t.Errorf("handouts: removed %v, glossary %q", r.Removed, r.Glossary)
	}
	if _, err := os.Stat(filepath.Join(out, "plate-tectonics", "plate-tectonics-handout-notes.pdf")); err != nil {
		t.Error(err)
	}
}

// TestBuildLoadNoticesChange: an entry edited between the scan and its
// rendering is an error, not artifacts that disagree with the manifest.
func TestBuildLoadNoticesChange(t *testing.T) {
	p := filepath.Join(t.TempDir(), "entry.md")
	if err := os.WriteFile(p, []byte("# Entry\n\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	b := &builder{}
	if _, err := b.load(&source{path: p, hash: sum([]byte("# Entry\n\nText.\n"))}); err != nil {
		t.Fatalf("unchanged file: %v", err)
	}
	_, err := b.load(&source{path: p, hash: sum([]byte("what scan read"))})
	if err == nil || !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), "changed while the build ran") {
		t.Fatalf("error %v, want one naming the file and the change", err)
	}
}

func mapsEqual(a, b map[string]time.Time) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || !w.Equal(v) {
			return false
		}
	}
	return true
}

// TestBuildBadEntries puts broken entries among good ones: the good ones
// are built, each bad one is an error with its file and line, and nothing
// half-written is left behind.
func TestBuildBadEntries(t *testing.T) {
	in := copySamples(t)
	syntax, _ := os.ReadFile("../topic/testdata/bad/syntax.json")
	files := map[string]string{
		"bad.json": string(syntax),
		// The same slug as plate-tectonics.json, later in path order.
		"zz-plates.yaml": "title: Plates\nslug: plate-tectonics\nsummary: Plates move.\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(in, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "out")
	r := mustBuild(t, []string{in}, BuildOptions{Out: out})
	if r.Built != 4 || r.Failed != 2 || len(r.Failures) != 2 {
		t.Fatalf("report %+v, want 4 built and 2 failed", r)
	}
	var msgs []string
	for _, err := range r.Failures {
		msgs = append(msgs, err.Error())
	}
	sort.Strings(msgs)
	want := []string{
		filepath.Join(in, "bad.json") + ":4:3: error: JSON syntax error",
		filepath.Join(in, "zz-plates.yaml") + `:2:1: error: slug "plate-tectonics" is already the slug of ` + filepath.Join(in, "plate-tectonics.json"),
	}
	for i, w := range want {
		if !strings.HasPrefix(msgs[i], w) {
			t.Errorf("failure %d:\n got %s\nwant %s…", i, msgs[i], w)
		}
	}
	if got, want := names(tree(t, out)), wantSampleFiles(); !slices.Equal(got, want) {
		t.Errorf("output files:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The bad entries are tried again, and still fail; the rest is skipped.
	r = mustBuild(t, []string{in}, BuildOptions{Out: out})
	if r.Built != 0 || r.Skipped != 4 || r.Failed != 2 {
		t.Errorf("second build: %+v", r)
	}
}

// TestBuildBibliographyJSON checks that a CSL-JSON bibliography beside the
// entries is passed over, not reported as a broken entry.
func TestBuildBibliographyJSON(t *testing.T) {
	in := filepath.Join(t.TempDir(), "course")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	csl, _ := os.ReadFile("../bib/testdata/neuroadaptation.json")
	os.WriteFile(filepath.Join(in, "refs.json"), csl, 0o644)
	os.WriteFile(filepath.Join(in, "topic.md"), []byte("---\ntitle: Tolerance\nbibliography: refs.json\n---\n\nTolerance grows.\n\n## Seminal works\n\n- koob-2009-neurocircuitry\n"), 0o644)
	out := filepath.Join(t.TempDir(), "out")
	for range 2 { // the second build knows the bibliography from the manifest
		r := mustBuild(t, []string{in}, BuildOptions{Out: out, Handouts: []string{}})
		if r.Entries != 1 || r.Failed != 0 {
			t.Fatalf("report %+v, failures %v", r, r.Failures)
		}
	}
}

// TestShard checks that shards partition a catalogue: every entry is in
// exactly one shard, whatever the shard count.
func TestShard(t *testing.T) {
	var slugs []string
	for i := range 300 {
		slugs = append(slugs, fmt.Sprintf("topic-%d", i))
	}
	for n := 1; n <= 5; n++ {
		count := make([]int, n)
		for _, s := range slugs {
			k := 0
			for i := range n {
				if (Shard{Index: i, Count: n}).Has(s) {
					k++
					count[i]++
				}
			}
			if k != 1 {
				t.Fatalf("n=%d: %s is in %d shards", n, s, k)
			}
		}
		for i, c := range count {
			if n > 1 && (c < 300/n/2 || c > 300/n*2) {
				t.Errorf("n=%d: shard %d holds %d of 300 entries", n, i, c)
			}
		}
	}
	for _, tc := range []struct {
		in   string
		want Shard
		ok   bool
	}{
		{"0/4", Shard{0, 4}, true},
		{"3/4", Shard{3, 4}, true},
		{" 1 / 2 ", Shard{1, 2}, true},
		{"4/4", Shard{}, false},
		{"-1/4", Shard{}, false},
		{"1/0", Shard{}, false},
		{"1", Shard{}, false},
		{"a/b", Shard{}, false},
	} {
		got, err := ParseShard(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseShard(%q) = %v, %v", tc.in, got, err)
		}
	}
}

// TestBuildShards builds a catalogue as three shards into one folder: the
// union of their entries is the catalogue, no entry is built twice, and
// shard 0 makes the glossary of all entries.
func TestBuildShards(t *testing.T) {
	in := filepath.Join(t.TempDir(), "course")
	if _, err := synth.WriteDir(in, 12, synth.Options{Seed: 3, Small: true}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	seen := map[string]int{}
	for i := range 3 {
		shard := Shard{Index: i, Count: 3}
		r := mustBuild(t, []string{in}, BuildOptions{Out: out, Shard: shard, Handouts: []string{}, Progress: func(ev BuildEvent) {
			seen[ev.Slug]++
			if !shard.Has(ev.Slug) {
				t.Errorf("shard %v built %s", shard, ev.Slug)
			}
		}})
		if r.Failed != 0 {
			t.Fatal(r.Failures)
		}
		if (r.Glossary != "") != (i == 0) {
			t.Errorf("shard %d: glossary %q", i, r.Glossary)
		}
		m, err := ReadManifest(filepath.Join(out, fmt.Sprintf("manifest.shard-%d-of-3.json", i)))
		if err != nil || len(m.Entries) != r.Entries {
			t.Errorf("shard %d manifest: %v, %d entries, want %d", i, err, len(m.Entries), r.Entries)
		}
		if i == 0 && (m.Glossary == nil || len(m.Glossary.Entries) != 12) {
			t.Errorf("shard 0's glossary is not of all 12 entries: %+v", m.Glossary)
		}
	}
	if len(seen) != 12 {
		t.Errorf("the shards built %d entries, want 12", len(seen))
	}
	for slug, n := range seen {
		if n != 1 {
			t.Errorf("%s built %d times", slug, n)
		}
	}
	// Each shard, built again, skips all of its own and touches no other's.
	for i := range 3 {
		r := mustBuild(t, []string{in}, BuildOptions{Out: out, Shard: Shard{Index: i, Count: 3}, Handouts: []string{}})
		if r.Built != 0 || len(r.Removed) != 0 {
			t.Errorf("shard %d rebuilt: %+v", i, r)
		}
	}
}

// TestBuildCourseFile applies a topicdeck.yaml: its layout, handouts and
// course name show in the artifacts.
func TestBuildCourseFile(t *testing.T) {
	in := filepath.Join(t.TempDir(), "course")
	if err := os.CopyFS(in, os.DirFS("../samples")); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"cognitive-load-theory.yaml", "ekologisk-succession.md", "neuroadaptation-and-tolerance.md"} {
		os.Remove(filepath.Join(in, name))
	}
	course := "course: Earth Sciences 101\nlayout: minimal\nhandouts: notes\npaper: letter\n"
	if err := os.WriteFile(filepath.Join(in, CourseFile), []byte(course), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := FindCourse([]string{in})
	if err != nil || c == nil {
		t.Fatalf("FindCourse: %v, %v", c, err)
	}
	out := filepath.Join(t.TempDir(), "out")
	r := mustBuild(t, []string{in}, BuildOptions{Out: out, ArtifactOptions: ArtifactOptions{Course: c.Course}, Layout: c.Layout, Handouts: c.Handouts, Paper: c.Paper})
	if r.Entries != 1 || r.Failed != 0 {
		t.Fatalf("the course file was taken for an entry, or failed: %+v %v", r, r.Failures)
	}
	want := []string{CourseGlossaryFile, CourseQuizFile, "manifest.json", "plate-tectonics/plate-tectonics-handout-notes.pdf", "plate-tectonics/plate-tectonics-slides.pdf"}
	if got := names(tree(t, out)); !slices.Equal(got, want) {
		t.Fatalf("output files %v, want %v", got, want)
	}
	deck := filepath.Join(out, "plate-tectonics", "plate-tectonics-slides.pdf")
	checktool.PDF(t, deck, []string{"Earth Sciences 101"}, 0)
	m, _ := ReadManifest(filepath.Join(out, "manifest.json"))
	for _, rec := range m.Entries {
		if rec.Artifacts[0].Layout != "minimal" {
			t.Errorf("deck layout %q, want minimal", rec.Artifacts[0].Layout)
		}
	}
}

// TestParseCourse reads course files, good and bad; every bad one is one
// error naming the file, line and column.
func TestParseCourse(t *testing.T) {
	good := "# course-wide options\ncourse: Neuroscience\nauthor: Dr. Lind\nhandouts: [slides-3, reader]\nbibliography: refs/course.bib\nlang: sv\n"
	c, err := ParseCourse("c/topicdeck.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	want := Course{
		ArtifactOptions: ArtifactOptions{Course: "Neuroscience", Author: "Dr. Lind", Bib: []string{filepath.Join("c", "refs", "course.bib")}, Lang: "sv"},
		Handouts:        []string{"slides-3", "reader"},
		File:            "c/topicdeck.yaml",
	}
	if fmt.Sprint(*c) != fmt.Sprint(want) {
		t.Errorf("got  %+v\nwant %+v", *c, want)
	}
	// Layouts: a path is the course file's, a name not built in is looked
	// for in the course's layouts/ folder, a built-in name stays a name.
	dir := t.TempDir()
	course := filepath.Join(dir, "topicdeck.yaml")
	if err := os.MkdirAll(filepath.Join(dir, "layouts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "layouts", "house.yaml"), []byte("base: minimal\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ in, want string }{
		{"layout: brand/deck.yaml\n", filepath.Join(dir, "brand", "deck.yaml")},
		{"layout: house\n", filepath.Join(dir, "layouts", "house.yaml")},
		{"layout: contrast\n", "contrast"},
		{"layout: elsewhere\n", "elsewhere"},
	} {
		c, err := ParseCourse(course, []byte(tc.in))
		if err != nil || c.Layout != tc.want {
			t.Errorf("%q: layout %q (%v), want %q", tc.in, c.Layout, err, tc.want)
		}
	}
	for _, tc := range []struct{ name, in, want string }{
		{"unknown key", "course: X\ncolour: blue\n", "topicdeck.yaml:2:1: error: unknown key \"colour\" (known keys: aspect, author, bibliography, course, date, font_dir, handouts, lang, layout, order, paper)"},
		{"misspelt key", "course: X\nhandout: notes\n", "topicdeck.yaml:2:1: error: unknown key \"handout\" (did you mean \"handouts\"?)"},
		{"list for text", "course:\n  - a\n", "topicdeck.yaml:2:3: error: course: want a single value, got a list"},
		{"mapping in list", "handouts:\n  - {a: b}\n", "topicdeck.yaml:2:5: error: handouts: want a single value, got a mapping"},
		{"twice", "lang: en\nlang: sv\n", "topicdeck.yaml:2:1: error: key \"lang\" is given twice"},
		{"syntax", "course: [a\n", "topicdeck.yaml:1: error: YAML syntax:"},
		{"not a mapping", "- a\n", "topicdeck.yaml:1:1: error: a course file is a mapping of options"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseCourse("topicdeck.yaml", []byte(tc.in))
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("got %v\nwant %s…", err, tc.want)
			}
		})
	}
	for _, empty := range []string{"", "# nothing set\n", "~\n"} {
		if c, err := ParseCourse("topicdeck.yaml", []byte(empty)); err != nil || c.Course != "" {
			t.Errorf("%q: %v %v", empty, c, err)
		}
	}
}

// TestFindCourse refuses two course files in one build.
func TestFindCourse(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(a, CourseFile), []byte("course: A\n"), 0o644)
	os.WriteFile(filepath.Join(b, CourseFile), []byte("course: B\n"), 0o644)
	if c, err := FindCourse([]string{filepath.Join(a, "x.md")}); err != nil || c.Course != "A" {
		t.Errorf("course file beside an entry file: %v %v", c, err)
	}
	if _, err := FindCourse([]string{a, b}); err == nil || !strings.Contains(err.Error(), "more than one course file") {
		t.Errorf("two course files: %v", err)
	}
	if c, err := FindCourse([]string{t.TempDir()}); c != nil || err != nil {
		t.Errorf("no course file: %v %v", c, err)
	}
}

// FuzzParseCourse: any bytes give a course or one positioned error, never
// a panic.
func FuzzParseCourse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/course/*.yaml")
	for _, s := range seeds {
		data, _ := os.ReadFile(s)
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := ParseCourse("topicdeck.yaml", data)
		if err != nil {
			if _, ok := err.(*diag.Error); !ok || !strings.HasPrefix(err.Error(), "topicdeck.yaml") {
				t.Fatalf("error without position: %v", err)
			}
		}
	})
}

// TestBuildIntoInputFolder builds with the output folder the input folder:
// the manifest written there is not taken for an entry next time.
func TestBuildIntoInputFolder(t *testing.T) {
	in := filepath.Join(t.TempDir(), "course")
	os.MkdirAll(in, 0o755)
	os.WriteFile(filepath.Join(in, "topic.md"), []byte("# Tolerance\n\nTolerance grows with repeated use.\n"), 0o644)
	for i := range 2 {
		r := mustBuild(t, []string{in}, BuildOptions{Out: in, Handouts: []string{}})
		if r.Entries != 1 || r.Failed != 0 || r.Built+r.Skipped != 1 {
			t.Fatalf("build %d: %+v %v", i, r, r.Failures)
		}
	}
}

// TestBuildCourseBibliography checks that --bib files reach the decks and
// handouts, not only the glossary: the seed page's seminal works are bare
// citation keys, which print as full references from the course
// bibliography. A changed bibliography rebuilds the entry.
func TestBuildCourseBibliography(t *testing.T) {
	dir := t.TempDir()
	entry := filepath.Join(dir, "seed-page.txt")
	bibPath := filepath.Join(dir, "course.bib")
	seed, _ := os.ReadFile("../topic/testdata/seed-page.txt")
	refs, _ := os.ReadFile("../samples/neuroadaptation.bib")
	if err := os.WriteFile(entry, seed, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bibPath, refs, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	opt := BuildOptions{Out: out, ArtifactOptions: ArtifactOptions{Bib: []string{bibPath}}, Handouts: []string{"slides-3", "reader"}}
	r := mustBuild(t, []string{entry}, opt)
	if r.Built != 1 || r.Failed != 0 {
		t.Fatalf("report %+v, failures %v", r, r.Failures)
	}
	for _, w := range r.Warnings {
		if strings.Contains(w, "citation keys") {
			t.Errorf("unresolved citation keys: %s", w)
		}
	}
	slug := "neuroadaptation-and-tolerance"
	for _, name := range []string{"-slides.pdf", "-handout-slides-3.pdf", "-handout-reader.pdf"} {
		path := filepath.Join(out, slug, slug+name)
		text := checktool.Text(t, path)
		if !strings.Contains(strings.Join(strings.Fields(text), " "), "Koob, G. F., & Volkow") {
			t.Errorf("%s: the course bibliography's reference is not printed", name)
		}
		if strings.Contains(text, "koob-2009-neurocircuitry") {
			t.Errorf("%s: the citation key is printed instead of its reference", name)
		}
	}
	if err := os.WriteFile(bibPath, append(refs, "\n% revised\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := mustBuild(t, []string{entry}, opt); r.Built != 1 {
		t.Errorf("a changed course bibliography did not rebuild the entry: %+v", r)
	}
}
