package exporter

import (
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/scholargate/topicdeck/internal/checktool"
	"github.com/scholargate/topicdeck/topic"
)

// seedReferences are the seed's three works as APA 7 prints them, with the
// DOI each must link to.
var seedReferences = []struct{ text, doi string }{
	{"Koob, G. F., & Volkow, N. D. (2010). Neurocircuitry of addiction. Neuropsychopharmacology, 35(1), 217–238. https://doi.org/10.1038/npp.2009.110",
		"https://doi.org/10.1038/npp.2009.110"},
	{"Hyman, S. E., Malenka, R. C., & Nestler, E. J. (2006). Neural mechanisms of addiction: The role of reward-related learning and memory. Annual Review of Neuroscience, 29, 565–598. https://doi.org/10.1146/annurev.neuro.29.051605.113009",
		"https://doi.org/10.1146/annurev.neuro.29.051605.113009"},
	{"Kalivas, P. W., & O'Brien, C. (2008). Drug addiction as a pathology of staged neuroplasticity. Neuropsychopharmacology, 33(1), 166–180. https://doi.org/10.1038/sj.npp.1301564",
		"https://doi.org/10.1038/sj.npp.1301564"},
}

// TestSeedReferences renders the seed sample's deck and reader handout and
// its glossary, and reads back from each the three formatted references
// with working DOI links: text through pdfcheck's phrase check, links as
// /URI actions in the PDF and as hyperlinks in the workbook.
func TestSeedReferences(t *testing.T) {
	e, err := topic.ReadFile("../samples/neuroadaptation-and-tolerance.md", topic.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var phrases []string
	for _, r := range seedReferences {
		phrases = append(phrases, r.text)
	}
	dir := t.TempDir()
	for _, kind := range []string{"slides", "reader"} {
		t.Run(kind, func(t *testing.T) {
			path := filepath.Join(dir, kind+".pdf")
			var res Result
			err := WriteFile(path, nil, func(w io.Writer) error {
				var err error
				if kind == "slides" {
					res, err = Slides(e, SlideOptions{}, w)
				} else {
					res, err = Handout(e, HandoutOptions{Layout: "reader"}, w)
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Warnings) > 0 {
				t.Errorf("warnings: %v", res.Warnings)
			}
			checktool.PDF(t, path, phrases, 0)
			objs := string(expanded(t, path))
			for _, r := range seedReferences {
				if !strings.Contains(objs, "/URI ("+r.doi+")") {
					t.Errorf("no link to %s", r.doi)
				}
			}
		})
	}
	t.Run("glossary", func(t *testing.T) {
		path := filepath.Join(dir, "glossary.xlsx")
		if err := WriteFile(path, nil, func(w io.Writer) error {
			_, err := Glossary([]*topic.Entry{e}, GlossaryOptions{}, w)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		checktool.XLSX(t, path, phrases)
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := f.GetRows("References")
		if err != nil {
			t.Fatal(err)
		}
		found := 0
		for i, row := range rows {
			for j := range row {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if ok, target, _ := f.GetCellHyperLink("References", cell); ok {
					for _, r := range seedReferences {
						if target == r.doi {
							found++
						}
					}
				}
			}
		}
		if found < len(seedReferences) {
			t.Errorf("References sheet links %d of the %d DOIs", found, len(seedReferences))
		}
	})
}
