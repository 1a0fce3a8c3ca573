package doc

// docKind is what differs between the two documents this package reads
// and composes: the insights document (ai-insights.md: member blocks and
// the group block) and the summary (summary.md: an outline of the
// chapter's headings). Everything else — the line model, items and their
// hashes, the state comment, the merge that keeps what people wrote — is
// shared.
type docKind struct {
	// h1Blocks: an H1 heading after the title starts a block (the
	// summary's chapters); otherwise it is an item of the container it is
	// in.
	h1Blocks bool
	// rules: a thematic break separates the blocks when the document is
	// written.
	rules bool
	// blockNames names the previous document's blocks, whose state is
	// st (nil when it had none): the prefix of their sections in the
	// state, and what they are matched with the generated blocks by.
	blockNames func(bs []*block, st *State) []string
	// matches reports whether a previous block, named name, is the
	// previous version of a generated block.
	matches func(pb *block, name string, gb *genBlock) bool
	// sectionKeys returns, for the sections of a previous block named
	// prefix, the key each is matched with a generated section by and its
	// state key.
	sectionKeys func(prefix string, secs []*section, st *State) (match, state []string)
	// personalBlock reports whether a previous block without sections is
	// a person's own (kept whole) rather than one moim wrote.
	personalBlock func(b *block) bool
	// keepHeading reports whether a matched block keeps the heading it
	// has in the previous document rather than the generated one; nil
	// with trackHeadings.
	keepHeading func(pb *block, gb *genBlock) bool
	// trackHeadings: the headings of blocks and sections are moim's
	// (recorded in the state under "<key>/heading"), so a heading a person
	// changed is kept and one moim wrote follows the notes.
	trackHeadings bool
	// emptySection reports whether a previous section of a matched block
	// that moim no longer writes, and that holds nothing of a person's,
	// is dropped.
	emptySection func(gb *genBlock, ps *section) bool
}

// insightsKind is the insights document: H2 member blocks and the group
// block ("## 통합 토론 주제"), H3 sections known by their meaning (KeyFor).
var insightsKind = &docKind{
	rules: true,
	blockNames: func(bs []*block, _ *State) []string {
		out := make([]string, len(bs))
		for i, b := range bs {
			out[i] = blockName(b)
		}
		return out
	},
	matches: func(pb *block, _ string, gb *genBlock) bool {
		if isGroupBlock(pb) != gb.group {
			return false
		}
		return gb.group || (!pb.implicit && memberName(pb.heading) == gb.name)
	},
	sectionKeys: func(prefix string, secs []*section, _ *State) (match, state []string) {
		for _, s := range secs {
			key := KeyFor(s.heading)
			match = append(match, matchKeyFor(key, s.heading))
			state = append(state, StateKey(prefix, key, s.heading))
		}
		return match, state
	},
	personalBlock: func(*block) bool { return true },
	keepHeading: func(pb *block, gb *genBlock) bool {
		// The week knows no romanised name; keep the one written there.
		return !gb.group && gb.heading == gb.name && pb.heading != gb.heading
	},
	emptySection: func(gb *genBlock, ps *section) bool {
		// A member moim now writes without sections (no note this week):
		// the template's empty sections hold nothing of a person's.
		return len(gb.sections) == 0 && !gb.group && KeyFor(ps.heading) != ""
	},
}
