"""JavaScript the crawl runs in the page (kept here so the Python stays readable)."""

from __future__ import annotations

from pathlib import Path

AXE_PATH = Path(__file__).resolve().parents[1] / "assets" / "axe.min.js"

# Installed in every document before its own scripts: a Content-Security-Policy violation
# becomes a console error the crawl records, whatever the browser itself logs.
CSP_REPORTER = """
document.addEventListener('securitypolicyviolation', (event) => {
  console.error('CSP violation: ' + event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline')
                + ' in ' + event.sourceFile + ':' + event.lineNumber);
});
"""

# Waits until web fonts are ready and the number of elements stops changing (charts drawn
# after the load event or redrawn after a resize, htmx swaps): at most about two seconds.
SETTLE = """
async () => {
  if (document.fonts) { await document.fonts.ready; }
  // First what the page says it is still drawing (charts.js, api-docs.js), up to 60 s: under
  // load a chart's map outline or the API document can take longer than any quiet moment.
  const root = document.documentElement;
  const busy = () => (root.dataset.chartsPending && root.dataset.chartsPending !== '0')
    || (document.getElementById('swagger-ui') && root.dataset.apiDocsReady !== '1');
  for (let waited = 0; busy() && waited < 60000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  let last = -1;
  for (let round = 0; round < 30; round++) {
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
    const count = document.getElementsByTagName('*').length;
    if (count === last) { return round; }
    last = count;
  }
  return 30;
}
"""

# Horizontal overflow of the document, and the elements where it starts: an element whose
# right edge passes the window while its parent's does not, outside any box that scrolls or
# clips on its own (a wide table inside an overflow-x:auto box is fine).
OVERFLOW = """
() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const result = {scrollWidth: root.scrollWidth, clientWidth: width, offenders: []};
  if (root.scrollWidth <= width) { return result; }
  const name = (el) => {
    let text = el.tagName.toLowerCase();
    if (el.id) { return text + '#' + el.id; }
    const classes = [...el.classList].slice(0, 2);
    return classes.length ? text + '.' + classes.join('.') : text;
  };
  const path = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) { parts.unshift(name(e)); }
    return parts.join(' > ');
  };
  const passes = (el) => {
    const rect = el.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0 && rect.right > width + 1;
  };
  const insideOwnScroller = (el) => {
    for (let a = el.parentElement; a && a !== document.body && a !== root; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') { return true; }
    }
    return false;
  };
  for (const el of document.body.querySelectorAll('*')) {
    if (!passes(el)) { continue; }
    const parent = el.parentElement;
    if (parent && parent !== document.body && passes(parent)) { continue; }
    if (getComputedStyle(el).position === 'fixed' || insideOwnScroller(el)) { continue; }
    const rect = el.getBoundingClientRect();
    result.offenders.push({element: path(el), right: Math.round(rect.right), width: Math.round(rect.width)});
    if (result.offenders.length >= 10) { break; }
  }
  return result;
}
"""

# Opens every collapsed <details> (a person opens them; their content counts) and returns the
# visible same-page links and text: all of it, only the parts in the page's own language, and
# all of it but what is marked up as code.
CONTENT = """
() => {
  // Remembered in a page variable, not an attribute: axe-core names elements by their attributes.
  window.__crawlOpened = [...document.querySelectorAll('details:not([open])')];
  for (const details of window.__crawlOpened) { details.open = true; }
  // SVG links (a map's countries) carry href as an attribute, not as a string property.
  const links = [...document.querySelectorAll('a[href], a[*|href]')]
    .filter((a) => a.checkVisibility({visibilityProperty: true, opacityProperty: true}))
    .map((a) => a.getAttribute('href') || a.getAttributeNS('http://www.w3.org/1999/xlink', 'href'))
    .filter((href) => href && !href.startsWith('#'))
    .map((href) => new URL(href, document.baseURI).href);
  const text = document.body.innerText;
  const language = (document.documentElement.lang || '').slice(0, 2).toLowerCase();
  // The own-language text leaves out what is marked as another language and what is marked
  // up as code (<code>, <kbd>, <samp>: identifiers and file columns are no language's words).
  const hidden = [];
  for (const el of document.body.querySelectorAll('[lang], code, kbd, samp')) {
    const own = (el.getAttribute('lang') || '').slice(0, 2).toLowerCase();
    const code = ['CODE', 'KBD', 'SAMP'].includes(el.tagName);
    if (!(code || (own && own !== language))) { continue; }
    // A select's innerText lists every option whatever its display: an option marked with
    // another language (a document's title in a picker) is left out by emptying it meanwhile.
    if (el.tagName === 'OPTION') { hidden.push([el, null, el.textContent]); el.textContent = ''; }
    else { hidden.push([el, el.style.display, null]); el.style.display = 'none'; }
  }
  const ownText = document.body.innerText;
  for (const [el, display, content] of hidden) {
    if (content !== null) { el.textContent = content; } else { el.style.display = display; }
  }
  // What a page marks up as code (<code>, <kbd>, <samp>: a column header to type, a SMILES, a
  // rule's identifier) is shown as code on purpose; the raw-code check reads the rest.
  const marked = [...document.body.querySelectorAll('code, kbd, samp')].map((el) => [el, el.style.display]);
  for (const [el] of marked) { el.style.display = 'none'; }
  const prose = document.body.innerText;
  for (const [el, display] of marked) { el.style.display = display; }
  return {links, text, ownText, prose};
}
"""

# Closes the <details> that CONTENT opened: the page is measured at 390 px as it is shown.
CLOSE_OPENED = """
() => {
  for (const details of window.__crawlOpened || []) { details.open = false; }
  window.__crawlOpened = [];
}
"""

AXE_RUN = """
async () => {
  const results = await axe.run(document, {resultTypes: ['violations']});
  return results.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.length,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
}
"""


def axe_loader() -> str:
    """A function that defines ``window.axe`` in the page from the vendored axe.min.js.

    It is passed to ``page.evaluate`` (run through the DevTools protocol), so a strict
    Content-Security-Policy of the page does not block it as an injected <script> would be.
    """
    source = AXE_PATH.read_text(encoding="utf-8")
    return (
        "() => { if (typeof window.axe === 'undefined') {\n"
        + source
        + "\n} return typeof window.axe; }"
    )
