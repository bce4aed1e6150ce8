package topic

import "testing"

// TestTitleSlugPositions checks that every reader records where the title
// and the slug were given, which a build's duplicate-slug error points at.
func TestTitleSlugPositions(t *testing.T) {
	tests := []struct {
		name, file, src string
		title, slug     Pos
		origin          Pos
	}{
		{"yaml", "e.yaml", "summary: S.\ntitle: T\nslug: t\n", Pos{Line: 2, Col: 1}, Pos{Line: 3, Col: 1}, Pos{Line: 3, Col: 1}},
		{"yaml no slug", "e.yaml", "\n\ntitle: T\n", Pos{Line: 3, Col: 1}, Pos{}, Pos{Line: 3, Col: 1}},
		{"json", "e.json", "{\n  \"slug\": \"t\",\n  \"title\": \"T\"\n}\n", Pos{Line: 3, Col: 3}, Pos{Line: 2, Col: 3}, Pos{Line: 2, Col: 3}},
		{"front matter", "e.md", "---\nslug: t\ntitle: T\n---\n\nText.\n", Pos{Line: 3, Col: 1}, Pos{Line: 2, Col: 1}, Pos{Line: 2, Col: 1}},
		{"heading", "e.md", "\n# The Title\n\nText.\n", Pos{Line: 2, Col: 1}, Pos{}, Pos{Line: 2, Col: 1}},
		{"front matter slug, heading title", "e.md", "---\nslug: t\n---\n# T\n", Pos{Line: 4, Col: 1}, Pos{Line: 2, Col: 1}, Pos{Line: 2, Col: 1}},
		{"page text", "e.txt", "T\n\nSummary line.\n", Pos{}, Pos{}, Pos{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := Read(tt.file, []byte(tt.src), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if e.TitlePos != tt.title || e.SlugPos != tt.slug || e.SlugOrigin() != tt.origin {
				t.Errorf("title at %v, slug at %v, slug from %v; want %v, %v, %v", e.TitlePos, e.SlugPos, e.SlugOrigin(), tt.title, tt.slug, tt.origin)
			}
		})
	}
}
