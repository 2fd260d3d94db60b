"""The browser layout check: a chart's SVG text inside its box, no two labels over each other, no label on a marker, no "…" the
data did not have, visible data marks. Shared by tests/test_browser_layout.py and the probe in tools/."""

from __future__ import annotations

# Runs in the page; returns one record per Plotly chart with the problems found in it.
LAYOUT_JS = r"""() => {
  const visible = el => {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const s = getComputedStyle(n);
      if (s.display === 'none' || s.visibility === 'hidden' || parseFloat(s.opacity) === 0) return false;
    }
    return true;
  };
  const box = r => ({l: r.left, t: r.top, r: r.right, b: r.bottom});
  const overlap = (a, b) => Math.max(0, Math.min(a.r, b.r) - Math.max(a.l, b.l))
                           * Math.max(0, Math.min(a.b, b.b) - Math.max(a.t, b.t));
  const out = [];
  document.querySelectorAll('[data-testid="stPlotlyChart"]').forEach((chart, index) => {
    const plot = chart.querySelector('.js-plotly-plot');
    if (!plot || !visible(chart)) return;
    // the drawn chart: the element's box, or the plot's when a slide scales it with a CSS transform
    const drawn = plot.getBoundingClientRect(), own = chart.getBoundingClientRect();
    const frame = box(drawn.width > own.width + 1 ? drawn : own);
    const title = (plot.querySelector('.gtitle') || {}).textContent || '';
    const problems = [];
    const texts = [];
    plot.querySelectorAll('svg text').forEach(el => {
      const content = (el.textContent || '').trim();
      if (!content || !visible(el)) return;
      const r = box(el.getBoundingClientRect());
      // a title broken over lines is several <tspan class="line">: measure each line
      texts.push({content, r, cls: el.getAttribute('class') || ''});
      if (r.l < frame.l - 2 || r.r > frame.r + 2 || r.t < frame.t - 2 || r.b > frame.b + 2)
        problems.push(`text outside the chart by ${Math.round(Math.max(frame.l-r.l, r.r-frame.r, frame.t-r.t, r.b-frame.b))} px: "${content}"`);
      if (content.includes('…')) problems.push(`text cut with …: "${content}"`);
    });
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i], b = texts[j];
      const area = overlap(a.r, b.r);
      const smaller = Math.min((a.r.r - a.r.l) * (a.r.b - a.r.t), (b.r.r - b.r.l) * (b.r.b - b.r.t));
      if (area > 0.15 * smaller && area > 4) problems.push(`labels overlap: "${a.content}" / "${b.content}"`);
    }
    // no label on a line's marker (a value written over its own point, or a neighbour's, is unreadable)
    const markers = [...plot.querySelectorAll('.scatterlayer .points path')]
      .map(m => box(m.getBoundingClientRect())).filter(r => r.r - r.l >= 1);
    texts.forEach(a => markers.forEach(m => {
      if (overlap(a.r, m) > 4) problems.push(`label over a marker: "${a.content}"`);
    }));
    // a donut's centre text must sit inside the hole, not over the ring
    plot.querySelectorAll('.pielayer .trace').forEach(trace => {
      const slices = [...trace.querySelectorAll('path.surface')].map(p => p.getBoundingClientRect())
                       .filter(r => r.width > 0);
      if (!slices.length) return;
      const l = Math.min(...slices.map(r => r.left)), r = Math.max(...slices.map(r => r.right));
      const t = Math.min(...slices.map(r => r.top)), b = Math.max(...slices.map(r => r.bottom));
      const cx = (l + r) / 2, cy = (t + b) / 2, radius = Math.max(r - l, b - t) / 2;
      const hole = radius * (parseFloat(trace.dataset.hole || '0.55'));
      if (radius < 70) problems.push(`donut too small: ${Math.round(2 * radius)} px across`);
      plot.querySelectorAll('.annotation-text').forEach(a => {
        const q = a.getBoundingClientRect();
        if (Math.abs(q.left + q.width / 2 - cx) > radius || Math.abs(q.top + q.height / 2 - cy) > radius) return;
        const far = Math.max(...[[q.left, q.top], [q.right, q.top], [q.left, q.bottom], [q.right, q.bottom]]
                             .map(([x, y]) => Math.hypot(x - cx, y - cy)));
        if (far > hole * 1.08) problems.push(`centre text wider than the hole: "${a.textContent}"`);
      });
    });
    // data marks: bars, slices, points, lines, heat-map cells inside the plot area
    const marks = [...plot.querySelectorAll(
      '.bars path, .slice path.surface, .points path, .scatterlayer path.js-line, .heatmaplayer image, ' +
      '.waterfalllayer path, .funnellayer path, .barlayer path')].filter(m => {
        const r = m.getBoundingClientRect();
        return r.width >= 1 && r.height >= 1 && r.right > frame.l && r.left < frame.r
               && r.bottom > frame.t && r.top < frame.b;
      });
    if (!marks.length) problems.push('no visible data marks');
    out.push({index, title, width: frame.r - frame.l, height: frame.b - frame.t, problems});
  });
  return out;
}"""

# Runs in the page: how much of the main area a reader can see, the slide's button bar left out — the
# visible text's characters and the visible charts, images and tables. A page whose CSS hides its own
# content (the hall on a phone once showed only its buttons) has 0 of both.
CONTENT_JS = r"""() => {
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  if (!main) return {text: 0, media: 0};
  const seen = el => {
    if (el.closest('.st-key-slide_bar, style, script, noscript')) return false;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    return el.checkVisibility({opacityProperty: true, visibilityProperty: true});
  };
  let text = 0;
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement, content = node.textContent.trim();
    if (content && el && !el.closest('svg') && seen(el)) text += content.length;
  }
  const media = [...main.querySelectorAll('.main-svg, img, canvas, [data-testid="stDataFrame"]')]
    .filter(seen).length;
  return {text, media};
}"""

MIN_CONTENT_CHARS = 20  # a heading and a sentence are more; a page of buttons only is not content


def content_problem(content: dict) -> str | None:
    """Why a page's main area is empty to a reader (CONTENT_JS's measure), or None."""
    if content["text"] < MIN_CONTENT_CHARS and not content["media"]:
        return f"the main content is empty ({content['text']} visible characters, no chart, image or table)"
    return None
