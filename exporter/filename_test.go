package exporter

import "testing"

// TestArtifactFile checks the names the CLI, a build and the server's
// downloads all give artifacts.
func TestArtifactFile(t *testing.T) {
	tests := []struct {
		slug, kind, layout, ext, want string
	}{
		{"plate-tectonics", SlidesArtifact, "", FormatPDF, "plate-tectonics-slides.pdf"},
		{"plate-tectonics", SlidesArtifact, "", FormatPPTX, "plate-tectonics-slides.pptx"},
		{"plate-tectonics", HandoutArtifact, "slides-3", "pdf", "plate-tectonics-handout-slides-3.pdf"},
		{"plate-tectonics", GlossaryArtifact, "", "xlsx", "plate-tectonics-glossary.xlsx"},
		{"", GlossaryArtifact, "", "xlsx", "glossary.xlsx"},
		{"plate-tectonics", "quiz", "", "gift.txt", "plate-tectonics-quiz.gift.txt"},
	}
	for _, tt := range tests {
		if got := ArtifactFile(tt.slug, tt.kind, tt.layout, tt.ext); got != tt.want {
			t.Errorf("ArtifactFile(%q, %q, %q, %q) = %q, want %q", tt.slug, tt.kind, tt.layout, tt.ext, got, tt.want)
		}
	}
}

// TestCourseBuildOptions checks that a flag wins over the course file and
// the file fills what no flag gives.
func TestCourseBuildOptions(t *testing.T) {
	c := &Course{ArtifactOptions: ArtifactOptions{Course: "C", Author: "File", Bib: []string{"c.bib"}, Aspect: "4:3"},
		Layout: "minimal", Handouts: []string{"reader"}, Paper: "letter"}
	got := c.BuildOptions(BuildOptions{ArtifactOptions: ArtifactOptions{Author: "Flag"}, Handouts: []string{}, Order: "vertical"})
	if got.Course != "C" || got.Author != "Flag" || got.Aspect != "4:3" || len(got.Bib) != 1 ||
		got.Layout != "minimal" || got.Paper != "letter" || got.Order != "vertical" || got.Handouts == nil || len(got.Handouts) != 0 {
		t.Errorf("got %+v", got)
	}
	got = c.BuildOptions(BuildOptions{ArtifactOptions: ArtifactOptions{Bib: []string{"flag.bib"}}})
	if len(got.Bib) != 1 || got.Bib[0] != "flag.bib" || len(got.Handouts) != 1 {
		t.Errorf("got %+v", got)
	}
}
