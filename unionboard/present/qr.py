"""A QR code of the dashboard's public address, for a delegate's phone: made here, never by a web service.

The address is the setting `UNIONBOARD_PUBLIC_URL` (e.g. ``https://daihoi.example.vn``), the one delegates
reach from their phones; the app cannot know it (behind a proxy or a tunnel it sees only its own port).
Only an absolute http(s) address with a host is accepted: no other scheme (``javascript:``, ``data:``,
``file:``), no user name or password in it, no spaces or control characters, at most
`MAX_URL_LENGTH` characters (a longer one makes a QR too dense to scan from the back of the hall).
Anything else is refused (`PublicUrl.invalid`) and the pages say so instead of drawing a code.

A host or path written with Vietnamese letters is turned into the ASCII form every phone's scanner
reads (punycode for the host, percent-escapes for the rest): the QR and the address shown are that form.

Codes are made with `segno` (pure Python): SVG for the pages (only ``<svg>`` and ``<path>``; the address
is not in it) and PNG for the PowerPoint deck. Error correction "M" survives a projector's glare.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

import segno

from unionboard.core import settings

ENV_VAR = settings.PUBLIC_URL.name
MAX_URL_LENGTH = 300
ERROR_LEVEL = "m"
QUIET_ZONE = 4  # modules of light border the standard asks for
DARK, LIGHT = "#000000", "#ffffff"

_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f-\x9f\s]")
# characters kept as they are in the path, query and fragment (RFC 3986 reserved + unreserved + %)
_URL_SAFE = "/?#[]@!$&'()*+,;=:%~-._"


@dataclass(frozen=True)
class PublicUrl:
    """The setting: `url` is the address to encode (None when unset or refused); `configured` says it was set."""

    url: str | None
    configured: bool

    @property
    def invalid(self) -> bool:
        """Set, but not an address a phone can open."""
        return self.configured and self.url is None


def _ascii_host(host: str) -> str | None:
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return None


def normalise_url(value: str | None) -> str | None:
    """`value` as an absolute http(s) address in ASCII, or None when it is not one (see the module doc)."""
    if value is None:
        return None
    text = value.strip()
    if not text or len(text) > MAX_URL_LENGTH or _CONTROL_OR_SPACE.search(text):
        return None
    try:
        parts = urlsplit(text)
        port = parts.port  # raises on a port that is not a number in 0..65535
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if scheme not in ("http", "https") or not host or "@" in parts.netloc or "\\" in text:
        return None
    ascii_host = _ascii_host(host)
    if not ascii_host or not re.fullmatch(r"[A-Za-z0-9._\-]+|\[[0-9A-Fa-f:.]+\]", _bracket(ascii_host)):
        return None
    netloc = _bracket(ascii_host) + (f":{port}" if port is not None else "")
    url = urlunsplit((scheme, netloc, quote(parts.path, safe=_URL_SAFE), quote(parts.query, safe=_URL_SAFE),
                      quote(parts.fragment, safe=_URL_SAFE)))
    return url if len(url) <= MAX_URL_LENGTH else None


def _bracket(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def public_url_setting(environ: Mapping[str, str] | None = None) -> PublicUrl:
    """The `UNIONBOARD_PUBLIC_URL` setting of `environ` (default: this process's environment)."""
    raw = settings.raw(settings.PUBLIC_URL, environ)
    configured = raw is not None and raw.strip() != ""
    return PublicUrl(normalise_url(raw) if configured else None, configured)


def public_url(environ: Mapping[str, str] | None = None) -> str | None:
    """The address the QR codes open, or None when the setting is absent or refused."""
    return public_url_setting(environ).url


def _code(url: str) -> segno.QRCode:
    checked = normalise_url(url)
    if checked is None:
        raise ValueError("not an http(s) address a QR code may carry")
    return segno.make_qr(checked, error=ERROR_LEVEL, boost_error=False)


@functools.lru_cache(maxsize=16)
def qr_svg(url: str) -> str:
    """The QR code of `url` as a standalone SVG that scales to its box (viewBox, no width/height)."""
    out = io.BytesIO()
    _code(url).save(out, kind="svg", xmldecl=False, svgns=True, nl=False, omitsize=True,
                    border=QUIET_ZONE, dark=DARK, light=LIGHT, svgclass=None, lineclass=None)
    # crisp module edges: no anti-aliased seams between rows when the code is drawn at any size
    return out.getvalue().decode("ascii").replace("<svg ", '<svg shape-rendering="crispEdges" ', 1)


@functools.lru_cache(maxsize=16)
def qr_png(url: str, scale: int = 10) -> bytes:
    """The QR code of `url` as PNG bytes, `scale` pixels a module, with its quiet zone."""
    out = io.BytesIO()
    _code(url).save(out, kind="png", scale=scale, border=QUIET_ZONE, dark=DARK, light=LIGHT)
    return out.getvalue()
