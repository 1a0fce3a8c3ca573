package insight

import "strings"

// Section keys: the canonical meaning of a template section, independent of
// the heading's wording.
const (
	KeySummary     = "summary"     // 전체적인 작성 내용 요약
	KeyInsights    = "insights"    // 핵심 인사이트
	KeyPerspective = "perspective" // 독특한 관점 또는 흥미로운 발견
	KeyPractical   = "practical"   // 실무 적용 아이디어
	KeyStudy       = "study"       // 추가 학습이 필요한 부분
	KeyCorrections = "corrections" // 오개념 정리
	KeyCommon      = "common"      // 공통 질문
	KeyDebate      = "debate"      // 심화 토론
	KeyNext        = "next"        // 다음 주차 연결 포인트
)

// Section kinds decide how a section is rendered.
const (
	KindBullets   = "bullets"
	KindParagraph = "paragraph"
	KindTable     = "table"
	// KindOutline is a section of a summary's outline: its items are
	// written as they are (bullets, paragraphs, code, tables).
	KindOutline = "outline"
)

// Source points at the line of a note a bullet was taken from.
type Source struct {
	// File is the note's path relative to the repository root, slash-separated.
	File string `json:"file"`
	// Line is the 1-based line number in the file.
	Line int `json:"line"`
	// Member is the name of the member whose note this is.
	Member string `json:"member,omitempty"`
	// Quote is the sentence (or part of it) the bullet rests on.
	Quote string `json:"quote,omitempty"`
}

// Bullet is one generated line of a section.
type Bullet struct {
	// Head is the short bold headline ("**자기 지도 학습**: ..."); may be empty.
	Head string `json:"head,omitempty"`
	// Text is the body of the bullet, plain text (inline markdown allowed).
	Text string `json:"text"`
	// Sources are the note lines the bullet rests on; never empty for
	// bullets derived from notes.
	Sources []Source `json:"sources"`
	// Engine names what produced the bullet: "offline" or a model name,
	// or "offline-fallback" when an LLM section fell back.
	Engine string `json:"engine"`
}

// Markdown renders the bullet's content without the list marker.
func (b Bullet) Markdown() string {
	text := strings.TrimSpace(b.Text)
	if b.Head == "" {
		return text
	}
	if text == "" {
		return "**" + b.Head + "**"
	}
	return "**" + b.Head + "**: " + text
}

// Row is one row of the 오개념 정리 table.
type Row struct {
	Written    string   `json:"written"`
	Correction string   `json:"correction"`
	Remark     string   `json:"remark"`
	Sources    []Source `json:"sources,omitempty"`
	Engine     string   `json:"engine,omitempty"`
}

// Section is one filled template section.
type Section struct {
	Key     string   `json:"key"`
	Heading string   `json:"heading"`
	Kind    string   `json:"kind"`
	Bullets []Bullet `json:"bullets,omitempty"`
	Rows    []Row    `json:"rows,omitempty"`
	// Notice is a single plain line shown when the section has no content
	// of its own (e.g. no note submitted, no automatic review done).
	Notice string `json:"notice,omitempty"`
	// Engine, set by LLM engines, says what filled the section: the model
	// (its bullets, or its notice when it verified nothing of this kind)
	// or "offline-fallback" (the offline engine's, when the model's answer
	// could not be had).
	Engine string `json:"engine,omitempty"`
}

// Member is one member's block of the document.
type Member struct {
	Name  string `json:"name"`
	Roman string `json:"roman,omitempty"`
	// Note is the note's path relative to the repository, empty when the
	// member submitted none this week.
	Note      string    `json:"note,omitempty"`
	Submitted bool      `json:"submitted"`
	Style     string    `json:"style,omitempty"`
	Sections  []Section `json:"sections"`
	// Notice is the one line that stands for the member's whole block when
	// there are no sections (no note submitted this week).
	Notice string `json:"notice,omitempty"`
}

// Heading is the member heading text: "박지민 (Park Ji-Min)".
func (m Member) Heading() string {
	if m.Roman == "" {
		return m.Name
	}
	return m.Name + " (" + m.Roman + ")"
}

// Week is the whole generated document of one week.
type Week struct {
	// Track is the study the week belongs to in a repository with several.
	Track  string `json:"track,omitempty"`
	Number int    `json:"number"`
	Title  string `json:"title"`
	// Dir is the week folder relative to the repository root.
	Dir string `json:"dir"`
	// Output is the document's path relative to the repository root.
	Output  string    `json:"output"`
	Members []Member  `json:"members"`
	Group   []Section `json:"group"`
	Engine  string    `json:"engine"`
	// InputHash identifies the notes (by content) the document was made
	// from; moim check compares it with the notes on disk.
	InputHash string   `json:"input_hash"`
	Warnings  []string `json:"warnings,omitempty"`
	// Stats holds engine counters (requests, cache hits, rejected bullets).
	Stats map[string]int `json:"stats,omitempty"`
	// Rejected lists the bullets a model wrote that failed verification.
	Rejected []Rejection `json:"rejected,omitempty"`
}

// Rejection is a model-written bullet (or table row) that moim did not put
// into the document, and why.
type Rejection struct {
	// Member is whose section it was for; "" for the group sections.
	Member  string `json:"member,omitempty"`
	Section string `json:"section"`
	Head    string `json:"head,omitempty"`
	Text    string `json:"text"`
	// Cite lists the evidence ids the bullet cited.
	Cite []string `json:"cite,omitempty"`
	// Reason is the check that failed: number, polarity, new_term,
	// member_claim, unsupported, quote_not_in_note, unknown_id,
	// other_member, no_citation, empty.
	Reason string `json:"reason"`
	// Detail says what the check found ("\"5배\" is not in the cited text").
	Detail string `json:"detail,omitempty"`
	// Support is the bullet's support by what it cites (see text.Support),
	// and MinSupport what it needed; both 0 when the check did not run.
	Support    float64 `json:"support"`
	MinSupport float64 `json:"min_support,omitempty"`
}

// Label is the rejection's place: "<member>/<section>" or "group/<section>".
func (r Rejection) Label() string {
	who := r.Member
	if who == "" {
		who = "group"
	}
	return who + "/" + r.Section
}

// Report is the JSON document written by `moim generate --format json`.
type Report struct {
	Tool    string `json:"tool"`
	Version string `json:"version"`
	Repo    string `json:"repo"`
	Engine  string `json:"engine"`
	Weeks   []Week `json:"weeks"`
	// Summaries are the weeks' summaries (generate --doc summary).
	Summaries []Summary `json:"summaries,omitempty"`
}
