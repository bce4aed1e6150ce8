// Package safelink decides which link targets an artifact may carry. A PDF
// reader or a spreadsheet follows a link when it is clicked: javascript:
// and vbscript: run code, file: and UNC paths (\\host\share) open local or
// network files (and leak the user's credentials to the host), data: hides
// a document in the link. Such a link is dropped, its text kept.
package safelink

import "strings"

// blocked are the schemes no artifact links to.
var blocked = map[string]bool{"javascript": true, "vbscript": true, "file": true, "data": true}

// Problem returns why target must not be linked ("javascript: link", "UNC
// path"), or "" when it may be.
func Problem(target string) string {
	// Browsers and readers ignore white space and control characters
	// inside a scheme ("java\tscript:"), so the check does too.
	t := strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, target)
	if strings.HasPrefix(t, `\\`) || strings.HasPrefix(t, `/\`) || strings.HasPrefix(t, `\/`) {
		return `UNC path (\\host)`
	}
	i := strings.IndexByte(t, ':')
	if i <= 0 || strings.ContainsAny(t[:i], "/?#") {
		return ""
	}
	if scheme := strings.ToLower(t[:i]); blocked[scheme] {
		return scheme + ": link"
	}
	return ""
}

// Allowed reports whether an artifact may link to target.
func Allowed(target string) bool { return Problem(target) == "" }
