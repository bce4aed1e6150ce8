// Package synth writes realistic synthetic topic entries for tests and
// benchmarks: Markdown entries with the shape of real ScholarGate pages
// (3–12 core questions, 5–30 key concepts, long prose, theories, debates,
// FAQ, seminal works cited from a shared bibliography), some of them in
// Swedish. The same seed always gives the same bytes, so a benchmark run
// can be repeated and compared.
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/scholargate/topicdeck/topic"
)

// Options shape a generated catalogue. The zero value gives the realistic
// mix the benchmarks use.
type Options struct {
	// Seed picks the catalogue; the same seed gives the same files.
	Seed uint64
	// SwedishEvery makes every n-th entry Swedish; 0 means every fifth.
	SwedishEvery int
	// Small makes short entries (a few sentences a section) for tests that
	// need many entries but not the cost of long ones.
	Small bool
}

// BibFile is the name of the shared bibliography WriteDir writes beside the
// entries; about half of the entries cite keys from it.
const BibFile = "course.bib"

// WriteDir writes n entries and the shared bibliography into dir (created
// if needed) and returns the entry paths in the order written.
func WriteDir(dir string, n int, opt Options) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, BibFile), Bibliography(opt.Seed), 0o644); err != nil {
		return nil, err
	}
	paths := make([]string, 0, n)
	for i := range n {
		name, data := Entry(i, opt)
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// Entry returns the file name and Markdown of the i-th entry of the
// catalogue. Each entry draws from its own random stream (seed, i), so
// entry i is the same whatever n is.
func Entry(i int, opt Options) (name string, data []byte) {
	r := rand.New(rand.NewPCG(opt.Seed, uint64(i)+1))
	every := opt.SwedishEvery
	if every <= 0 {
		every = 5
	}
	g := &gen{r: r, small: opt.Small, seed: opt.Seed}
	g.lang = "en"
	g.words, g.heads = english, headingsEN
	if i%every == every-1 {
		g.lang = "sv"
		g.words, g.heads = swedish, headingsSV
	}
	title := g.title()
	slug := fmt.Sprintf("%s-%04d", topic.Slugify(title), i)
	g.entry(title, slug, i)
	return slug + ".md", []byte(g.b.String())
}

// gen writes one entry.
type gen struct {
	r     *rand.Rand
	b     strings.Builder
	lang  string
	words []string
	heads map[string]string
	small bool
	seed  uint64
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// between returns a number in [lo, hi].
func (g *gen) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

func (g *gen) line(format string, args ...any) {
	fmt.Fprintf(&g.b, format, args...)
	g.b.WriteByte('\n')
}

func capitalize(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}

func (g *gen) title() string {
	n := g.between(2, 4)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = g.pick(g.words)
	}
	return capitalize(strings.Join(parts, " "))
}

// term is a key concept's name: one to three words, so short terms recur
// across entries and the course glossary has merging to do.
func (g *gen) term() string {
	n := g.between(1, 3)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = g.pick(g.words[:80])
	}
	return capitalize(strings.Join(parts, " "))
}

