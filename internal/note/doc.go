// Package note parses a member's study note (markdown, Notion export, blog
// HTML pasted into markdown) into one document model whose every block and
// sentence keeps the line number it came from.
//
// Parsing never fails: any byte sequence gives a Document. Only decoding
// (see Decode) reports errors, for files that are binary or in an unknown
// encoding.
package note
