"""Slide mode helpers beyond the slide itself: the committee's saved slide order and the take-away files."""

from __future__ import annotations

import streamlit as st

from unionboard.analysis.double_entry import counted_result
from unionboard.core.i18n import t
from unionboard.core.period import TERM_SO_FAR, YEAR
from unionboard.export.formats import MIME, Options, write
from unionboard.present.qr import public_url
from unionboard.ui.auth import can, current_user, is_committee, sign_in_form

ORDER_SETTING = "slide_order"
ODS_MIME = MIME["ods"]  # the data page's .ods download


def saved_order(view) -> list[str] | None:
    """The committee's slide order saved with the shown version (None: default order)."""
    if view.source.version is None:
        return None
    from unionboard.store.versions import open_store

    order = open_store().get_setting(ORDER_SETTING, None, version_id=view.source.version.id)
    if isinstance(order, list) and order and all(isinstance(k, str) for k in order):
        return order
    return None


@st.cache_data(show_spinner=False, max_entries=8)
def _pptx(cache_key: tuple, order: tuple[str, ...] | None, lang: str, qr_url: str | None, _dataset) -> bytes:
    return write("pptx", _dataset, lang, Options(order=order, qr_url=qr_url))


DOCUMENTS = {  # format (a key of export.formats.WRITERS) → (catalogue key of the label, file name, icon)
    "docx": ("slides_download_docx", "dai-hoi-bang-bieu.docx", ":material/description:"),
    "xlsx": ("slides_download_xlsx", "dai-hoi-so-lieu.xlsx", ":material/table:"),
    "pdf": ("doc.download_pdf", "dai-hoi-ho-so.pdf", ":material/picture_as_pdf:"),
    "odt": ("doc.download_odt", "dai-hoi-bang-bieu.odt", ":material/article:"),
    "ods": ("doc.download_ods", "dai-hoi-so-lieu.ods", ":material/grid_on:"),
}
DEFERRED = ("pdf", "odt", "ods")  # made when clicked: the slide page does not wait for them


@st.cache_data(show_spinner=False, max_entries=16)
def document_bytes(cache_key: tuple, fmt: str, lang: str, _dataset, extra: tuple = ()) -> bytes:
    """A take-away file in the reader's language, cached on the data's content hash, the format, the
    language and the congress day's sections (`extra`, the PDF dossier's)."""
    return write(fmt, _dataset, lang, Options(extra_sections=extra))


def ods_bytes(cache_key: tuple, dataset) -> bytes:
    """The data workbook as .ods, cached on the data's content hash (also the data page's download)."""
    return document_bytes(cache_key, "ods", "vi", dataset)


def document_sections(view, lang: str) -> tuple:
    """The congress day's report sections recorded in the store (never the labelled sample's)."""
    from unionboard.export.congress_sections import congress_sections
    from unionboard.ui.congress_ui import attendance, congress_store

    state = attendance(view)
    store = congress_store()
    # double entry: a batch counts once its entries agree (or the board resolved it)
    results = [counted_result(e, store.entries(e.id), store.resolutions(e.id)) for e in store.elections()]
    named = can("see_attendance")  # the credentials report names the absent: allowed roles only
    return congress_sections(None if state.sample or not state.marks or not named else state.report, results, lang)


def period_file_name(name: str, period) -> str:
    """'dai-hoi-bang-bieu.docx' → 'nam-2025-bang-bieu.docx' for a year, 'nhiem-ky-den-2025-…' for the term
    so far: a file taken away says its period too."""
    if period is not None and period.kind == YEAR:
        return name.replace("dai-hoi", f"nam-{period.first}", 1)
    if period is not None and period.kind == TERM_SO_FAR:
        return name.replace("dai-hoi", f"nhiem-ky-den-{period.last}", 1)
    return name


ANNUAL_LABELS = {"docx": "annual.download_docx", "pdf": "annual.download_pdf", "odt": "annual.download_odt"}


def downloads(view, dataset, order: list[str] | None, lang: str) -> None:
    """The deck, the Word tables, the data, the PDF dossier and the OpenDocument files, cached on the
    data's content hash; the PDF and OpenDocument files are made only when clicked."""
    key = view.data_key  # the content and the reporting period
    st.download_button(t("slides_download_pptx", lang),
                       _pptx(key, tuple(order) if order else None, lang, public_url(), dataset),
                       file_name=period_file_name("dai-hoi-trinh-chieu.pptx", view.period), mime=MIME["pptx"],
                       key="slides_pptx", on_click="ignore", icon=":material/co_present:")
    annual = view.period is not None and view.period.kind == YEAR  # the annual report, not the congress's
    for fmt, (label, file_name, icon) in DOCUMENTS.items():
        label = ANNUAL_LABELS.get(fmt, label) if annual else label
        file_name = period_file_name(file_name, view.period)
        def data(fmt: str = fmt) -> bytes:
            # the dossier also holds the credentials report and the election results, once recorded
            extra = document_sections(view, lang) if fmt == "pdf" else ()
            return document_bytes(key, fmt, lang, dataset, extra)

        st.download_button(t(label, lang), data if fmt in DEFERRED else data(), file_name=file_name,
                           mime=MIME[fmt], key=f"slides_{fmt}", on_click="ignore", icon=icon)


def save_order(view, order: list[str] | None, lang: str) -> None:
    """Publish the order (None: back to the default) as a new version; committee only."""
    if not is_committee():  # re-checked right before the write
        st.error(t("slides_order_sign_in", lang), icon=":material/lock:")
        return
    if view.source.version is None:
        st.error(t("slides_order_sample", lang))
        return
    if order is not None and not order:
        st.error(t("slides_order_empty", lang))
        return
    from unionboard.store.versions import StaleVersion, StoreError, open_store

    by = current_user() or t("slides_order_by", lang)
    try:
        version = open_store().publish_setting(ORDER_SETTING, order, by=by,
                                               comment=t("slides_order_comment", lang),
                                               expected_current=view.source.version.id)
    except StaleVersion:
        st.error(t("slides_order_stale", lang))
        return
    except StoreError as exc:
        st.error(exc.text(lang))
        return
    st.session_state["slides_flash"] = t("slides_order_saved", lang, id=version.id)
    st.rerun()


def order_panel(view, default_keys: list[str], order: list[str] | None, titles: dict[str, str],
                lang: str) -> None:
    """Choose and order the slides (committee); everyone else is asked to sign in."""
    st.markdown(f"**{t('slides_order_heading', lang)}**")
    if not is_committee():
        st.caption(t("slides_order_sign_in", lang))
        sign_in_form(lang)
        return
    if view.source.version is None:
        st.info(t("slides_order_sample", lang), icon=":material/science:")
    current = [k for k in (order or default_keys) if k in titles]
    chosen = st.multiselect(t("slides_order_pick", lang), default_keys, default=current,
                            format_func=titles.get, key="slides_order_pick",
                            help=t("slides_order_help", lang))
    disabled = view.source.version is None
    left, right = st.columns(2)
    if left.button(t("slides_order_save", lang), type="primary", key="slides_order_save",
                   icon=":material/save:", disabled=disabled):
        save_order(view, list(chosen), lang)
    if right.button(t("slides_order_reset", lang), key="slides_order_reset",
                    disabled=disabled or order is None):
        save_order(view, None, lang)
