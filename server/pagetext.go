package server

import (
	"net/http"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scholargate/topicdeck/layouts"
)

// pageLangs are the languages the page is written in, English first: it
// is the fallback when a browser asks for neither.
var pageLangs = []string{"en", "sv"}

// pageLang picks the page's language: the hl parameter (the page's own
// language switch, carried in its links) when it names one, else the
// first language of Accept-Language the page has, else English. hl is
// not lang: lang changes a deck's labels, and a download keeps its
// topic's language whatever the page reads in.
func pageLang(r *http.Request) string {
	if hl := r.URL.Query().Get("hl"); hl != "" {
		for _, l := range pageLangs {
			if hl == l {
				return l
			}
		}
	}
	type pref struct {
		lang string
		q    float64
	}
	var prefs []pref
	for i, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		if i >= 32 {
			break // a header of hundreds of tags is not a browser's
		}
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		base, _, _ := strings.Cut(strings.ToLower(tag), "-")
		prefs = append(prefs, pref{base, q})
	}
	sort.SliceStable(prefs, func(i, j int) bool { return prefs[i].q > prefs[j].q })
	for _, p := range prefs {
		for _, l := range pageLangs {
			if p.lang == l && p.q > 0 {
				return l
			}
		}
	}
	return pageLangs[0]
}

// pageText is every fixed string of the index and topic pages, by key,
// in each page language. Swedish must hold every key: a test checks it.
var pageText = map[string]map[string]string{
	"en": {
		"title":          "Topics",
		"skip":           "Skip to the topics",
		"skipSlides":     "Skip to the slides",
		"intro":          "Download a topic as slides, a handout to print, a glossary spreadsheet or a quiz for Moodle or Canvas. Every file is made from the topic’s text when you ask for it.",
		"switch":         "På svenska",
		"switchLang":     "sv",
		"course":         "The whole course",
		"courseGlossary": "Glossary of all topics (spreadsheet)",
		"courseMoodle":   "Quiz of all topics for Moodle",
		"courseGIFT":     "Quiz of all topics as GIFT text",
		"courseQTI":      "Quiz of all topics for Canvas (QTI)",
		"find":           "Find a topic",
		"findHint":       "Words from a title, subject or summary",
		"search":         "Search",
		"showAll":        "Show all topics",
		"shown":          "%d of %d topics",
		"noMatch":        "No topic matches your search.",
		"noTopics":       "The folder holds no topics yet.",
		"otherSubject":   "Other topics",
		"problems":       "Files that could not be read",
		"open":           "Previews and all downloads",
		"downloadSlides": "Download slideshow",
		"titleSlideOf":   "Title slide of %s",
		"allTopics":      "All topics",
		"slides":         "Slides",
		"design":         "Slide design",
		"shape":          "Shape",
		"wide":           "16:9 (wide screen)",
		"classic":        "4:3 (classic projector)",
		"show":           "Show these slides",
		"slideCount":     "%d slides",
		"slideCount1":    "1 slide",
		"pageCount":      "%d pages",
		"pageCount1":     "1 page",
		"slideAlt":       "Slide %d of %d: %s",
		"firstPageAlt":   "First page of %s: %s",
		"handouts":       "Handouts to print",
		"paper":          "Paper",
		"showPaper":      "Show on this paper",
		"download":       "Download",
		"more":           "Glossary, quiz and text",
		"glossary":       "Glossary (spreadsheet)",
		"moodle":         "Quiz for Moodle",
		"gift":           "Quiz as GIFT text",
		"qti":            "Quiz for Canvas (QTI)",
		"json":           "The topic’s text as JSON",
		"upload":         "Make files from your own topic",
		"uploadIntro":    "Send a topic file (Markdown, JSON, YAML or page text, up to %d KiB) to get its files back. Nothing you send is kept.",
		"uploadFile":     "Topic file",
		"drop":           "or drop the file on this box",
		"uploadShape":    "Slide shape",
		"uploadSlides":   "Slideshow",
		"powerpoint":     "PowerPoint",
		"editable":       "editable slides",
		"uploadHandout":  "Handout",
		"uploadGlossary": "Glossary",
		"uploadError":    "The file could not be read",
		"uploadFix":      "Correct the file and send it again.",
		"status":         "Service status",
		"previews":       "Previews of the slides",
		"kb":             "kB",
		"mb":             "MB",
	},
	"sv": {
		"title":          "Ämnen",
		"skip":           "Hoppa till ämnena",
		"skipSlides":     "Hoppa till bildspelet",
		"intro":          "Ladda ner ett ämne som bildspel, åhörarmaterial att skriva ut, en ordlista i kalkylark eller ett quiz för Moodle eller Canvas. Varje fil görs av ämnets text när du ber om den.",
		"switch":         "In English",
		"switchLang":     "en",
		"course":         "Hela kursen",
		"courseGlossary": "Ordlista över alla ämnen (kalkylark)",
		"courseMoodle":   "Quiz över alla ämnen för Moodle",
		"courseGIFT":     "Quiz över alla ämnen som GIFT-text",
		"courseQTI":      "Quiz över alla ämnen för Canvas (QTI)",
		"find":           "Hitta ett ämne",
		"findHint":       "Ord ur en titel, ett ämnesområde eller en sammanfattning",
		"search":         "Sök",
		"showAll":        "Visa alla ämnen",
		"shown":          "%d av %d ämnen",
		"noMatch":        "Inget ämne matchar sökningen.",
		"noTopics":       "Mappen har inga ämnen ännu.",
		"otherSubject":   "Övriga ämnen",
		"problems":       "Filer som inte kunde läsas",
		"open":           "Förhandsvisning och alla nedladdningar",
		"downloadSlides": "Ladda ner bildspel",
		"titleSlideOf":   "Titelbild för %s",
		"allTopics":      "Alla ämnen",
		"slides":         "Bildspel",
		"design":         "Bildspelets utseende",
		"shape":          "Format",
		"wide":           "16:9 (bredbild)",
		"classic":        "4:3 (äldre projektor)",
		"show":           "Visa de här bilderna",
		"slideCount":     "%d bilder",
		"slideCount1":    "1 bild",
		"pageCount":      "%d sidor",
		"pageCount1":     "1 sida",
		"slideAlt":       "Bild %d av %d: %s",
		"firstPageAlt":   "Första sidan av %s: %s",
		"handouts":       "Åhörarmaterial att skriva ut",
		"paper":          "Papper",
		"showPaper":      "Visa på det här pappret",
		"download":       "Ladda ner",
		"more":           "Ordlista, quiz och text",
		"glossary":       "Ordlista (kalkylark)",
		"moodle":         "Quiz för Moodle",
		"gift":           "Quiz som GIFT-text",
		"qti":            "Quiz för Canvas (QTI)",
		"json":           "Ämnets text som JSON",
		"upload":         "Gör filer av ditt eget ämne",
		"uploadIntro":    "Skicka en ämnesfil (Markdown, JSON, YAML eller sidtext, högst %d KiB) och få tillbaka dess filer. Inget du skickar sparas.",
		"uploadFile":     "Ämnesfil",
		"drop":           "eller släpp filen på den här rutan",
		"uploadShape":    "Bildformat",
		"uploadSlides":   "Bildspel",
		"powerpoint":     "PowerPoint",
		"editable":       "redigerbara bilder",
		"uploadHandout":  "Åhörarmaterial",
		"uploadGlossary": "Ordlista",
		"uploadError":    "Filen kunde inte läsas",
		"uploadFix":      "Rätta filen och skicka den igen.",
		"status":         "Tjänstens status",
		"previews":       "Förhandsvisning av bilderna",
		"kb":             "kB",
		"mb":             "MB",
	},
}

