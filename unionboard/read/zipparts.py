"""Raw access to the members of an .xlsx (a zip archive) held in memory, and a writer of small archives."""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO

ZIP_MAGIC = b"PK\x03\x04"
_LOCAL_HEADER = struct.Struct("<IHHHHHIIIHH")
_CENTRAL_HEADER = struct.Struct("<IHHHHHHIIIHHHHHII")
_END_OF_CENTRAL = struct.Struct("<IHHHHIIH")
_UTF8_NAMES = 0x800  # general-purpose flag bit 11: the member name is UTF-8
_DOS_DATE = 0x21  # 1980-01-01, the earliest date a zip header can hold


@dataclass(frozen=True)
class RawMember:
    """One member's bytes as stored in the archive (compressed or not), with what a header needs."""

    name: str
    method: int  # zipfile.ZIP_STORED or zipfile.ZIP_DEFLATED
    crc: int
    size: int  # uncompressed
    packed: memoryview | bytes


def raw_member(data: bytes, info: zipfile.ZipInfo) -> RawMember | None:
    """The member's stored bytes, straight from the archive's buffer; None when it is anything but a
    plain stored or deflated member (encrypted, another method, a local header that does not add up)."""
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or info.flag_bits & 0x1:
        return None
    offset = info.header_offset
    header = data[offset:offset + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size or not header.startswith(ZIP_MAGIC):
        return None
    start = offset + 30 + int.from_bytes(header[26:28], "little") + int.from_bytes(header[28:30], "little")
    if start + info.compress_size > len(data):
        return None
    return RawMember(info.filename, info.compress_type, info.CRC, info.file_size,
                     memoryview(data)[start:start + info.compress_size])


def chunks(data: bytes, archive: zipfile.ZipFile, path: str, size: int) -> Iterator[bytes]:
    """The decompressed member, about `size` bytes at a time. Straight from the archive's bytes with
    zlib (zipfile also checks the CRC, which costs a third of the time and does not matter here:
    calamine reads the archive itself); anything unusual goes through zipfile."""
    member = raw_member(data, archive.getinfo(path))
    if member is None:
        with archive.open(path) as part:
            while chunk := part.read(size):
                yield chunk
        return
    packed = member.packed
    if member.method == zipfile.ZIP_STORED:
        for pos in range(0, len(packed), size):
            yield bytes(packed[pos:pos + size])
        return
    inflater = zlib.decompressobj(-15)
    step = size // 8
    for pos in range(0, len(packed), step):
        chunk = inflater.decompress(packed[pos:pos + step], size)
        while True:
            if chunk:
                yield chunk
            if not inflater.unconsumed_tail:
                break
            chunk = inflater.decompress(inflater.unconsumed_tail, size)
        if inflater.eof:
            break
    if rest := inflater.flush():
        yield rest


def whole(data: bytes, archive: zipfile.ZipFile, path: str) -> bytes | None:
    """The decompressed member in one piece (one buffer of the size the archive declares), or None
    when the member is unusual or inflates to anything but its declared size (never more is made)."""
    info = archive.getinfo(path)
    member = raw_member(data, info)
    if member is None:
        return None
    if member.method == zipfile.ZIP_STORED:
        return bytes(member.packed)
    inflater = zlib.decompressobj(-15)
    try:
        content = inflater.decompress(member.packed, info.file_size + 1)
    except zlib.error:
        return None
    return content if len(content) == info.file_size and inflater.eof else None


def write_archive(members: Sequence[tuple[RawMember, Sequence[bytes | memoryview]]], out: BinaryIO) -> None:
    """Write a zip archive of the given members to `out`, each either copied as stored in another
    archive (no pieces) or stored uncompressed from `pieces` (crc and size computed from them)."""
    central: list[bytes] = []
    position = 0
    for member, pieces in members:
        name = member.name.encode("utf-8")
        if pieces:
            crc = size = 0
            for piece in pieces:
                crc = zlib.crc32(piece, crc)
                size += len(piece)
            method, packed_size, body = zipfile.ZIP_STORED, size, pieces
        else:
            crc, size = member.crc, member.size
            method, packed_size, body = member.method, len(member.packed), (member.packed,)
        header = _LOCAL_HEADER.pack(0x04034B50, 20, _UTF8_NAMES, method, 0, _DOS_DATE, crc, packed_size, size,
                                    len(name), 0) + name
        out.write(header)
        for piece in body:
            out.write(piece)
        central.append(_CENTRAL_HEADER.pack(0x02014B50, 20, 20, _UTF8_NAMES, method, 0, _DOS_DATE, crc, packed_size,
                                            size, len(name), 0, 0, 0, 0, 0, position) + name)
        position += len(header) + packed_size
    directory = b"".join(central)
    out.write(directory)
    out.write(_END_OF_CENTRAL.pack(0x06054B50, 0, 0, len(members), len(members), len(directory), position, 0))
