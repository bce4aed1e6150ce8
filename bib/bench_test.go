package bib

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// bigBib repeats the sample's entries under new keys, n times.
func bigBib(b *testing.B, n int) []byte {
	data, err := os.ReadFile("testdata/features.bib")
	if err != nil {
		b.Fatal(err)
	}
	var s strings.Builder
	for i := 0; i < n; i++ {
		s.WriteString(strings.NewReplacer("@book{", fmt.Sprintf("@book{%d-", i), "@article{", fmt.Sprintf("@article{%d-", i),
			"@misc{", fmt.Sprintf("@misc{%d-", i), "@incollection{", fmt.Sprintf("@incollection{%d-", i),
			"@inproceedings{", fmt.Sprintf("@inproceedings{%d-", i), "@phdthesis{", fmt.Sprintf("@phdthesis{%d-", i),
			"@mastersthesis{", fmt.Sprintf("@mastersthesis{%d-", i), "@techreport{", fmt.Sprintf("@techreport{%d-", i)).Replace(string(data)))
	}
	return []byte(s.String())
}

func BenchmarkParseBibTeX(b *testing.B) {
	data := bigBib(b, 100) // 1,100 entries
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := ParseBibTeX("big.bib", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAPA(b *testing.B) {
	lib, err := ParseBibTeX("big.bib", bigBib(b, 1))
	if err != nil {
		b.Fatal(err)
	}
	entries := lib.Entries()
	b.ResetTimer()
	for b.Loop() {
		for _, e := range entries {
			APA(e, "en")
		}
	}
}

func BenchmarkParseCSLJSON(b *testing.B) {
	data, err := os.ReadFile("testdata/types.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ParseCSLJSON("types.json", data); err != nil {
			b.Fatal(err)
		}
	}
}
