package exporter

// The kinds of artifact ArtifactFile names.
const (
	SlidesArtifact   = "slides"
	HandoutArtifact  = "handout"
	GlossaryArtifact = "glossary"
)

// ArtifactFile is the one rule for the file name of an artifact of the
// entry with this slug, so that the CLI's default output, a build's entry
// folder and a server download (its Content-Disposition) agree:
// <slug>-<kind>[-<layout>].<ext>, as in plate-tectonics-slides.pdf,
// plate-tectonics-handout-slides-3.pdf and plate-tectonics-glossary.xlsx.
// Without a slug (an artifact of several entries) the name starts with the
// kind: glossary.xlsx.
func ArtifactFile(slug, kind, layout, ext string) string {
	name := kind
	if layout != "" {
		name += "-" + layout
	}
	if slug != "" {
		name = slug + "-" + name
	}
	return name + "." + ext
}
