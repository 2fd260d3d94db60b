"""The live hall screen: the credentials figures or the count, big, refreshed every few seconds.

Built on the slide mode's page CSS (`ui.slideshow.inject_css`: no sidebar, sizes of a 1280×720 design
scaled to the screen, so 1080p gets everything 1.5 times larger). Every text from the data is escaped.
"""

from __future__ import annotations

import streamlit as st

from unionboard.analysis.congress import ElectionResult
from unionboard.core.i18n import t
from unionboard.present.congress import progress_text
from unionboard.present.slides import fmt_percent
from unionboard.ui.slideshow import ACCENT, INK, MUTED, px
from unionboard.ui.slideshow import (
    html_text as escape,  # the slides' one rule: HTML and Markdown escaped
)

REFRESH_SECONDS = 3
MANY_CANDIDATES = 8  # more rows than this: smaller rows; more than SCROLL_CANDIDATES: the page may scroll
SCROLL_CANDIDATES = 16
GREEN = "#1B7F3B"
GREY = "#9AA4B2"

_CSS = f"""
.ub-count {{ display: flex; flex-direction: column; gap: {px(10)}; margin-top: {px(8)}; }}
.ub-progress {{ font-size: {px(30)}; color: {INK}; font-weight: 600; }}
.ub-progress .ub-track {{ height: {px(14)}; background: #E3E8F0; border-radius: {px(7)}; margin-top: {px(6)}; }}
.ub-progress .ub-fill {{ height: 100%; background: {ACCENT}; border-radius: {px(7)}; }}
.ub-cand {{ display: grid; grid-template-columns: {px(36)} {px(330)} 1fr {px(190)}; align-items: center;
  gap: {px(12)}; font-size: {px(28)}; line-height: 1.15; color: {INK}; }}
.ub-cand .ub-rank {{ color: {MUTED}; text-align: right; }}
.ub-cand .ub-bar {{ height: {px(34)}; background: #E3E8F0; border-radius: {px(6)}; overflow: hidden;
  position: relative; }}
.ub-cand .ub-bar::after {{ content: ""; position: absolute; left: 50%; top: 0; bottom: 0;
  border-left: {px(3)} dashed {INK}; opacity: .55; }}
.ub-half {{ font-size: {px(20)}; color: {MUTED}; }}
.ub-cand .ub-bar div {{ height: 100%; background: {GREY}; }}
.ub-cand.ub-elected .ub-bar div {{ background: {GREEN}; }}
.ub-cand.ub-tied .ub-bar div {{ background: #C77700; }}
.ub-cand .ub-votes {{ font-variant-numeric: tabular-nums; font-weight: 700; text-align: right; }}
.ub-cand.ub-elected .ub-name {{ font-weight: 700; color: {GREEN}; }}
.ub-count.ub-many {{ gap: {px(4)}; }}
.ub-count.ub-many .ub-cand {{ font-size: {px(21)}; grid-template-columns: {px(30)} {px(300)} 1fr {px(160)}; }}
.ub-count.ub-many .ub-cand .ub-bar {{ height: {px(22)}; }}
.ub-verdict {{ font-size: {px(28)}; color: {ACCENT}; font-weight: 600; margin-top: {px(8)}; }}
.ub-badge-sample {{ font-size: {px(20)}; color: #8A5A00; background: #FFF1D6; padding: {px(2)} {px(10)};
  border-radius: {px(6)}; display: inline-block; }}
"""


def inject_css() -> None:
    """The count's bars and lines, on top of the slide page CSS."""
    st.html(f"<style>{_CSS}</style>")


def note_html(text: str) -> str:
    """A line under the figures (the quorum rule, or the note that the threshold differs from the Charter)."""
    return f'<div class="ub-half">{escape(text)}</div>'


def sample_html(lang: str) -> str:
    """The "Dữ liệu mẫu" label for the screen."""
    return f'<span class="ub-badge-sample">{escape(t("congress_sample_badge", lang))}</span>'


def count_html(result: ElectionResult, lang: str) -> str:
    """The count as escaped HTML: progress, one bar per candidate (share of valid ballots), the outcome."""
    issued = result.election.issued or 1
    done = min(result.returned / issued, 1.0)
    many = " ub-many" if len(result.candidates) > MANY_CANDIDATES else ""
    parts = [f'<div class="ub-count{many}"><div class="ub-progress">{escape(progress_text(result, lang))}'
             f'<div class="ub-track"><div class="ub-fill" style="width:{done * 100:.1f}%"></div></div></div>']
    for rank, c in enumerate(result.candidates, start=1):
        state = " ub-elected" if result.complete and c.elected else " ub-tied" if result.complete and c.tied else ""
        mark = " ✓" if state == " ub-elected" else ""
        parts.append(f'<div class="ub-cand{state}"><div class="ub-rank">{rank}</div>'
                     f'<div class="ub-name">{escape(c.name)}{mark}</div>'
                     f'<div class="ub-bar"><div style="width:{c.share * 100:.1f}%"></div></div>'
                     f'<div class="ub-votes">{c.votes} · {escape(fmt_percent(c.votes, result.returned, lang))}</div></div>')
    parts.append(f'<div class="ub-half">{escape(t("hall_half_line", lang, n=result.returned))}</div>')
    if result.complete:
        verdict = (t("hall_elected", lang, n=len(result.elected), seats=result.election.seats) if not result.tied
                   else t("hall_tied", lang, names=", ".join(result.tied)))
        parts.append(f'<div class="ub-verdict">{escape(verdict)}</div>')
    parts.append("</div>")
    return "".join(parts)
