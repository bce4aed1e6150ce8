package bib

import (
	"fmt"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/topic"
)

// authorsBib builds an article with n authors named Author1 … AuthorN.
func authorsBib(n int) string {
	var names []string
	for i := 1; i <= n; i++ {
		names = append(names, fmt.Sprintf("Author%d, A. %c.", i, 'A'+rune(i%26)))
	}
	return fmt.Sprintf("@article{k, author = {%s}, title = {T}, journal = {J}, year = 2020}", strings.Join(names, " and "))
}

func TestAPAAuthorCounts(t *testing.T) {
	list := func(from, to int) string {
		var s []string
		for i := from; i <= to; i++ {
			s = append(s, fmt.Sprintf("Author%d, A. %c.", i, 'A'+rune(i%26)))
		}
		return strings.Join(s, ", ")
	}
	tests := []struct {
		n    int
		want string
	}{
		{1, "Author1, A. B. (2020)."},
		{2, "Author1, A. B., & Author2, A. C. (2020)."},
		{3, "Author1, A. B., Author2, A. C., & Author3, A. D. (2020)."},
		{20, list(1, 19) + ", & Author20, A. U. (2020)."},
		{21, list(1, 19) + ", … Author21, A. V. (2020)."},
		{25, list(1, 19) + ", … Author25, A. Z. (2020)."},
	}
	for _, tt := range tests {
		e := parseOne(t, authorsBib(tt.n))
		got := APA(e, "en").Plain()
		if !strings.HasPrefix(got, tt.want) {
			t.Errorf("%d authors:\n got %s\nwant %s…", tt.n, got, tt.want)
		}
		if tt.n > 20 && strings.Contains(got, "Author20,") {
			t.Errorf("%d authors: the 20th author must be left out: %s", tt.n, got)
		}
	}
}

