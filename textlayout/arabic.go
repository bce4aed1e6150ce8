package textlayout

// Arabic letters change shape with their neighbours. The PDF backend draws one
// glyph per character with no shaping engine, so text is shaped here into the
// Unicode presentation forms (which DejaVu Sans carries): measuring uses
// their widths, and the PDF backend draws them, through ArabicForms.

// arabicForm lists a letter's presentation forms: isolated, final, initial,
// medial. Right-joining letters (alef, dal, reh, waw…) have no initial or
// medial form (0).
type arabicForm [4]rune

// arabicForms covers U+0621..U+064A.
var arabicForms = map[rune]arabicForm{
	0x0621: {0xFE80, 0, 0, 0},
	0x0622: {0xFE81, 0xFE82, 0, 0},
	0x0623: {0xFE83, 0xFE84, 0, 0},
	0x0624: {0xFE85, 0xFE86, 0, 0},
	0x0625: {0xFE87, 0xFE88, 0, 0},
	0x0626: {0xFE89, 0xFE8A, 0xFE8B, 0xFE8C},
	0x0627: {0xFE8D, 0xFE8E, 0, 0},
	0x0628: {0xFE8F, 0xFE90, 0xFE91, 0xFE92},
	0x0629: {0xFE93, 0xFE94, 0, 0},
	0x062A: {0xFE95, 0xFE96, 0xFE97, 0xFE98},
	0x062B: {0xFE99, 0xFE9A, 0xFE9B, 0xFE9C},
	0x062C: {0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0},
	0x062D: {0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4},
	0x062E: {0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8},
	0x062F: {0xFEA9, 0xFEAA, 0, 0},
	0x0630: {0xFEAB, 0xFEAC, 0, 0},
	0x0631: {0xFEAD, 0xFEAE, 0, 0},
	0x0632: {0xFEAF, 0xFEB0, 0, 0},
	0x0633: {0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4},
	0x0634: {0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8},
	0x0635: {0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC},
	0x0636: {0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0},
	0x0637: {0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4},
	0x0638: {0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8},
	0x0639: {0xFEC9, 0xFECA, 0xFECB, 0xFECC},
	0x063A: {0xFECD, 0xFECE, 0xFECF, 0xFED0},
	0x0640: {0x0640, 0x0640, 0x0640, 0x0640}, // tatweel joins, keeps its shape
	0x0641: {0xFED1, 0xFED2, 0xFED3, 0xFED4},
	0x0642: {0xFED5, 0xFED6, 0xFED7, 0xFED8},
	0x0643: {0xFED9, 0xFEDA, 0xFEDB, 0xFEDC},
	0x0644: {0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0},
	0x0645: {0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4},
	0x0646: {0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8},
	0x0647: {0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC},
	0x0648: {0xFEED, 0xFEEE, 0, 0},
	0x0649: {0xFEEF, 0xFEF0, 0, 0},
	0x064A: {0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4},
}

// lamAlef maps the alef after a lam to the ligature's isolated form (the
// final form follows it).
var lamAlef = map[rune]rune{0x0622: 0xFEF5, 0x0623: 0xFEF7, 0x0625: 0xFEF9, 0x0627: 0xFEFB}

const lam = 0x0644

// isArabicMark reports harakat and other marks that do not interrupt
// joining.
func isArabicMark(r rune) bool {
	return r >= 0x064B && r <= 0x065F || r == 0x0670
}

// joinsNext reports whether a letter connects to the letter after it.
func joinsNext(r rune) bool {
	f, ok := arabicForms[r]
	return ok && f[2] != 0
}

// HasArabic reports whether rs contains a letter ArabicForms would shape.
func HasArabic(rs []rune) bool {
	for _, r := range rs {
		if r >= 0x0621 && r <= 0x064A {
			return true
		}
	}
	return false
}

func hasArabicString(s string) bool {
	for _, r := range s {
		if r >= 0x0621 && r <= 0x064A {
			return true
		}
	}
	return false
}

// ArabicForms returns rs with every Arabic letter replaced by its
// contextual presentation form, lam followed by alef replaced by their
// ligature (the alef then becomes 0: it is drawn as part of the lam), and
// everything else unchanged. has(i, form) reports whether the face that
// draws rs[i] has form; when it does not, rs[i] keeps its plain shape.
// Measuring and drawing call it on the same text so they agree.
func ArabicForms(rs []rune, has func(i int, form rune) bool) []rune {
	out := make([]rune, len(rs))
	copy(out, rs)
	prev := -1 // index of the previous letter, skipping marks
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if isArabicMark(r) {
			continue
		}
		forms, ok := arabicForms[r]
		if !ok {
			prev = -1
			continue
		}
		joinPrev := prev >= 0 && joinsNext(rs[prev])
		next := i + 1
		for next < len(rs) && isArabicMark(rs[next]) {
			next++
		}
		nf, ok := arabicForms[safeAt(rs, next)]
		nextLetter := ok && nf[1] != 0 // hamza joins nothing
		if r == lam && next < len(rs) {
			if lig, ok := lamAlef[rs[next]]; ok {
				if joinPrev {
					lig++
				}
				if has(i, lig) {
					out[i], out[next] = lig, 0
					prev = next
					i = next
					continue
				}
			}
		}
		k := 0 // isolated
		switch joinNext := forms[2] != 0 && nextLetter; {
		case joinPrev && joinNext:
			k = 3
		case joinPrev:
			k = 1
		case joinNext:
			k = 2
		}
		if f := forms[k]; f != 0 && has(i, f) {
			out[i] = f
		}
		prev = i
	}
	return out
}

func safeAt(rs []rune, i int) rune {
	if i < len(rs) {
		return rs[i]
	}
	return 0
}
