package exporter

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
)

// Manifest records what a build made, so the next build can skip every
// entry whose inputs have not changed and remove what no entry makes any
// more. It is written as JSON with sorted keys, atomically, last.
type Manifest struct {
	// Version is the topicdeck version that wrote the manifest.
	Version string `json:"version"`
	// Entries are keyed by the entry file's path as the build was given it,
	// slash-separated.
	Entries map[string]*ManifestEntry `json:"entries"`
	// Glossary is the course glossary, when this build makes one.
	Glossary *ManifestGlossary `json:"glossary,omitempty"`
}

// ManifestEntry is one entry's record.
type ManifestEntry struct {
	Slug string `json:"slug"`
	// Source is the sha256 of the entry file's bytes.
	Source string `json:"source"`
	// Deps are the other files the entry reads (its bibliography).
	Deps []string `json:"deps,omitempty"`
	// Inputs is the sha256 of everything the artifacts depend on: the
	// entry's bytes, its dependencies' bytes, the course options, the
	// layouts and topicdeck's version. Equal Inputs, equal artifacts.
	Inputs    string     `json:"inputs"`
	Artifacts []Artifact `json:"artifacts"`
}

// Artifact is one written file.
type Artifact struct {
	// Path is relative to the output folder, slash-separated.
	Path   string `json:"path"`
	Layout string `json:"layout"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// ManifestGlossary records the course glossary and the inputs it was
// merged from, so it is rebuilt only when an entry changed.
type ManifestGlossary struct {
	Path    string   `json:"path"`
	Inputs  string   `json:"inputs"`
	Entries []string `json:"entries"`
	Size    int64    `json:"size"`
	SHA256  string   `json:"sha256"`
}

// ManifestName is the manifest's file name in the output folder for a
// build of shard (whole builds use "manifest.json"): shards may share one
// output folder, and each must only ever touch its own record.
func ManifestName(s Shard) string {
	if s.Count <= 1 {
		return "manifest.json"
	}
	return fmt.Sprintf("manifest.shard-%d-of-%d.json", s.Index, s.Count)
}

// ReadManifest reads a manifest; a missing file is an empty manifest.
func ReadManifest(path string) (*Manifest, error) {
	m := &Manifest{Entries: map[string]*ManifestEntry{}}
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return m, nil
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, m); err != nil {
		return nil, fmt.Errorf("%s: not a topicdeck manifest: %v", path, err)
	}
	if m.Entries == nil {
		m.Entries = map[string]*ManifestEntry{}
	}
	return m, nil
}

// write saves the manifest atomically. encoding/json sorts map keys, and
// every list in it is in a fixed order, so equal builds give equal bytes.
func (m *Manifest) write(path string) error {
	for _, e := range m.Entries {
		sort.Strings(e.Deps)
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil // unchanged: keep its modification time
	}
	return WriteFile(path, nil, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// artifactsPresent reports whether every artifact of a record is still in
// the output folder, with the size it was written with.
func artifactsPresent(out string, arts []Artifact) bool {
	for _, a := range arts {
		st, err := os.Stat(filepath.Join(out, filepath.FromSlash(a.Path)))
		if err != nil || !st.Mode().IsRegular() || st.Size() != a.Size {
			return false
		}
	}
	return true
}