// sentence is 8–26 words with the occasional comma and inline style.
func (g *gen) sentence(end string) string {
	n := g.between(8, 26)
	var b strings.Builder
	for i := range n {
		w := g.pick(g.words)
		if i == 0 {
			w = capitalize(w)
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		switch k := g.r.IntN(40); {
		case k == 0 && i > 0:
			w = "**" + w + "**"
		case k == 1 && i > 0:
			w = "*" + w + "*"
		}
		b.WriteString(w)
		if i > 2 && i < n-2 && g.r.IntN(9) == 0 {
			b.WriteByte(',')
		}
	}
	b.WriteString(end)
	return b.String()
}

func (g *gen) paragraph(lo, hi int) string {
	if g.small {
		lo, hi = 1, 2
	}
	n := g.between(lo, hi)
	s := make([]string, n)
	for i := range s {
		s[i] = g.sentence(".")
	}
	return strings.Join(s, " ")
}

func (g *gen) prose(lo, hi int) {
	if g.small {
		lo, hi = 1, 1
	}
	for range g.between(lo, hi) {
		g.line("%s", g.paragraph(3, 7))
		g.line("")
	}
}

func (g *gen) heading(key string) {
	g.line("## %s", g.heads[key])
	g.line("")
}

// proseSection writes the section key with lo to hi paragraphs.
func (g *gen) proseSection(key string, lo, hi int) {
	g.heading(key)
	g.prose(lo, hi)
}

// listSection writes the section key as a list of lo to hi items.
func (g *gen) listSection(key string, lo, hi int, item func() string) {
	g.heading(key)
	for range g.between(lo, hi) {
		g.line("- %s", item())
	}
	g.line("")
}

// titledSection writes the section key as lo to hi titled items, each
// with 1 to maxParas paragraphs.
func (g *gen) titledSection(key string, lo, hi int, title func() string, maxParas int) {
	g.heading(key)
	for range g.between(lo, hi) {
		g.line("### %s", title())
		g.line("")
		g.prose(1, maxParas)
	}
}

func (g *gen) entry(title, slug string, i int) {
	g.line("---")
	g.line("title: %s", title)
	g.line("slug: %s", slug)
	g.line("subject: %s", capitalize(g.pick(g.words))+" "+g.pick(g.words))
	g.line("lang: %s", g.lang)
	g.line("authors:")
	for range g.between(1, 3) {
		g.line("  - %s %s", g.pick(given), g.pick(family))
	}
	g.line("updated: 2025-%02d-%02d", g.between(1, 12), g.between(1, 28))
	cites := i%2 == 0
	if cites {
		g.line("bibliography: %s", BibFile)
	}
	g.line("---")
	g.line("")
	g.line("# %s", title)
	g.line("")
	g.prose(1, 2)

	question := func() string { return g.sentence("?") }
	g.proseSection("definition", 1, 2)
	g.proseSection("scope", 1, 1)
	g.listSection("core_questions", 3, 12, question)

	g.heading("key_concepts")
	n := g.between(5, 30)
	if g.small {
		n = g.between(5, 8)
	}
	seen := map[string]bool{}
	for range n {
		t := g.term()
		if seen[strings.ToLower(t)] {
			continue
		}
		seen[strings.ToLower(t)] = true
		if g.r.IntN(4) == 0 {
			g.line("- %s", t)
		} else {
			g.line("- **%s**: %s", t, lowerFirst(g.sentence(".")))
		}
	}
	g.line("")

	g.titledSection("key_theories", 1, 4, g.title, 2)
	g.proseSection("mechanisms", 2, 5)
	g.proseSection("relevance", 1, 2)
	g.proseSection("history", 1, 3)
	g.titledSection("debates", 1, 3, question, 1)
	g.listSection("key_figures", 2, 6, func() string { return g.pick(given) + " " + g.pick(family) })

	g.listSection("seminal_works", 1, 4, func() string {
		if cites {
			return bibKey(g.r.IntN(bibSize), g.seed)
		}
		return fmt.Sprintf("%s %s (%d). %s.", g.pick(family), string(g.pick(given)[0])+".", g.between(1950, 2024), capitalize(g.pick(g.words)+" "+g.pick(g.words)))
	})

	g.titledSection("faq", 1, 4, question, 1)
}

// bibSize is the number of works in the shared bibliography.
const bibSize = 40

func bibKey(i int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 1<<40+uint64(i)))
	return fmt.Sprintf("%s-%d-%s", strings.ToLower(family[r.IntN(len(family))]), 1960+r.IntN(64), english[r.IntN(len(english))])
}

// Bibliography returns the shared BibTeX file the citing entries use.
func Bibliography(seed uint64) []byte {
	var b strings.Builder
	seen := map[string]bool{}
	for i := range bibSize {
		key := bibKey(i, seed)
		if seen[key] {
			continue
		}
		seen[key] = true
		r := rand.New(rand.NewPCG(seed, 1<<41+uint64(i)))
		fmt.Fprintf(&b, "@article{%s,\n", key)
		fmt.Fprintf(&b, "  author = {%s, %s and %s, %s},\n", family[r.IntN(len(family))], given[r.IntN(len(given))], family[r.IntN(len(family))], given[r.IntN(len(given))])
		fmt.Fprintf(&b, "  title = {%s of %s in %s},\n", capitalize(english[r.IntN(len(english))]), english[r.IntN(len(english))], english[r.IntN(len(english))])
		fmt.Fprintf(&b, "  journal = {Journal of %s},\n", capitalize(english[r.IntN(len(english))]))
		fmt.Fprintf(&b, "  year = {%s},\n  volume = {%d},\n  pages = {%d--%d},\n}\n\n", strings.Split(key, "-")[1], 1+r.IntN(60), 10+r.IntN(100), 120+r.IntN(200))
	}
	return []byte(b.String())
}

