"""The draft sent back: the author's .docx with a Word comment on every figure that differs or is ambiguous.

The package is changed minimally: word/document.xml (only the runs holding a flagged figure are split,
wrapped in a comment range and, with tracked changes, in w:del/w:ins), word/comments.xml (added or
extended), its relationship and its content type. Every other part is copied byte for byte.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import zipfile

from lxml import etree

from unionboard.analysis.draft_check import Claim, DraftCheck, half_up
from unionboard.core.i18n import t
from unionboard.core.models import SourceFile
from unionboard.core.text import format_number
from unionboard.read.draft import W_NS, docx_paragraphs, paragraph_runs, run_text

_W = f"{{{W_NS}}}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
COMMENTS_PART = "word/comments.xml"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_SCALES = (("tỷ", 1e9), ("triệu", 1e6), ("nghìn", 1e3), ("ngàn", 1e3))


def flagged(check: DraftCheck) -> list[Claim]:
    """The claims that get a comment: those that differ or are ambiguous."""
    return [c for c in check.claims if c.status in ("mismatch", "ambiguous")]


def replacement(claim: Claim) -> str | None:
    """The draft's text with the data's figure written the same way ('06' → '07', '310,99 triệu đồng')."""
    if claim.expected is None or claim.status != "mismatch":
        return None
    if claim.kind == "unit_note":
        return re.sub(r"1\.000(\.000)?", "đồng", claim.text)
    match = re.search(r"\d[\d.,]*", claim.text)
    if match is None:
        return None
    written = match.group(0)
    scale = claim.scale if claim.scale != 1 else next((s for word, s in _SCALES if word in claim.text.lower()), 1.0)
    decimals = len(written.partition(",")[2])
    value = claim.expected / scale
    if not float(value).is_integer() and decimals == 0 and claim.kind != "share":
        decimals = 2
    new = format_number(half_up(value, decimals), decimals)
    if written.startswith("0") and len(written) > 1 and "," not in written:
        new = new.zfill(len(written))
    return claim.text[:match.start()] + new + claim.text[match.end():]


def comment_text(claim: Claim, lang: str = "vi") -> str:
    """What the comment says: the data's value and its source, or the figures that could be meant."""
    if claim.kind == "unit_note":
        return t("draft_comment_unit", lang) + " " + t("draft_comment", lang, expected="đồng",
                                                       source=claim.source or "—")
    if claim.status == "ambiguous":
        options = "; ".join(f"{label}: {format_number(value, 0 if float(value).is_integer() else 1, lang)} ({source})"
                            for label, value, source in claim.candidates)
        return t("draft_comment_ambiguous", lang, options=options)
    expected = replacement(claim) or format_number(claim.expected or 0, 0, lang)
    label = f"{claim.label}: " if claim.label else ""
    return t("draft_comment", lang, expected=label + expected, source=claim.source or "—")


# --------------------------------------------------------------------------- runs


def _simple(run) -> bool:
    """A run holding nothing but its properties and one w:t (safe to split)."""
    children = [c for c in run if c.tag != f"{_W}rPr"]
    return len(children) == 1 and children[0].tag == f"{_W}t"


def _split(run, at: int):
    """Split a simple run after `at` characters; returns the second half (inserted after the first)."""
    second = copy.deepcopy(run)
    text = run.find(f"{_W}t").text or ""
    for element, part in ((run, text[:at]), (second, text[at:])):
        node = element.find(f"{_W}t")
        node.text = part
        node.set(_XML_SPACE, "preserve")
    run.addnext(second)
    return second


def runs_for(p, start: int, end: int) -> list:
    """The runs of paragraph `p` covering characters [start, end), split at the edges where possible."""
    offset, chosen = 0, []
    for run in paragraph_runs(p):
        text = run_text(run)
        a, b = offset, offset + len(text)
        offset = b
        if b <= start or a >= end or not text:
            continue
        if a < start < b and _simple(run):
            run, a = _split(run, start - a), start
        if a < end < b and _simple(run):
            _split(run, end - a)
        chosen.append(run)
    return chosen


def _w(tag: str, **attrs: str):
    element = etree.Element(f"{_W}{tag}")
    for key, value in attrs.items():
        element.set(f"{_W}{key}", value)
    return element


