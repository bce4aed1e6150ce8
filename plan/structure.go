package plan

// Role says what a part of a document is, independent of how it is drawn:
// the PDF backend turns roles into structure elements (tags), the PPTX
// backend into placeholders and shapes, the SVG backend into text a screen
// reader can follow. Layouts decide roles; backends only map them.
type Role string

// The roles a layout can give a node. The comment names the PDF structure
// type each becomes.
const (
	RoleDocument   Role = "Document"   // Document: the root
	RoleSection    Role = "Sect"       // Sect: a slide, a section of a handout
	RoleHeading    Role = "H"          // H1–H6 from Node.Level; the document title is level 1
	RoleParagraph  Role = "P"          // P
	RoleStatement  Role = "Statement"  // P: a statement box or highlighted definition
	RoleList       Role = "L"          // L
	RoleItem       Role = "LI"         // LI
	RoleLabel      Role = "Lbl"        // Lbl: a bullet, number or a concept card's term
	RoleBody       Role = "LBody"      // LBody
	RoleTable      Role = "Table"      // Table
	RoleRow        Role = "TR"         // TR
	RoleHeaderCell Role = "TH"         // TH with /Scope from Node.Scope
	RoleCell       Role = "TD"         // TD
	RoleCode       Role = "Code"       // Code
	RoleQuote      Role = "BlockQuote" // BlockQuote
	RoleFigure     Role = "Figure"     // Figure with /Alt from Node.Alt
	RoleCaption    Role = "Caption"    // Caption
	RoleReference  Role = "BibEntry"   // BibEntry: one reference of a reference list
	RoleLink       Role = "Link"       // Link: made by backends for text with a URL
	RoleSpan       Role = "Span"       // Span: inline text of its own language
	RoleDiv        Role = "Div"        // Div: a group with no meaning of its own (a card)
)

// Table header scopes.
const (
	ScopeColumn = "Column"
	ScopeRow    = "Row"
)

// Node is one element of a document's logical structure. Its Kids are in
// reading order, which need not be drawing order. Drawn items point at the
// node they belong to (their Tag); an item without a Tag is an artifact:
// decoration, a rule, a footer, a page number, note lines.
type Node struct {
	Role  Role
	Level int    // heading level, 1–6
	Alt   string // a figure's alternative text
	Scope string // a header cell's scope: ScopeColumn or ScopeRow
	Lang  string // BCP 47, when it differs from the document's
	// Label says what the node holds, for tests and backends that name
	// shapes ("Key concepts", "Slide 3"); it is not drawn.
	Label  string
	Parent *Node
	Kids   []*Node
}

// NewRoot returns the root of a document's structure.
func NewRoot() *Node { return &Node{Role: RoleDocument} }

// Add appends a new child of the given role and returns it.
func (n *Node) Add(role Role) *Node {
	k := &Node{Role: role, Parent: n}
	n.Kids = append(n.Kids, k)
	return k
}

// AddHeading appends a heading of the given level (1–6).
func (n *Node) AddHeading(level int) *Node {
	k := n.Add(RoleHeading)
	k.Level = max(1, min(level, 6))
	return k
}

// Walk calls fn for n and every node below it, in reading order, stopping
// early (and returning false) when fn returns false.
func (n *Node) Walk(fn func(*Node) bool) bool {
	if !fn(n) {
		return false
	}
	for _, k := range n.Kids {
		if !k.Walk(fn) {
			return false
		}
	}
	return true
}

// First returns the first node of the role at or below n, in reading
// order, or nil: a page's first heading is its title.
func (n *Node) First(role Role) *Node {
	var found *Node
	n.Walk(func(k *Node) bool {
		if k.Role == role {
			found = k
			return false
		}
		return true
	})
	return found
}

// Within reports whether n is anc or lies below it.
func (n *Node) Within(anc *Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p == anc {
			return true
		}
	}
	return false
}