var headingsEN = map[string]string{
	"definition": "Definition", "scope": "Scope", "core_questions": "Core questions",
	"key_concepts": "Key concepts", "key_theories": "Key theories", "mechanisms": "Mechanisms",
	"relevance": "Clinical relevance", "history": "History", "debates": "Debates",
	"key_figures": "Key figures", "seminal_works": "Seminal works", "faq": "Frequently asked questions",
}

var headingsSV = map[string]string{
	"definition": "Definition", "scope": "Omfattning", "core_questions": "Kärnfrågor",
	"key_concepts": "Nyckelbegrepp", "key_theories": "Nyckelteorier", "mechanisms": "Mekanismer",
	"relevance": "Klinisk relevans", "history": "Historia", "debates": "Debatter",
	"key_figures": "Nyckelpersoner", "seminal_works": "Centrala verk", "faq": "Vanliga frågor",
}

var given = []string{
	"Anna", "Björn", "Clara", "David", "Elif", "Fatima", "George", "Hannah", "Ingrid", "Jonas",
	"Karin", "Lars", "Maja", "Nils", "Olga", "Per", "Rania", "Sven", "Tove", "Ulla", "Wei", "Åsa", "Örjan",
}

var family = []string{
	"Andersson", "Berg", "Chen", "Dahl", "Eriksson", "Fischer", "Garcia", "Holm", "Ivanova", "Johansson",
	"Koob", "Lindqvist", "Moreau", "Nyström", "Okafor", "Petersen", "Quist", "Rossi", "Sweller", "Tanaka",
	"Volkow", "Wallin", "Yilmaz", "Åberg", "Öberg",
}

// english and swedish are academic vocabulary; the first 80 of each are
// nouns the concept names are made of.
var english = strings.Fields(`
memory attention plasticity receptor synapse tolerance dependence reward circuit signal
learning schema load capacity instruction feedback practice retrieval transfer expertise
succession habitat species community ecosystem disturbance soil nutrient canopy dispersal
plate mantle crust subduction rift volcano earthquake magma ridge boundary
motivation emotion cognition perception language development identity culture society policy
evidence method model theory hypothesis variable sample measure outcome effect
pathway neuron dopamine cortex amygdala stress withdrawal craving relapse adaptation
network population gradient threshold equilibrium resilience diversity competition predation mutualism
the of and in to a is that for on with as by from at which be this are or an can into across
between within under over through during after before while because although however therefore
long-term repeated gradual rapid complex simple active passive early late primary secondary
structural functional molecular cellular behavioural environmental social cognitive clinical empirical
explains predicts shapes reduces increases depends reflects supports challenges describes
students researchers teachers clinicians patients communities regions systems processes conditions
`)

var swedish = strings.Fields(`
minne uppmärksamhet plasticitet receptor synaps tolerans beroende belöning krets signal
inlärning schema belastning kapacitet undervisning återkoppling övning framplockning överföring expertis
succession livsmiljö art samhälle ekosystem störning jord näring krontak spridning
platta mantel jordskorpa subduktion spricka vulkan jordbävning magma rygg gräns
motivation känsla kognition perception språk utveckling identitet kultur förändring politik
belägg metod modell teori hypotes variabel urval mått utfall effekt
bana nervcell dopamin hjärnbark amygdala stress abstinens sug återfall anpassning
nätverk population gradient tröskel jämvikt motståndskraft mångfald konkurrens predation mutualism
och i att en ett som är för på med av till från vid vilken kan inom mellan under över genom
efter före medan eftersom även därför dock både eller när där hur
långsiktig upprepad gradvis snabb komplex enkel aktiv passiv tidig sen primär sekundär
strukturell funktionell molekylär cellulär miljömässig social kognitiv klinisk empirisk
förklarar förutsäger formar minskar ökar beror speglar stödjer utmanar beskriver
studenter forskare lärare kliniker patienter kommuner regioner system processer förhållanden
skogsbrand älvdal fjällbjörk sjöstrand ängsmark åker hägg ört örnbräken
`)
