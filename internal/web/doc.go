// Package web serves a study repository as web pages (moim serve) and
// writes the same pages as a static site (moim site): an overview of weeks ×
// members, each week's insights with every bullet's source lines and the
// week's member × concept heatmap, a page per member with their 추가 학습
// backlog, the concepts across weeks, and numbered views of the notes.
//
// Pages are rendered on the server with html/template from the week's
// analysis and the offline engine's result on it, both from pipeline (no
// LLM is ever called), and, on the week page, from the week's stored
// insights document when moim made it from the notes as they are (read
// through package doc; see document.go); the only script is /static/app.js. Every response carries a Content-Security-Policy that
// allows nothing but the site's own files, so note text — which is always
// escaped — can never run as script.
//
// Files: server.go (routes, headers, serving), site.go (the static site),
// data.go (the repository snapshot, weeks analysed once), one file per page
// mirroring templates/*.html (layout.go, overview.go, week.go with
// document.go and heatmap.go, member.go, concepts.go, note.go, error.go,
// partials.go), links.go (URLs for the server and the static site).
package web