def _track(runs: list, new_text: str, ids: dict, stamp: str) -> list:
    """Wrap `runs` in a deletion and add an insertion of `new_text` after it; the (del, ins) elements."""
    deletion = _w("del", id=str(ids["next"]), author="unionboard", date=stamp)
    insertion = _w("ins", id=str(ids["next"] + 1), author="unionboard", date=stamp)
    ids["next"] += 2
    runs[0].addprevious(deletion)
    new_run = copy.deepcopy(runs[0])
    for child in [c for c in new_run if c.tag != f"{_W}rPr"]:
        new_run.remove(child)
    text = etree.SubElement(new_run, f"{_W}t")
    text.text = new_text
    text.set(_XML_SPACE, "preserve")
    for run in runs:
        deletion.append(run)
        for node in run.iter(f"{_W}t"):
            node.tag = f"{_W}delText"
    deletion.addnext(insertion)
    insertion.append(new_run)
    return [deletion, insertion]


def _anchor(first, last, comment_id: int) -> None:
    first.addprevious(_w("commentRangeStart", id=str(comment_id)))
    end = _w("commentRangeEnd", id=str(comment_id))
    last.addnext(end)
    reference = _w("r")
    reference.append(_w("commentReference", id=str(comment_id)))
    end.addnext(reference)


# --------------------------------------------------------------------------- package parts


def _comments_root(existing: bytes | None):
    if existing:
        return etree.fromstring(existing, _PARSER)
    return etree.Element(f"{_W}comments", nsmap={"w": W_NS})


def _add_comment(root, comment_id: int, text: str, stamp: str) -> None:
    comment = _w("comment", id=str(comment_id), author="unionboard", date=stamp, initials="UB")
    run = etree.SubElement(etree.SubElement(comment, f"{_W}p"), f"{_W}r")
    node = etree.SubElement(run, f"{_W}t")
    node.text = text
    node.set(_XML_SPACE, "preserve")
    root.append(comment)


def _with_relationship(rels: bytes) -> bytes:
    root = etree.fromstring(rels, _PARSER)
    if any(r.get("Type") == COMMENTS_REL for r in root):
        return rels
    ids = {r.get("Id") for r in root}
    number = 1
    while f"rId{number}" in ids:
        number += 1
    rel = etree.SubElement(root, f"{{{root.nsmap[None]}}}Relationship")
    rel.set("Id", f"rId{number}")
    rel.set("Type", COMMENTS_REL)
    rel.set("Target", "comments.xml")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _with_content_type(types: bytes) -> bytes:
    root = etree.fromstring(types, _PARSER)
    if any(o.get("PartName") == "/" + COMMENTS_PART for o in root):
        return types
    override = etree.SubElement(root, f"{{{root.nsmap[None]}}}Override")
    override.set("PartName", "/" + COMMENTS_PART)
    override.set("ContentType", COMMENTS_TYPE)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _serialise(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def annotated_docx(draft: SourceFile, check: DraftCheck, track: bool = False, lang: str = "vi") -> bytes:
    """The draft .docx with a comment on every differing or ambiguous figure (and tracked changes if asked).

    Raises ValueError (with a sentence for the user) when the draft is not a .docx.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(draft.data))
        document = etree.fromstring(archive.read("word/document.xml"), _PARSER)
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as exc:
        raise ValueError(t("draft_annotate_odt", lang)) from exc
    names = set(archive.namelist())
    comments = _comments_root(archive.read(COMMENTS_PART) if COMMENTS_PART in names else None)
    next_comment = 1 + max((int(c.get(f"{_W}id", "0")) for c in comments), default=-1)
    ids = {"next": 100_000 + next_comment}
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    paragraphs = [p for p, _ in docx_paragraphs(document.find(f"{_W}body"))]
    for claim in sorted(flagged(check), key=lambda c: (c.paragraph, -c.start)):
        if claim.paragraph >= len(paragraphs) or claim.end <= claim.start:
            continue
        runs = runs_for(paragraphs[claim.paragraph], claim.start, claim.end)
        if not runs:
            continue
        new_text = replacement(claim) if track else None
        anchors = _track(runs, new_text, ids, stamp) if new_text else runs
        _anchor(anchors[0], anchors[-1], next_comment)
        _add_comment(comments, next_comment, comment_text(claim, lang), stamp)
        next_comment += 1
    changed = {"word/document.xml": _serialise(document), COMMENTS_PART: _serialise(comments),
               "word/_rels/document.xml.rels": _with_relationship(archive.read("word/_rels/document.xml.rels")),
               "[Content_Types].xml": _with_content_type(archive.read("[Content_Types].xml"))}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in archive.infolist():
            data = changed.pop(info.filename, None)
            target.writestr(info, archive.read(info.filename) if data is None else data,
                            compress_type=info.compress_type)
        for name, data in changed.items():
            target.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
