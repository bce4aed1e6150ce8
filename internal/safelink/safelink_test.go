package safelink

import "testing"

func TestProblem(t *testing.T) {
	tests := []struct{ target, want string }{
		{"https://example.org/a?b=c:d", ""},
		{"http://x", ""},
		{"mailto:a@b.org", ""},
		{"#section", ""},
		{"page.html", ""},
		{"dir/a:b", ""},
		{"javascript:alert(1)", "javascript: link"},
		{" JavaScript:alert(1)", "javascript: link"},
		{"java\tscript:alert(1)", "javascript: link"},
		{"vbscript:msgbox", "vbscript: link"},
		{"file:///etc/passwd", "file: link"},
		{"FILE://host/share", "file: link"},
		{"data:text/html;base64,PHNjcmlwdD4=", "data: link"},
		{`\\attacker\share\x`, `UNC path (\\host)`},
		{`/\attacker\share`, `UNC path (\\host)`},
	}
	for _, tt := range tests {
		if got := Problem(tt.target); got != tt.want {
			t.Errorf("Problem(%q) = %q, want %q", tt.target, got, tt.want)
		}
		if Allowed(tt.target) != (tt.want == "") {
			t.Errorf("Allowed(%q) disagrees with Problem", tt.target)
		}
	}
}
