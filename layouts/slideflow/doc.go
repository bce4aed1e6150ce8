// Package slideflow is the typesetting a slide layout written in Go needs
// to fill slides without writing its own pagination: measured boxes of
// text, a paginator that flows them into the columns of as many slides as
// they need, and the pieces that measure an entry's styled text.
//
// A layout measures its body once, as Boxes (Paragraph, LinesBox, Stack,
// or boxes of its own that say how they may be cut), then calls Paginate
// with the height of a slide's body. Each slide Paginate returns beyond
// the first is a continuation slide, which the layout titles itself (the
// built-in layouts say "… (cont.)" through locale.Continued). Nothing is
// dropped: a box that fits nowhere whole is cut between sentences, list
// items or lines. The built-in slide layouts (package deck) plan with the
// same pieces.
//
// Boxes carry the structure of what they draw: a Frame's Tag and Label
// are draft nodes (package tagtree), which the layout places on each
// slide with tagtree.Scope.Place once it knows which slide a box landed on.
package slideflow
