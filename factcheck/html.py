"""Render as HTML: the annotated article, for `--format html` and for the editor's page.

    render_annotation(article, report)   a fragment: the article with each figure marked by its
                                         verdict, and beside it the notes, mismatches first
    render_html([(article, report)...])  one standalone document (`factcheck ARTICLE --format html`)
    render_editor_page()                 the page `factcheck serve` shows at /, which asks the
                                         server for `render_annotation` of what is pasted

Everything is inline (CSS, the page's script): nothing is fetched from elsewhere, so both work
offline. A verdict is shown by a symbol and words as well as by colour. Every piece of text is
escaped; only http(s) source links become links.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from urllib.parse import urlsplit

from .models import Article, JudgedClaim, Report
from .report import about, format_number, shown_claims, summary_line

__all__ = ["render_annotation", "render_editor_page", "render_html"]

#: Verdict -> (symbol, label). The symbol goes into the text beside each figure, so that a
#: verdict never rests on colour alone.
VERDICTS = {
    "mismatch": ("✗", "Mismatch"),
    "ambiguous": ("?", "Ambiguous"),
    "unverifiable": ("–", "Unverifiable"),
    "supported": ("✓", "Supported"),
}

CSS = """
:root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --paper: #ffffff; --wash: #f6f8fa;
  --bad: #b42318; --bad-bg: #fde8e7; --odd: #8a5a00; --odd-bg: #fff4d1;
  --none: #57606a; --none-bg: #eef0f2; --good: #1a7f37; --good-bg: #e3f4e8; --focus: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink); background: var(--wash); }
