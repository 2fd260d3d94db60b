"""The .odt draft sent back: an office:annotation (comment) over every figure that differs or is ambiguous.

Only content.xml changes (an office:annotation before the figure, an office:annotation-end after it, ODF 1.2);
every other part of the package, the mimetype first and stored, is copied byte for byte. Tracked changes are
not written for .odt.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from lxml import etree

from unionboard.analysis.draft_check import DraftCheck
from unionboard.core.i18n import t
from unionboard.core.models import SourceFile
from unionboard.export.draft_docx import comment_text, flagged

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
DC = "http://purl.org/dc/elements/1.1/"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
_ATOMS = {f"{{{TEXT}}}tab": 1, f"{{{TEXT}}}line-break": 1}
_PARAGRAPHS = (f"{{{TEXT}}}p", f"{{{TEXT}}}h")
_CONTAINERS = (f"{{{TEXT}}}list", f"{{{TEXT}}}list-item", f"{{{TEXT}}}section")


def odt_paragraphs(parent) -> list:
    """The text:p/text:h of the body in the reader's order (read/draft.py); None for an empty table cell."""
    out: list = []
    for child in parent:
        if child.tag in _PARAGRAPHS:
            out.append(child)
        elif child.tag in _CONTAINERS:
            out += odt_paragraphs(child)
        elif child.tag == f"{{{TABLE}}}table":
            for row in child.iter(f"{{{TABLE}}}table-row"):
                for cell in row.iterchildren(f"{{{TABLE}}}table-cell"):
                    found = [p for p in cell.iterchildren(*_PARAGRAPHS)]
                    out += found or [None]
    return out


def _slots(element, at: int = 0) -> tuple[list[tuple[object, str, int, int]], int]:
    """(node, "text"|"tail", start, length) for every text position of a paragraph, in reading order."""
    slots = [(element, "text", at, len(element.text or ""))]
    at += len(element.text or "")
    for child in element:
        if child.tag == f"{{{TEXT}}}s":
            at += int(child.get(f"{{{TEXT}}}c", "1") or 1)
        elif child.tag in _ATOMS:
            at += 1
        elif isinstance(child.tag, str):
            inner, at = _slots(child, at)
            slots += inner
        slots.append((child, "tail", at, len(child.tail or "")))
        at += len(child.tail or "")
    return slots, at


def _insert(paragraph, offset: int, marker, at_start: bool) -> None:
    slots, _ = _slots(paragraph)
    if at_start:
        fits = [s for s in slots if s[2] <= offset < s[2] + s[3]] or [s for s in slots if s[2] + s[3] == offset]
    else:
        fits = [s for s in slots if s[2] < offset <= s[2] + s[3]] or [s for s in slots if s[2] == offset]
    node, where, start, _ = fits[0]
    text = (node.text if where == "text" else node.tail) or ""
    before, after = text[:offset - start], text[offset - start:]
    if where == "text":
        node.text = before
        node.insert(0, marker)
    else:
        node.tail = before
        node.addnext(marker)
    marker.tail = after


def _annotation(name: str, text: str, stamp: str):
    note = etree.Element(f"{{{OFFICE}}}annotation", nsmap={"office": OFFICE, "dc": DC, "text": TEXT})
    note.set(f"{{{OFFICE}}}name", name)
    etree.SubElement(note, f"{{{DC}}}creator").text = "unionboard"
    etree.SubElement(note, f"{{{DC}}}date").text = stamp
    etree.SubElement(note, f"{{{TEXT}}}p").text = text
    return note


def annotated_odt(draft: SourceFile, check: DraftCheck, lang: str = "vi") -> bytes:
    """The .odt draft with a comment on every differing or ambiguous figure (ValueError when not an .odt)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(draft.data))
        content = etree.fromstring(archive.read("content.xml"), _PARSER)
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as exc:
        raise ValueError(t("draft.not_draft", lang)) from exc
    body = content.find(f"{{{OFFICE}}}body/{{{OFFICE}}}text")
    paragraphs = odt_paragraphs(body) if body is not None else []
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None).isoformat()
    for number, claim in enumerate(sorted(flagged(check), key=lambda c: (c.paragraph, -c.start)), start=1):
        paragraph = paragraphs[claim.paragraph] if claim.paragraph < len(paragraphs) else None
        if paragraph is None or claim.end <= claim.start:
            continue
        name = f"unionboard-{number}"
        end = etree.Element(f"{{{OFFICE}}}annotation-end")
        end.set(f"{{{OFFICE}}}name", name)
        _insert(paragraph, claim.end, end, at_start=False)
        _insert(paragraph, claim.start, _annotation(name, comment_text(claim, lang), stamp), at_start=True)
    data = etree.tostring(content, xml_declaration=True, encoding="UTF-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in archive.infolist():
            target.writestr(info, data if info.filename == "content.xml" else archive.read(info.filename),
                            compress_type=info.compress_type)
    return out.getvalue()
