// Package exporter is topicdeck's public API: it turns a topic entry and a
// layout into files (Slides, Handout, Glossary, Build). The CLI is a thin
// shell over it; a Go program can call it the same way.
package exporter

// Version is topicdeck's version, printed by --version and written into
// every artifact's metadata (Creator).
const Version = "0.1.0"

// Creator is the PDF/XLSX creator string.
const Creator = "topicdeck " + Version
