/**
 * The stylesheet of the HTML report, inlined so that the file is self-contained and the
 * CSP can forbid every other resource. System fonts only: a report may be opened offline.
 */
export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --bg: #f7f6f3; --paper: #ffffff; --ink: #1d1f23; --muted: #62666d; --faint: #8a8e95;
  --rule: #e3e1dc; --rule-strong: #cfccc5; --quote-bg: #fbfaf7;
  --differ: #b4490b; --differ-bg: #fdf1e7; --agree: #1f7a4a; --agree-bg: #e9f6ee;
  --figure: #1f5fae; --name: #7a3fa0; --quote: #0f7a78; --link: #1f5fae; --bad: #b42318;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #15171a; --paper: #1d2024; --ink: #e7e5e0; --muted: #a3a7ad; --faint: #7d8187;
    --rule: #30343a; --rule-strong: #41464d; --quote-bg: #23262b;
    --differ: #f0a35e; --differ-bg: #3a2716; --agree: #6fcf97; --agree-bg: #17301f;
    --figure: #7fb0f0; --name: #c79be6; --quote: #5fd0cc; --link: #8ab8f5; --bad: #f48a80;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--ink); }
body {
  margin: 0 auto; max-width: 68rem; padding: 2.5rem 1.5rem 4rem;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  -webkit-text-size-adjust: 100%;
}
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .35rem; letter-spacing: -.01em; }
h2 {
  font-size: 1.15rem; margin: 2.75rem 0 1rem; padding-bottom: .4rem;
  border-bottom: 2px solid var(--rule-strong); letter-spacing: .01em;
}
h2 .count { color: var(--faint); font-weight: 500; margin-left: .35rem; }
h3 { font-size: 1.08rem; line-height: 1.35; margin: .5rem 0 .9rem; }
.lede { color: var(--muted); margin: 0; font-size: 1.02rem; }
.lede strong { color: var(--ink); }
.none, .more { color: var(--muted); font-style: italic; }
code, .id {
  font: .82em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  overflow-wrap: anywhere;
}
a { color: var(--link); text-underline-offset: 2px; }
.url { color: var(--muted); font-size: .85em; overflow-wrap: anywhere; }
.table-wrap { overflow-x: auto; border-radius: 8px; }
.table-wrap table { min-width: 44rem; }
table { width: 100%; border-collapse: collapse; background: var(--paper); border: 1px solid var(--rule); border-radius: 8px; overflow: hidden; }
th, td { text-align: left; vertical-align: top; padding: .6rem .8rem; border-bottom: 1px solid var(--rule); }
th { font-size: .74rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); font-weight: 600; }
tr:last-child td { border-bottom: 0; }
td.nowrap, td .id { white-space: nowrap; }
.status { font-size: .85rem; }
.status.copy { color: var(--differ); }
.status.independent { color: var(--agree); }
.notes { margin: .9rem 0 0; color: var(--muted); font-size: .9rem; }
.notes ul { margin: .2rem 0 0; padding-left: 1.2rem; }
.card {
  background: var(--paper); border: 1px solid var(--rule); border-radius: 10px;
  padding: 1rem 1.2rem 1.2rem; margin: 0 0 1.1rem;
}
.card.differ { border-left: 4px solid var(--differ); }
.meta { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; font-size: .78rem; color: var(--muted); }
.badge {
  display: inline-block; padding: .1rem .5rem; border-radius: 999px; font-weight: 700;
  font-size: .7rem; letter-spacing: .08em; border: 1px solid currentColor;
}
.badge.figure { color: var(--figure); } .badge.name { color: var(--name); } .badge.quote { color: var(--quote); }
.chip { padding: .1rem .5rem; border-radius: 999px; background: var(--differ-bg); color: var(--differ); font-weight: 600; }
.agree .chip { background: var(--agree-bg); color: var(--agree); }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: .75rem; }
.mention { margin: 0; padding: .7rem .85rem; border: 1px solid var(--rule); border-radius: 8px; background: var(--quote-bg); }
.mention.copy { opacity: .62; }
.mention figcaption { font-size: .78rem; color: var(--muted); margin-bottom: .4rem; line-height: 1.35; }
.mention .name.title { font-weight: 500; }
.mention .name { display: block; color: var(--ink); font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.mention .tag { margin-left: .4rem; }
.tag { font-size: .72rem; color: var(--faint); border: 1px solid var(--rule-strong); border-radius: 4px; padding: 0 .3rem; }
.wording {
  margin: 0; font: 1.08rem/1.45 Charter, "Iowan Old Style", Georgia, Cambria, "Times New Roman", serif;
  unicode-bidi: plaintext; overflow-wrap: anywhere;
}
.label { margin: .35rem 0 0; font-size: .8rem; color: var(--muted); }
.passage .wording { font-size: .98rem; }
.passage h3 { margin: 0 0 .2rem; font-size: 1rem; }
.passage > .meta { margin-bottom: .8rem; }
ul.agreements { list-style: none; margin: 0; padding: 0; background: var(--paper); border: 1px solid var(--rule); border-radius: 10px; }
ul.agreements > li { padding: .75rem 1.1rem; border-bottom: 1px solid var(--rule); }
ul.agreements > li:last-child { border-bottom: 0; }
ul.agreements .badge { justify-self: start; }
ul.agreements > li { display: grid; grid-template-columns: 4.75rem 1fr; gap: .2rem .5rem; align-items: baseline; }
.agree-head .summary { font-weight: 600; margin-right: .6rem; }
.agree-head .meta { display: inline-flex; vertical-align: baseline; }
.wordings { margin: .3rem 0 0; padding: 0; list-style: none; font-size: .9rem; color: var(--muted); }
.wordings q { font-family: Charter, "Iowan Old Style", Georgia, Cambria, serif; color: var(--ink); quotes: "\\201C" "\\201D"; unicode-bidi: isolate; }
.problems li { margin-bottom: .3rem; }
.problems .reason { color: var(--bad); font-size: .85rem; }
footer { margin-top: 3rem; color: var(--faint); font-size: .8rem; }
@media print {
  html { background: #fff; }
  .card, table, ul.agreements { break-inside: avoid; }
}
`;