header.fc-top { background: var(--ink); color: #fff; padding: .6rem 1.5rem; }
header.fc-top h1 { margin: 0; font-size: 1.15rem; font-weight: 600; }
header.fc-top p { margin: 0; color: #d0d7de; font-size: .9rem; }
main { max-width: 1400px; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
a { color: var(--focus); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.fc-result { background: var(--paper); border: 1px solid var(--line); border-radius: 8px;
  padding: 1rem 1.25rem; margin-top: 1rem; }
.fc-result > h2 { margin: 0; font-size: 1.2rem; }
.fc-summary { margin: .25rem 0 1rem; color: var(--muted); }
.fc-summary strong { color: var(--ink); }
.fc-columns { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem;
  align-items: start; }
@media (max-width: 900px) { .fc-columns { grid-template-columns: 1fr; } }
.fc-columns h3 { margin: 0 0 .5rem; font-size: .8rem; text-transform: uppercase;
  letter-spacing: .05em; color: var(--muted); }
.fc-text { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 1.05rem; line-height: 1.7;
  max-width: 75ch; }
.fc-mark { border-radius: 3px; padding: 0 .15em; text-decoration: none; color: inherit;
  border-bottom: 3px solid; }
.fc-mark .fc-tag { font-size: .75em; font-weight: 700; margin-left: .25em; white-space: nowrap; }
.fc-mark.fc-mismatch { background: var(--bad-bg); border-color: var(--bad); }
.fc-mark.fc-mismatch .fc-tag { color: var(--bad); }
.fc-mark.fc-ambiguous { background: var(--odd-bg); border-bottom-style: dashed;
  border-color: var(--odd); }
.fc-mark.fc-ambiguous .fc-tag { color: var(--odd); }
.fc-mark.fc-unverifiable { background: var(--none-bg); border-bottom-style: dotted;
  border-color: var(--none); }
.fc-mark.fc-unverifiable .fc-tag { color: var(--none); }
.fc-mark.fc-supported { background: var(--good-bg); border-bottom-width: 1px;
  border-color: var(--good); }
.fc-mark.fc-supported .fc-tag { color: var(--good); }
.fc-mark .fc-fix { color: var(--ink); font-size: 1.2em; }
.fc-notes ol { list-style: none; margin: 0; padding: 0; }
.fc-note { border: 1px solid var(--line); border-left: 6px solid var(--none); border-radius: 6px;
  padding: .5rem .75rem; margin-bottom: .6rem; background: var(--paper); }
.fc-note.fc-mismatch { border-left-color: var(--bad); background: #fffafa; }
.fc-note.fc-ambiguous { border-left-color: var(--odd); }
.fc-note.fc-supported { border-left-color: var(--good); }
.fc-note:target { box-shadow: 0 0 0 3px var(--focus); }
.fc-head { margin: 0; }
.fc-badge { font-weight: 700; margin-right: .35em; }
.fc-note.fc-mismatch .fc-badge { color: var(--bad); }
.fc-note.fc-ambiguous .fc-badge { color: var(--odd); }
.fc-note.fc-supported .fc-badge { color: var(--good); }
.fc-about { color: var(--muted); font-size: .85rem; }
.fc-note dl { margin: .35rem 0 0; display: grid; grid-template-columns: max-content 1fr;
  gap: .15rem .75rem; font-size: .92rem; }
.fc-note dt { color: var(--muted); }
.fc-note dd { margin: 0; }
.fc-correction { font-weight: 700; background: var(--good-bg); padding: 0 .25em; }
.fc-legend { display: flex; flex-wrap: wrap; gap: .5rem 1rem; margin: 0 0 1rem; padding: 0;
  list-style: none; font-size: .85rem; color: var(--muted); }
.fc-empty { color: var(--muted); }
.fc-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
"""


# -- the annotated article --------------------------------------------------------------------


def render_annotation(article: Article, report: Report, *, prefix: str = "fc") -> str:
    """An HTML fragment: a heading, the summary, the marked article and the notes.

    Ids start with `prefix`, so several fragments can share a page. An article without figures
    gets its text and a note that none were found.
    """
    notes = shown_claims(report)
    number = {claim.id: n for n, claim in enumerate(notes, 1)}
    published = report.published.isoformat() if report.published else "date unknown"
    title = article.title or (report.source if report.source != "-" else "The article")
    heading = f"{prefix}-title"
    items = "\n".join(_note(claim, number[claim.id], prefix) for claim in notes)
    if not items:
        items = '<li class="fc-empty">No figures found.</li>'
    return (
        f'<section class="fc-result" aria-labelledby="{heading}">\n'
        f'<h2 id="{heading}" tabindex="-1">{escape(title)}</h2>\n'
        f'<p class="fc-summary">Published {published} · <strong>{summary_line(report)}'
        "</strong></p>\n"
        f"{_legend()}\n"
        '<div class="fc-columns">\n'
        f'<div class="fc-article"><h3>Article</h3><div class="fc-text" lang="{report.language}">'
        f"{_marked_text(article, report, number, prefix)}</div></div>\n"
        '<div class="fc-notes"><h3>Figures, mismatches first</h3>'
        f"<ol>\n{items}\n</ol></div>\n"
        "</div>\n</section>"
    )


def _legend() -> str:
    items = "".join(
        f'<li><span class="fc-mark fc-{verdict}">{label}<span class="fc-tag">{symbol}</span>'
        "</span></li>"
        for verdict, (symbol, label) in VERDICTS.items()
    )
    return f'<ul class="fc-legend" aria-label="Key">{items}</ul>'


def _marked_text(article: Article, report: Report, number: dict[str, int], prefix: str) -> str:
    """The article's text from its body on, each figure wrapped in a link to its note.

    A figure that overlaps one already marked is left unmarked here; it keeps its note.
    """
    text = article.text
    start = min([article.body_start, *(c.start for c in report.claims)])
    first = min((c.start for c in report.claims), default=len(text))
    while start < first and text[start].isspace():  # the blank lines after front matter
        start += 1
    parts: list[str] = []
    at = start
    for claim in sorted(report.claims, key=lambda c: (c.start, -c.end)):
        if claim.start < at or claim.end > len(text):
            continue
        parts.append(escape(text[at : claim.start]))
        parts.append(_mark(claim, text[claim.start : claim.end], number, prefix))
        at = claim.end
    parts.append(escape(text[at:].rstrip()))
    return "".join(parts)


def _mark(claim: JudgedClaim, quote: str, number: dict[str, int], prefix: str) -> str:
    target = claim.repeat_of or claim.id
    n = number.get(target, 0)
    symbol, label = VERDICTS[claim.verdict]
    fix = ""
    spoken = f"{quote}: {label.lower()}"
    if claim.verdict == "mismatch" and claim.correction:
        fix = f' → <span class="fc-fix">{escape(claim.correction)}</span>'
        spoken += f", suggested {claim.correction}"
    spoken += f", note {n}"
    return (
        f'<a class="fc-mark fc-{claim.verdict}" id="{prefix}-fig-{claim.id}" '
        f'href="#{prefix}-note-{target}" data-verdict="{claim.verdict}" '
        f'aria-label="{escape(spoken)}">{escape(quote)}'
        f'<span class="fc-tag" aria-hidden="true">{symbol}{n}{fix}</span></a>'
    )


def _note(claim: JudgedClaim, n: int, prefix: str) -> str:
    symbol, label = VERDICTS[claim.verdict]
    rows: list[tuple[str, str]] = []
    if claim.correction:
        rows.append(("Suggested", f'<span class="fc-correction">{escape(claim.correction)}</span>'))
    if claim.expected is not None and claim.verdict != "supported":
        rows.append(("Expected", escape(format_number(claim.expected, claim.unit))))
    rows.append(("Why", escape(claim.explanation)))
    sources = _sources(claim)
    if sources:
        rows.append(("Source", sources))
    details = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
    return (
        f'<li class="fc-note fc-{claim.verdict}" id="{prefix}-note-{claim.id}" '
        f'data-verdict="{claim.verdict}">'
        f'<p class="fc-head"><span class="fc-badge">{symbol} {n}. {label}</span> '
        f'<a href="#{prefix}-fig-{claim.id}">“{escape(claim.quote)}”</a> '
        f'<span class="fc-about">{escape(about(claim))}</span></p>'
        f"<dl>{details}</dl></li>"
    )


def _sources(claim: JudgedClaim) -> str:
    """One link per source of the evidence, with its vintage and release date."""
    seen: dict[str, str] = {}
    for evidence in claim.evidence:
        if evidence.source_url in seen:
            continue
        released = f", released {evidence.released}" if evidence.released else ""
        seen[evidence.source_url] = f"{evidence.vintage}{released}"
    links = []
    for url, provenance in seen.items():
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and parts.netloc:
            host = parts.netloc.removeprefix("www.")
            link = f'<a href="{escape(url)}" rel="noopener noreferrer">{escape(host)}</a>'
        else:
            link = escape(url)
        links.append(f"{link} ({escape(provenance)})")
    return "; ".join(links)


# -- documents --------------------------------------------------------------------------------


def _document(title: str, body: str, script: str = "") -> str:
    script_tag = f"<script>{script}</script>\n" if script else ""
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n"
        f"<body>\n{body}\n{script_tag}</body>\n</html>\n"
    )


def render_html(checked: Sequence[tuple[Article, Report]]) -> str:
    """One standalone HTML document with every article annotated, in the order given."""
    sections = "\n".join(
        render_annotation(article, report, prefix=f"a{n}" if len(checked) > 1 else "fc")
        for n, (article, report) in enumerate(checked, 1)
    )
    names = ", ".join(article.title or report.source for article, report in checked)
    header = (
        '<header class="fc-top"><h1>factcheck</h1>'
        "<p>Each figure is marked by its verdict; its note says why.</p></header>"
    )
    return _document(f"factcheck: {names}", f"{header}\n<main>\n{sections}\n</main>")


# -- the editor's page ------------------------------------------------------------------------

PAGE_CSS = """
.fc-form { background: var(--paper); border: 1px solid var(--line); border-radius: 8px;
  padding: 1rem 1.25rem; display: grid; gap: .75rem; }
.fc-form label { display: block; font-weight: 600; margin-bottom: .25rem; }
.fc-form textarea { width: 100%; min-height: 11rem; resize: vertical; font: inherit;
  padding: .5rem; border: 1px solid var(--muted); border-radius: 6px; }
.fc-form input { font: inherit; padding: .35rem .5rem; border: 1px solid var(--muted);
  border-radius: 6px; }
.fc-form input[type=url] { width: 100%; }
.fc-row { display: flex; flex-wrap: wrap; gap: .75rem 1.5rem; align-items: end; }
.fc-row > div { flex: 0 1 auto; }
.fc-row > .fc-grow { flex: 1 1 18rem; }
.fc-actions { display: flex; align-items: end; gap: .75rem; }
.fc-form button { font: inherit; font-weight: 600; padding: .45rem 1.4rem; border-radius: 6px;
  border: 1px solid var(--ink); background: var(--ink); color: #fff; cursor: pointer; }
.fc-form button[disabled] { opacity: .6; cursor: progress; }
.fc-hint { color: var(--muted); font-size: .85rem; margin: .25rem 0 0; }
#fc-status { margin: .75rem 0 0; min-height: 1.5em; }
#fc-status.fc-error { color: var(--bad); font-weight: 600; }
"""

PAGE_SCRIPT = """
(function () {
  const form = document.getElementById("fc-form");
  const text = document.getElementById("fc-article");
  const button = document.getElementById("fc-check");
  const status = document.getElementById("fc-status");
  const results = document.getElementById("fc-results");
  function say(message, error) {
    status.textContent = message;
    status.classList.toggle("fc-error", Boolean(error));
  }
  function problem(response, data) {
    if (data && data.error) return data.error;
    if (response.status === 413) return "The article is too long for this server.";
    return "The check failed (HTTP " + response.status + ").";
  }
  form.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    if (!text.value.trim()) { say("Paste an article first.", true); text.focus(); return; }
    const body = { text: text.value };
    for (const name of ["published", "url"]) {
      const value = form.elements[name].value.trim();
      if (value) body[name] = value;
    }
    button.disabled = true;
    say("Checking…");
    try {
      const response = await fetch("v1/annotate", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const data = await response.json().catch(function () { return null; });
      if (!response.ok || !data) { say(problem(response, data), true); return; }
      results.innerHTML = data.html;
      const s = data.report.summary;
      say("Checked: " + s.mismatch + " mismatch, " + s.ambiguous + " ambiguous, " +
          s.unverifiable + " unverifiable, " + s.supported + " supported.");
      const heading = results.querySelector("h2");
      if (heading) { heading.focus(); heading.scrollIntoView({ block: "start" }); }
    } catch (error) {
      say("Could not reach the checker: " + error.message, true);
    } finally {
      button.disabled = false;
    }
  });
})();
"""


def render_editor_page() -> str:
    """The editor's page: paste an article and its date, press Check, read the annotations."""
    body = """<header class="fc-top"><h1>factcheck</h1>
<p>Paste an article, give its date, and check every figure against the official statistics.</p>
</header>
<main>
<form id="fc-form" class="fc-form" novalidate>
<div class="fc-field-text">
<label for="fc-article">Article</label>
<textarea id="fc-article" name="text" required spellcheck="false"
 aria-describedby="fc-text-hint"></textarea>
<p class="fc-hint" id="fc-text-hint">Plain text, Markdown or HTML. The date is needed for
“last year” and the like; leave it empty if the article gives it.</p>
</div>
<div class="fc-row fc-field-text">
<div><label for="fc-published">Published</label>
<input id="fc-published" name="published" type="date"></div>
<div class="fc-grow"><label for="fc-url">Article URL <span class="fc-hint">(optional)</span>
</label><input id="fc-url" name="url" type="url" inputmode="url"></div>
<div class="fc-actions"><button id="fc-check" type="submit"
 aria-describedby="fc-keys">Check</button>
<span class="fc-hint" id="fc-keys">or Ctrl+Enter</span></div>
</div>
</form>
<p id="fc-status" role="status" aria-live="polite"></p>
<div id="fc-results"></div>
</main>"""
    page = _document("factcheck: the editor's page", body, PAGE_SCRIPT)
    return page.replace("</style>", PAGE_CSS + "</style>", 1)
