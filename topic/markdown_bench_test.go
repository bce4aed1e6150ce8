package topic

import (
	"io"
	"os"
	"testing"
)

func benchmarkReader(b *testing.B, file string, read func(string, []byte) (*Entry, error)) {
	data, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := read(file, data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadMarkdown(b *testing.B) {
	benchmarkReader(b, "../samples/ekologisk-succession.md", ReadMarkdown)
}

func BenchmarkReadPageText(b *testing.B) {
	benchmarkReader(b, "testdata/seed-page.txt", ReadPageText)
}

func BenchmarkWriteMarkdown(b *testing.B) {
	e, _ := readTestFile(b, "../samples/ekologisk-succession.md", ReadMarkdown)
	for b.Loop() {
		if err := WriteMarkdown(io.Discard, e); err != nil {
			b.Fatal(err)
		}
	}
}
