package slideflow

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/scholargate/topicdeck/fonts"
	"github.com/scholargate/topicdeck/plan"
	"github.com/scholargate/topicdeck/textlayout"
	"github.com/scholargate/topicdeck/topic"
)

// splitExhaustive is Paragraph's Split as it was before it read the heads'
// lines off the whole paragraph's: every head of one sentence more, set
// and measured until one does not fit (setHeads, which Split still uses
// where it cannot read them). It is the oracle
// TestParagraphSplitMatchesExhaustive holds Split to.
func splitExhaustive(eng *textlayout.Engine, f Frame, sents []topic.Text, st Style, width, gutter float64, marker bool, avail float64, fresh bool) (*Box, *Box) {
	lines := Lines(eng, Spans(join(sents), st), width, gutter, st.LineHeight, textlayout.Left)
	if marker && !fresh && len(lines) <= keepBullet {
		return nil, nil
	}
	if head, k := setHeads(eng, f, sents, st, width, gutter, marker, avail); head != nil {
		return head, Paragraph(eng, f, sents[k:], st, width, gutter, false)
	}
	if byLine := LinesBox(f, lines, marker).Split; byLine != nil {
		return byLine(avail, fresh)
	}
	return nil, nil
}

// describeBox writes down what a box draws, so that two boxes compare
// equal only if they draw the same.
func describeBox(b *Box) string {
	if b == nil {
		return "nil"
	}
	var s strings.Builder
	fmt.Fprintf(&s, "h=%g above=%g minhead=%g\n", b.H, b.Above, b.MinHead)
	for _, it := range b.Draw(0, 0) {
		switch it := it.(type) {
		case *plan.Text:
			fmt.Fprintf(&s, " %g,%g w=%g h=%g kern=%v", it.X, it.Y, it.Line.Width, it.Line.Height, len(it.Line.Segments) > 0 && it.Line.Segments[0].Kern)
			for _, sg := range it.Line.Segments {
				fmt.Fprintf(&s, " [%s %g %q]", sg.Face, sg.Size, sg.Text)
			}
			s.WriteByte('\n')
		default:
			fmt.Fprintf(&s, " %T %+v\n", it, it)
		}
	}
	return s.String()
}

