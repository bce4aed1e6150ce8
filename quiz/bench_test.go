package quiz

import (
	"io"
	"testing"
)

// BenchmarkQuiz builds the bank of every sample and held-out entry and
// writes it in each format.
func BenchmarkQuiz(b *testing.B) {
	entries := readAll(b)
	for _, f := range Formats() {
		b.Run(string(f), func(b *testing.B) {
			for b.Loop() {
				bank := Build(entries, Options{Seed: 1, IncludeExtracted: true})
				if err := bank.Write(io.Discard, WriteOptions{Format: f, Time: stamp}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