func TestAPAForms(t *testing.T) {
	tests := []struct {
		name, src, lang, want string
	}{
		{"article en", `@article{k, author = {Koob, George F. and Volkow, Nora D.}, title = {Neurocircuitry of Addiction},
			journal = {Neuropsychopharmacology}, year = 2010, volume = 35, number = 1, pages = {217--238}, doi = {https://doi.org/10.1038/npp.2009.110}}`, "en",
			"Koob, G. F., & Volkow, N. D. (2010). Neurocircuitry of addiction. *Neuropsychopharmacology*, *35*(1), 217–238. <https://doi.org/10.1038/npp.2009.110>"},
		{"article sv keeps &", `@article{k, author = {Koob, George F. and Volkow, Nora D.}, title = {Neurocircuitry of Addiction},
			journal = {Neuropsychopharmacology}, year = 2010, volume = 35, number = 1, pages = {217-238}, doi = {doi:10.1038/npp.2009.110}}`, "sv",
			"Koob, G. F., & Volkow, N. D. (2010). Neurocircuitry of addiction. *Neuropsychopharmacology*, *35*(1), 217–238. <https://doi.org/10.1038/npp.2009.110>"},
		{"article without issue", `@article{k, author = {Hyman, S. E.}, title = {T}, journal = {J}, year = 2006, volume = 29, pages = {565 - 598}}`, "en",
			"Hyman, S. E. (2006). T. *J*, *29*, 565–598."},
		{"article no date en", `@article{k, author = {Hyman, S. E.}, title = {In Press Work}, journal = {J}}`, "en",
			"Hyman, S. E. (n.d.). In press work. *J*."},
		{"article no date sv", `@article{k, author = {Hyman, S. E.}, title = {In Press Work}, journal = {J}}`, "sv",
			"Hyman, S. E. (u.å.). In press work. *J*."},
		{"title ending in question mark", `@article{k, author = {Doe, J.}, title = {Is Tolerance Learned?}, journal = {J}, year = 2001}`, "en",
			"Doe, J. (2001). Is tolerance learned? *J*."},
		{"suffix and particle", `@article{k, author = {van der Berg, Jr, Jan Anton}, title = {T}, journal = {J}, year = 2001}`, "en",
			"van der Berg, J. A., Jr. (2001). T. *J*."},
		{"and others", `@article{k, author = {Doe, Jane and others}, title = {T}, journal = {J}, year = 2001}`, "en",
			"Doe, J., et al. (2001). T. *J*."},
		{"book", `@book{k, author = {Koob, George F. and Le Moal, Michel}, title = {Neurobiology of Addiction}, publisher = {Academic Press}, address = {London}, year = 2006}`, "en",
			"Koob, G. F., & Le Moal, M. (2006). *Neurobiology of addiction*. Academic Press."},
		{"book edition en", `@book{k, author = {Doe, J.}, title = {Pharmacology}, edition = {Third}, publisher = {P}, year = 2019}`, "en",
			"Doe, J. (2019). *Pharmacology* (3rd ed.). P."},
		{"book edition sv", `@book{k, author = {Doe, J.}, title = {Farmakologi}, edition = 3, publisher = {Liber}, year = 2019}`, "sv",
			"Doe, J. (2019). *Farmakologi* (3:e uppl.). Liber."},
		{"book first edition omitted", `@book{k, author = {Doe, J.}, title = {P}, edition = {1st}, publisher = {P}, year = 2019}`, "en",
			"Doe, J. (2019). *P*. P."},
		{"book edition text", `@book{k, author = {Doe, J.}, title = {P}, edition = {Revised}, publisher = {Q}, year = 2019}`, "en",
			"Doe, J. (2019). *P* (Revised ed.). Q."},
		{"edited book en", `@book{k, editor = {Koob, George F. and Nestler, Eric}, title = {Addiction}, publisher = {P}, year = 2010}`, "en",
			"Koob, G. F., & Nestler, E. (Eds.). (2010). *Addiction*. P."},
		{"edited book sv", `@book{k, editor = {Koob, George F.}, title = {Addiction}, publisher = {P}, year = 2010}`, "sv",
			"Koob, G. F. (Red.). (2010). *Addiction*. P."},
		{"chapter en one editor", `@incollection{k, author = {Doe, Jane}, title = {The Chapter: A Study}, editor = {Smith, Eve E.},
			booktitle = {The {Book} Title}, pages = {12--34}, publisher = {Wiley}, year = 2015}`, "en",
			"Doe, J. (2015). The chapter: A study. In E. E. Smith (Ed.), *The Book title* (pp. 12–34). Wiley."},
		{"chapter en three editors", `@incollection{k, author = {Doe, Jane}, title = {C}, editor = {A. Ant and B. Bee and C. Cat},
			booktitle = {B}, pages = {5}, publisher = {W}, year = 2015}`, "en",
			"Doe, J. (2015). C. In A. Ant, B. Bee, & C. Cat (Eds.), *B* (p. 5). W."},
		{"chapter sv", `@incollection{k, author = {Doe, Jane}, title = {Kapitlet}, editor = {Smith, Eve and Berg, Bo},
			booktitle = {Boken}, edition = 2, pages = {12--34}, publisher = {Studentlitteratur}, year = 2015}`, "sv",
			"Doe, J. (2015). Kapitlet. I E. Smith & B. Berg (Red.), *Boken* (2:a uppl., s. 12–34). Studentlitteratur."},
		{"chapter sv single page", `@incollection{k, author = {Doe, Jane}, title = {K}, editor = {Smith, Eve},
			booktitle = {B}, pages = {7}, publisher = {S}, year = 2015}`, "sv",
			"Doe, J. (2015). K. I E. Smith (Red.), *B* (s. 7). S."},
		{"chapter en with volume", `@incollection{bower1974, author = {Baddeley, Alan D. and Hitch, Graham}, title = {Working Memory},
			editor = {Bower, Gordon H.}, booktitle = {The Psychology of Learning and Motivation}, volume = 8, pages = {47--89},
			publisher = {Academic Press}, year = 1974}`, "en",
			"Baddeley, A. D., & Hitch, G. (1974). Working memory. In G. H. Bower (Ed.), *The psychology of learning and motivation* (Vol. 8, pp. 47–89). Academic Press."},
		{"chapter sv with edition and volume", `@incollection{k, author = {Doe, Jane}, title = {K}, editor = {Smith, Eve},
			booktitle = {B}, edition = 2, volume = {3}, pages = {7--9}, publisher = {S}, year = 2015}`, "sv",
			"Doe, J. (2015). K. I E. Smith (Red.), *B* (2:a uppl., Vol. 3, s. 7–9). S."},
		{"xampl preamble year", `@book{k, author = {Knuth, Donald E.}, title = {Seminumerical Algorithms}, publisher = {Addison-Wesley},
			year = "{\noopsort{1973a}}{\switchargs{--90}{1968}}"}`, "en",
			"Knuth, D. E. (1968). *Seminumerical algorithms*. Addison-Wesley."},
		{"thesis en", `@phdthesis{k, author = {Lindqvist, {\AA}sa}, title = {Tolerance in Rats}, school = {Lunds universitet}, year = 2015, url = {https://lup.lub.lu.se/x}}`, "en",
			"Lindqvist, Å. (2015). *Tolerance in rats* [Doctoral dissertation, Lunds universitet]. <https://lup.lub.lu.se/x>"},
		{"thesis sv", `@phdthesis{k, author = {Lindqvist, {\AA}sa}, title = {Tolerans hos r{\aa}ttor}, school = {Lunds universitet}, year = 2015}`, "sv",
			"Lindqvist, Å. (2015). *Tolerans hos råttor* [Doktorsavhandling, Lunds universitet]."},
		{"thesis with type", `@phdthesis{k, author = {Berg, Bo}, title = {T}, type = {Licentiate thesis}, school = {KTH}, year = 2015}`, "en",
			"Berg, B. (2015). *T* [Licentiate thesis, KTH]."},
		{"masters thesis sv", `@mastersthesis{k, author = {Berg, Bo}, title = {T}, school = {KTH}, year = 2015}`, "sv",
			"Berg, B. (2015). *T* [Masteruppsats, KTH]."},
		{"misc with url", `@misc{k, author = {{National Institute on Drug Abuse}}, title = {Drugs, Brains, and Behavior}, howpublished = {Online booklet}, year = 2020, url = {https://nida.nih.gov/x}}`, "en",
			"National Institute on Drug Abuse. (2020). *Drugs, brains, and behavior*. Online booklet. <https://nida.nih.gov/x>"},
		{"misc without author", `@misc{k, title = {A Glossary}, url = {https://example.org}}`, "en",
			"*A glossary*. (n.d.). <https://example.org>"},
		{"report without author sv", `@techreport{k, title = {Rapport om Tolerans}, institution = {Folkh{\"a}lsomyndigheten}, year = 2019}`, "sv",
			"*Rapport om tolerans*. (2019). Folkhälsomyndigheten."},
		{"proceedings", `@inproceedings{k, author = {Doe, J.}, title = {T}, booktitle = {Proceedings of the {Nordic} Meeting}, pages = {1--4}, year = 2019}`, "en",
			"Doe, J. (2019). T. In *Proceedings of the Nordic meeting* (pp. 1–4)."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := parseOne(t, tt.src)
			if got := markup(APA(e, tt.lang)); got != tt.want {
				t.Errorf("\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestAPARuns checks the styling itself, not only its markup: the journal
// and volume are italic, the issue is not, and the DOI is a link run.
func TestAPARuns(t *testing.T) {
	lib, err := LoadFile("testdata/neuroadaptation.bib")
	if err != nil {
		t.Fatal(err)
	}
	e, _ := lib.Lookup("koob-2009-neurocircuitry")
	want := topic.Text{
		{Text: "Koob, G. F., & Volkow, N. D. (2010). Neurocircuitry of addiction. "},
		{Text: "Neuropsychopharmacology", Style: topic.Italic},
		{Text: ", "},
		{Text: "35", Style: topic.Italic},
		{Text: "(1), 217–238. "},
		{Text: "https://doi.org/10.1038/npp.2009.110", URL: "https://doi.org/10.1038/npp.2009.110"},
	}
	got := APA(e, "en")
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("runs\n got %+v\nwant %+v", got, want)
	}
}

func TestOrdinal(t *testing.T) {
	en := map[int]string{2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd", 101: "101st"}
	sv := map[int]string{2: "2:a", 3: "3:e", 11: "11:e", 12: "12:e", 21: "21:a", 22: "22:a", 5: "5:e"}
	for n, want := range en {
		if got := ordinal(n, "en"); got != want {
			t.Errorf("ordinal(%d, en) = %q, want %q", n, got, want)
		}
	}
	for n, want := range sv {
		if got := ordinal(n, "sv"); got != want {
			t.Errorf("ordinal(%d, sv) = %q, want %q", n, got, want)
		}
	}
}