// TestParagraphSplitMatchesExhaustive: the split read off the paragraph's
// lines chooses the same head and tail as setting every head, for prose in
// several scripts and styles, links and long words, right-to-left text in
// a later sentence (whose paragraph is not kerned, so each head is set),
// with kerning on and off, at several widths and every height of room.
func TestParagraphSplitMatchesExhaustive(t *testing.T) {
	base := textlayout.New(fonts.Default())
	texts := []topic.Text{
		topic.Plain("Tolerance is a reduced response to a drug after repeated use. Dependence is the state in which stopping the drug produces withdrawal. Both arise from neuroadaptation, but they are not the same thing! Is sensitization the opposite? In part — it is an increased response to some effects."),
		topic.Plain("Växtsamhällen förändras över tid. Pionjärarter koloniserar bar mark först. Därefter följer konkurrensstarkare arter, och så småningom når samhället ett klimaxstadium. Störningar återställer förloppet."),
		topic.Plain("Η γεωλογία μελετά τη Γη. Οι λιθοσφαιρικές πλάκες κινούνται αργά πάνω στην ασθενόσφαιρα. Οι σεισμοί συμβαίνουν κυρίως στα όριά τους."),
		topic.Plain("认知负荷理论研究学习时的工作记忆。 内在负荷来自材料本身。 外在负荷来自教学设计。 相关负荷有助于图式的建构。"),
		topic.Plain("See https://example.org/a/very/long/path/that/goes/on/and/on/for/a/while/index.html for details. Supercalifragilisticexpialidociouslylongwordthatcannotbreakanywhere is long. Short one. Another short one. A last, somewhat longer sentence ends the paragraph."),
		{{Text: "Read "}, {Text: "the documentation", URL: "https://example.org/docs"}, {Text: " first. Then "}, {Text: "bold words", Style: topic.Bold}, {Text: " and "}, {Text: "code()", Style: topic.Code}, {Text: " follow. Italic "}, {Text: "emphasis matters", Style: topic.Italic}, {Text: ". Last sentence here."}},
		topic.Plain("English comes first here. The second sentence is also English. Then Arabic: مرحبا بالعالم. And Hebrew: שלום עולם. Back to English at the end."),
		topic.Plain("Well-known self-evident state-of-the-art results—as reported—hold. The follow-up study (2009–2014) re-examined them. AV Wa To Ty kerning pairs: AVAVAV WAWAWA. Yes."),
	}
	var sentss [][]topic.Text
	for _, tx := range texts {
		sentss = append(sentss, Sentences(tx))
	}
	// A paragraph of many short sentences, and one of a few long ones.
	var many []string
	for i := range 30 {
		many = append(many, fmt.Sprintf("Sentence %d is short.", i))
	}
	sentss = append(sentss, Sentences(topic.Plain(strings.Join(many, " "))))
	long := strings.Repeat("word ", 120)
	sentss = append(sentss, []topic.Text{topic.Plain(long + "end."), topic.Plain(long + "again."), topic.Plain("Short.")})

	cases, read := 0, 0
	for _, kerning := range []bool{true, false} {
		eng := base.WithKerning(kerning)
		for _, size := range []float64{22, 26} {
			st := Style{Font: textlayout.Font{Family: "sans", Size: size}, Mono: "mono", LineHeight: 1.3}
			for _, width := range []float64{180, 333.3, 848} {
				for _, marker := range []bool{false, true} {
					f := Frame{Above: 8, Width: width + 30}
					if marker {
						f.Pad = 5
					}
					for _, sents := range sentss {
						whole := Paragraph(eng, f, sents, st, width, 30, marker)
						if whole.Split == nil {
							continue
						}
						if headLines(eng, sents, Lines(eng, Spans(join(sents), st), width, 30, st.LineHeight, textlayout.Left)) != nil {
							read++
						}
						for avail := 0.0; avail <= whole.H+size; avail += size * 1.3 / 2 {
							for _, fresh := range []bool{true, false} {
								gh, gt := whole.Split(avail, fresh)
								wh, wt := splitExhaustive(eng, f, sents, st, width, 30, marker, avail, fresh)
								if describeBox(gh) != describeBox(wh) || describeBox(gt) != describeBox(wt) {
									t.Fatalf("kerning %v, size %g, width %g, marker %v, %q, room %g, fresh %v:\nsplit gave head\n%s\ntail\n%s\nthe exhaustive split head\n%s\ntail\n%s",
										kerning, size, width, marker, join(sents).Plain(), avail, fresh, describeBox(gh), describeBox(gt), describeBox(wh), describeBox(wt))
								}
								cases++
							}
						}
					}
				}
			}
		}
	}
	t.Logf("%d splits compared, %d paragraphs read off their lines", cases, read)
	if read == 0 {
		t.Error("no paragraph was read off its lines")
	}
}

// TestJoinedSpans: the spans Paragraph sets are those of the sentences
// joined, styles, links, code and source line breaks included.
func TestJoinedSpans(t *testing.T) {
	st := Style{Font: textlayout.Font{Family: "Sans", Size: 20}, Color: textlayout.Color{R: 30}, Link: textlayout.Color{B: 200}, Mono: "Mono", LineHeight: 1.3}
	cases := []struct {
		name  string
		sents []topic.Text
	}{
		{"none", nil},
		{"one", []topic.Text{topic.Plain("Only one.")}},
		{"plain", []topic.Text{topic.Plain("First one."), topic.Plain("Second\none."), topic.Plain("Third\tone.")}},
		{"styled", []topic.Text{
			{{Text: "Bold", Style: topic.Bold}, {Text: " and "}, {Text: "code", Style: topic.Code | topic.Italic}, {Text: "."}},
			{{Text: ""}, {Text: "A link", URL: "https://example.org", Style: topic.Italic}, {Text: " ends it."}},
		}},
		{"empty part", []topic.Text{topic.Plain("Before."), nil, topic.Plain("After.")}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, want := joinedSpans(c.sents, st), Spans(join(c.sents), st)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("joinedSpans\n%+v\nSpans of the joined text\n%+v", got, want)
			}
		})
	}
}