// layoutText is the Swedish of the built-in layouts' descriptions, as
// "label: details" like the registered English ones. A layout missing
// here (a layout file, a new layout) shows its registered description.
var layoutText = map[string]map[string]string{
	"sv": {
		"lecture":  "Föreläsningsbilder: ett bildspel att visa, planerat efter vad varje avsnitt betyder (standard)",
		"contrast": "Bilder med hög kontrast: ljus text på mörk botten, minst 7:1 i kontrast, för mörka salar och svaga projektorer",
		"minimal":  "Enkla bilder: svart på vitt, utan utsmyckning",
		"cornell":  "Cornellanteckningar: en kolumn för stödord, linjerat utrymme för anteckningar efter avsnitten, en ruta för sammanfattning",
		"guided":   "Ifyllnadsanteckningar med facit: texten med nyckelbegreppen som numrerade luckor att fylla i",
		"notes":    "Talarmanus: en bild per sida med ämnets hela text för den under",
		"reader":   "Studiehandledning: hela ämnet att läsa, definitionen inramad, ordlista, frågor och svar, referenser",
		"slides-1": "1 bild per sida, med rader för anteckningar: linjerade rader under bilden",
		"slides-2": "2 bilder per sida: bilderna utskrivna små, 2 per ark",
		"slides-3": "3 bilder per sida, med rader för anteckningar: linjerade rader bredvid varje bild",
		"slides-4": "4 bilder per sida: bilderna utskrivna små, 4 per ark",
		"slides-6": "6 bilder per sida: bilderna utskrivna små, 6 per ark",
		"slides-9": "9 bilder per sida: bilderna utskrivna små, 9 per ark",
	},
}

// layoutLabel splits a layout's description, in the page's language,
// into the label a button shows and the details beside it.
func layoutLabel(lang string, in layouts.Info) (label, details string) {
	d := in.Description
	if t, ok := layoutText[lang][in.Name]; ok {
		d = t
	}
	label, details, _ = strings.Cut(d, ": ")
	label = strings.TrimSpace(label)
	if label == "" {
		label = in.Name
	}
	// A description in lower case ("department house style") still
	// starts a button with a capital.
	return capital(label), capital(strings.TrimSpace(details))
}

// capital starts s with a capital letter.
func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// fileSize says how large a file is, in the page's language: kB below a
// megabyte, with a decimal comma in Swedish.
func fileSize(lang string, n int) string {
	t := pageText[lang]
	var s string
	if n < 1000*1000 {
		s = strconv.Itoa(max(1, (n+500)/1000)) + " " + t["kb"]
	} else {
		s = strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64) + " " + t["mb"]
	}
	if lang == "sv" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
