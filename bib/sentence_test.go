package bib

import "testing"

func TestSentenceCase(t *testing.T) {
	tests := []struct{ bibtex, want string }{
		{"Neurocircuitry of Addiction", "Neurocircuitry of addiction"},
		{"Neural Mechanisms of Addiction: The Role of Reward-Related Learning and Memory",
			"Neural mechanisms of addiction: The role of reward-related learning and memory"},
		{"Drug Addiction as a Pathology of Staged Neuroplasticity", "Drug addiction as a pathology of staged neuroplasticity"},
		{"The {DNA} of Tolerance", "The DNA of tolerance"},
		{"DNA Repair Without Braces", "DNA repair without braces"},
		{"Imaging with fMRI", "Imaging with fMRI"},
		{"fMRI Studies of Craving", "fMRI studies of craving"},
		{"What Did {Freud} Mean? A Reading", "What did Freud mean? A reading"},
		{"O'Brien Revisited", "O'Brien revisited"},
		{"{The Lancet} at 200", "The Lancet at 200"},
		{"Addiction in {S}weden", "Addiction in Sweden"},
		{"Vitamin D and a Plan A", "Vitamin D and a plan a"},
		{"Neuro-HIV and Long-Term Effects", "Neuro-HIV and long-term effects"},
		{"tolerance: a review", "Tolerance: A review"},
		{"{\\\"O}sterreich and {\\\"O}stlund", "Österreich and östlund"},
		{"ALL CAPS TITLE", "ALL CAPS TITLE"},
		{"{Sm{\\o}rrebr{\\o}d}~Eaters", "Smørrebrød\u00a0eaters"},
		{"“Quoted” Opening: “Quoted” Subtitle", "“Quoted” opening: “Quoted” subtitle"},
		{"", ""},
	}
	for _, tt := range tests {
		text, spans := decodeLaTeX(tt.bibtex)
		if got := sentenceCase(text, spans); got != tt.want {
			t.Errorf("sentenceCase(%q) = %q, want %q", tt.bibtex, got, tt.want)
		}
	}
}
