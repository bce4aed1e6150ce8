package fonts

// Kern is the pair-kerning adjustment between left and right drawn next to
// each other in this face, in thousandths of an em (negative moves right
// closer to left). Zero when the face has no kerning for the pair.
func (f *Face) Kern(left, right rune) int {
	return 0
}
