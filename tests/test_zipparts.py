"""Raw zip member access and the small-archive writer, checked against Python's zipfile."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest

from unionboard.read import zipparts

CONTENT = {"a.xml": b"<a>" + b"x" * 50_000 + b"</a>", "b/stored.bin": bytes(range(256)) * 40,
           "xl/t\u00ean.xml": "Tên đoàn viên".encode()}


def archive_bytes(stored: set[str] = frozenset()) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in CONTENT.items():
            z.writestr(name, data, compress_type=zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def test_raw_members_copied_into_a_new_archive_read_back_with_their_crc():
    data = archive_bytes(stored={"b/stored.bin"})
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        members = [zipparts.raw_member(data, info) for info in z.infolist()]
    assert {m.method for m in members} == {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
    out = io.BytesIO()
    zipparts.write_archive([(m, ()) for m in members], out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as z:
        assert z.testzip() is None  # every CRC checks
        assert {n: z.read(n) for n in z.namelist()} == CONTENT


def test_member_from_pieces_is_stored_with_the_crc_of_its_content():
    data = archive_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        member = zipparts.raw_member(data, z.getinfo("a.xml"))
    body = memoryview(b"<root><row/>" + b"y" * 10_000 + b"</root>")
    out = io.BytesIO()
    zipparts.write_archive([(member, (body[:6], body[6:12], body[12:]))], out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as z:
        assert z.testzip() is None
        assert z.getinfo("a.xml").compress_type == zipfile.ZIP_STORED
        assert z.read("a.xml") == bytes(body)


@pytest.mark.parametrize("stored", [set(), {"a.xml"}])
def test_whole_and_chunks_give_the_member(stored):
    data = archive_bytes(stored)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert zipparts.whole(data, z, "a.xml") == CONTENT["a.xml"]
        pieces = list(zipparts.chunks(data, z, "a.xml", 4096))
    assert len(pieces) > 1 and b"".join(pieces) == CONTENT["a.xml"]


def with_declared_size(data: bytes, name: bytes, size: int) -> bytes:
    """The archive with the central directory's uncompressed size of `name` changed."""
    at = data.index(b"PK\x01\x02")
    while data[at + 46:at + 46 + len(name)] != name:
        at = data.index(b"PK\x01\x02", at + 4)
    return data[:at + 24] + struct.pack("<I", size) + data[at + 28:]


def test_whole_refuses_a_member_that_inflates_past_its_declared_size():
    data = with_declared_size(archive_bytes(), b"a.xml", 1000)  # really ~50 KB
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.getinfo("a.xml").file_size == 1000
        assert zipparts.whole(data, z, "a.xml") is None
        assert b"".join(zipparts.chunks(data, z, "a.xml", 4096)) == CONTENT["a.xml"]  # still scanned


def test_raw_member_refuses_a_header_that_does_not_add_up():
    data = archive_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo("a.xml")
    assert zipparts.raw_member(data, info) is not None
    broken = data[:info.header_offset] + b"XX" + data[info.header_offset + 2:]
    assert zipparts.raw_member(broken, info) is None
