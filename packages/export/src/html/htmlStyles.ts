/** The stylesheet inlined into every HTML export: readable on screen and in print, no web fonts. */
export const HTML_STYLES = `
:root { color-scheme: light; }
body { margin: 0 auto; max-width: 46rem; padding: 2rem 1.25rem 4rem; font: 1.05rem/1.6 "PT Serif", "DejaVu Serif", Georgia, serif; color: #1b1b1b; background: #fff; }
header.title-block { border-bottom: 1px solid #c8c8c8; margin-bottom: 2rem; padding-bottom: 1rem; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .75rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.meta { margin: .25rem 0; color: #4a4a4a; }
.clause-label { white-space: nowrap; }
section.subclause { margin-left: 1rem; }
li > p { margin: .25rem 0; }
blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid #c8c8c8; color: #333; }
pre { padding: .75rem; overflow-x: auto; background: #f4f4f4; font-size: .9rem; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: .9em; }
a { color: #0b4f9c; }
ins.suggestion { color: #1a6d2b; text-decoration: underline; text-decoration-thickness: 2px; }
del.suggestion { color: #b3261e; text-decoration: line-through; }
hr.suggestion-insertion { border-color: #1a6d2b; }
hr.suggestion-deletion { border-style: dashed; border-color: #b3261e; }
table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
th, td { border: 1px solid #8a8a8a; padding: .3rem .5rem; vertical-align: top; text-align: left; }
th { background: #f0f0f0; }
th > p, td > p { margin: .2rem 0; }
table.suggestion-insertion { outline: 2px solid #1a6d2b; }
table.suggestion-deletion { outline: 2px dashed #b3261e; }
.footnote-ref { line-height: 0; }
.footnotes { margin-top: 2.5rem; font-size: .9rem; }
.comments { border-top: 1px solid #c8c8c8; margin-top: 3rem; }
.thread { margin: 1.5rem 0; }
.comment-body { white-space: pre-wrap; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; } ins.suggestion, del.suggestion { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`
