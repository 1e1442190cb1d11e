"""The standard security handler of PDF (ISO 32000-2, 7.6.4), as far as gplint needs it to
measure an encrypted PDF's streams before a backend inflates them (issue 16).

Government PDFs are often encrypted only against copying or printing: the *user* password
is empty, every reader opens them without asking, and their streams are RC4 or AES
ciphertext that :mod:`gplint.pdf_bounds` cannot inflate to measure. :func:`decryptor_for`
finds the document's encryption dictionary (through the last trailer, or cross-reference
stream, that names one), derives the file key from the empty user password and checks it
against ``/U`` (revisions 2 to 6: RC4 40-128 bits, AES-128, AES-256), and gives a
:class:`Decryptor` that decrypts a stream as the backend will. A document it cannot open
so is an :class:`~gplint.sources.InputError` that says why: a user password is set, or
another security handler (public keys, a plug-in's) encrypts it.

RC4 and MD5 need nothing (RC4 is OpenSSL's when ``cryptography`` is installed); AES needs the ``cryptography`` package (OpenSSL's AES, installed
with ``gplint[pdf]``).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any, Callable, Optional

from .sources import InputError

_PAD = bytes.fromhex("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a")
_LOCKED = "encrypted PDF: it has a password to open it, so it cannot be read (save it without a password first)"


class _Syntax(Exception):
    pass


# --------------------------------------------------------------------------- PDF objects
_DELIMITERS = b"()<>[]{}/%"
_WHITE = b" \t\r\n\f\x00"
_ESCAPES = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}
_MAX_DEPTH = 32
_MAX_TRAILERS = 64  # dictionaries that name /Encrypt tried, newest first


def _skip(data: bytes, i: int) -> int:
    while i < len(data):
        if data[i] in _WHITE:
            i += 1
        elif data[i] == 0x25:  # % comment
            while i < len(data) and data[i] not in b"\r\n":
                i += 1
        else:
            return i
    return i


def parse_object(data: bytes, i: int, depth: int = 0) -> tuple[Any, int]:
    """The direct object at ``data[i:]`` and where it ends: a dict (names without their
    slash as keys), a list, bytes (a string), a str (a name, with its slash), an int or
    float, a ``(number, generation)`` tuple for a reference, True/False/None."""
    i = _skip(data, i)
    if i >= len(data) or depth > _MAX_DEPTH:
        raise _Syntax()
    ch = data[i:i + 1]
    if data.startswith(b"<<", i):
        out: dict[str, Any] = {}
        i = _skip(data, i + 2)
        while not data.startswith(b">>", i):
            key, i = parse_object(data, i, depth + 1)
            if not isinstance(key, str):
                raise _Syntax()
            out[key[1:]], i = parse_object(data, i, depth + 1)
            i = _skip(data, i)
        return out, i + 2
    if ch == b"[":
        items: list[Any] = []
        i = _skip(data, i + 1)
        while data[i:i + 1] != b"]":
            if i >= len(data):
                raise _Syntax()
            item, i = parse_object(data, i, depth + 1)
            items.append(item)
            i = _skip(data, i)
        return items, i + 1
    if ch == b"(":
        return _literal_string(data, i + 1)
    if ch == b"<":
        end = data.find(b">", i)
        if end < 0:
            raise _Syntax()
        digits = re.sub(rb"\s", b"", data[i + 1:end])
        try:
            return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii")), end + 1
        except ValueError:
            raise _Syntax() from None
    j = i + 1
    while j < len(data) and data[j] not in _WHITE and data[j] not in _DELIMITERS:
        j += 1
    word = data[i:j]
    if ch == b"/":
        return word.decode("latin-1"), j
    if word in (b"true", b"false", b"null"):
        return {b"true": True, b"false": False, b"null": None}[word], j
    ref = re.compile(rb"\s+(\d+)\s+R\b").match(data, j)
    if word.isdigit() and ref:
        return (int(word), int(ref.group(1))), ref.end()
    try:
        return (float(word) if b"." in word else int(word)), j
    except ValueError:
        raise _Syntax() from None


def _literal_string(data: bytes, i: int) -> tuple[bytes, int]:
    out, nest = bytearray(), 0
    while i < len(data):
        c = data[i]
        i += 1
        if c == 0x5C:  # backslash
            e = data[i] if i < len(data) else 0
            i += 1
            if 0x30 <= e <= 0x37:
                digits = bytes([e])
                while len(digits) < 3 and i < len(data) and 0x30 <= data[i] <= 0x37:
                    digits, i = digits + data[i:i + 1], i + 1
                out.append(int(digits, 8) & 0xFF)
            elif e == 0x0D:
                i += data[i:i + 1] == b"\n"
            elif e != 0x0A:
                out.append(_ESCAPES.get(e, e))
        elif c == 0x28:
            nest += 1
            out.append(c)
        elif c == 0x29:
            if nest == 0:
                return bytes(out), i
            nest -= 1
            out.append(c)
        else:
            out.append(c)
    raise _Syntax()


def _object_at(data: bytes, number: int, generation: int) -> Any:
    """Indirect object ``number generation`` (the last one written: incremental updates
    append new versions); an encryption dictionary is never in an object stream."""
    found = None
    for found in re.finditer(rb"(?<![0-9])%d\s+%d\s+obj\b" % (number, generation), data):
        pass
    if found is None:
        raise _Syntax()
    return parse_object(data, found.end())[0]


def _trailer(data: bytes) -> Optional[dict]:
    """The newest trailer (or cross-reference stream dictionary) that names ``/Encrypt``;
    None when no dictionary of the file does."""
    at = data.rfind(b"/Encrypt")
    for _ in range(_MAX_TRAILERS):
        if at < 0:
            return None
        start = max(data.rfind(b"trailer", 0, at), data.rfind(b"obj", 0, at))
        if start >= 0:
            try:
                trailer, _ = parse_object(data, data.index(b"<<", start))
            except (_Syntax, ValueError, IndexError):
                trailer = None
            if isinstance(trailer, dict) and "Encrypt" in trailer:
                return trailer
        at = data.rfind(b"/Encrypt", 0, at)
    raise _Syntax()  # a file of /Encrypt names, parsed again and again: not a report


# --------------------------------------------------------------------------- ciphers
def rc4(key: bytes, data: bytes) -> bytes:
    """RC4 (ARCFOUR), as PDF's revisions 2 to 4 use it: OpenSSL's through ``cryptography``
    when it is installed and takes the key's length (≈ 100 times faster), else in Python."""
    try:
        from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4
        from cryptography.hazmat.primitives.ciphers import Cipher

        encryptor = Cipher(ARC4(key), None).encryptor()
    except Exception:  # noqa: BLE001 - not installed, an older version, a key length OpenSSL refuses
        return _rc4_python(key, data)
    return encryptor.update(data) + encryptor.finalize()


def _rc4_python(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) & 0xFF
        s[i], s[j] = s[j], s[i]
    stream = bytearray(len(data))
    i = j = 0
    for n in range(len(data)):
        i = (i + 1) & 0xFF
        si = s[i]
        j = (j + si) & 0xFF
        sj = s[j]
        s[i], s[j] = sj, si
        stream[n] = s[(si + sj) & 0xFF]
    return (int.from_bytes(data, "big") ^ int.from_bytes(stream, "big")).to_bytes(len(data), "big")


def _aes():
    try:
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    except ImportError:
        raise InputError("AES-encrypted PDF: reading it needs the 'cryptography' package "
                         "(pip install 'gplint[pdf]')") from None
    return Cipher, algorithms.AES, modes


def aes_cbc(key: bytes, iv: bytes, data: bytes, *, encrypt: bool = False) -> bytes:
    """AES in CBC mode, no padding added or removed (``data`` whole blocks)."""
    cipher, aes, modes = _aes()
    c = cipher(aes(key), modes.CBC(iv))
    op = c.encryptor() if encrypt else c.decryptor()
    return op.update(data) + op.finalize()


def _aes_stream(key: bytes, data: bytes) -> bytes:
    """A string or stream as AESV2/AESV3 write it: a 16-byte IV, then CBC with PKCS#7."""
    whole = len(data) - len(data) % 16
    if whole < 32:
        return b""
    plain = aes_cbc(key, data[:16], data[16:whole])
    pad = plain[-1]
    return plain[:-pad] if 1 <= pad <= 16 and whole == len(data) else plain


def hash_2b(password: bytes, salt: bytes, udata: bytes) -> bytes:
    """Algorithm 2.B (revision 6): SHA-256/384/512 rounds over AES-128 encryptions."""
    k = hashlib.sha256(password + salt + udata).digest()
    rounds = 0
    while True:
        e = aes_cbc(k[:16], k[16:32], (password + k + udata) * 64, encrypt=True)
        k = (hashlib.sha256, hashlib.sha384, hashlib.sha512)[sum(e[:16]) % 3](e).digest()
        rounds += 1
        if rounds >= 64 and e[-1] <= rounds - 32:
            return k[:32]


# --------------------------------------------------------------------------- the handler
@dataclass(frozen=True)
class Decryptor:
    """Decrypts the streams of one document with its file key."""

    key: bytes
    cipher: str  # "rc4", "aesv2", "aesv3" or "identity" (streams not encrypted)
    encrypt_metadata: bool = True

    def stream(self, number: int, generation: int, data: bytes) -> bytes:
        if self.cipher == "identity":
            return data
        if self.cipher == "aesv3":
            return _aes_stream(self.key, data)
        salt = b"sAlT" if self.cipher == "aesv2" else b""
        key = hashlib.md5(self.key + (number & 0xFFFFFF).to_bytes(3, "little")
                          + (generation & 0xFFFF).to_bytes(2, "little") + salt).digest()[:min(len(self.key) + 5, 16)]
        return _aes_stream(key, data) if self.cipher == "aesv2" else rc4(key, data)


def decryptor_for(data: bytes) -> Optional[Decryptor]:
    """None for a PDF that is not encrypted; else the :class:`Decryptor` of its empty user
    password. Raises InputError when the document cannot be opened without a password, or
    is encrypted in a way gplint does not read (so that no backend gets it unmeasured)."""
    if b"/Encrypt" not in data:
        return None
    try:
        trailer = _trailer(data)
        if trailer is None:  # no trailer names one (the word in a stream): not encrypted
            return None
        ref = trailer["Encrypt"]
        encrypt = _object_at(data, *ref) if isinstance(ref, tuple) else ref
        if not isinstance(encrypt, dict):
            raise _Syntax()
        ids = trailer.get("ID")
        first_id = ids[0] if isinstance(ids, list) and ids and isinstance(ids[0], bytes) else b""
        return _standard(encrypt, first_id)
    except (_Syntax, KeyError, TypeError, ValueError, IndexError, AttributeError):
        raise InputError("encrypted PDF whose encryption dictionary gplint cannot read") from None


def _standard(encrypt: dict, first_id: bytes) -> Decryptor:
    if encrypt.get("Filter") != "/Standard":
        raise InputError(f"encrypted PDF (security handler {str(encrypt.get('Filter'))[1:]!r}, not the standard "
                         "one): it cannot be read without its keys")
    revision, version = int(encrypt.get("R", 0)), int(encrypt.get("V", 0))
    owner, user = _string(encrypt["O"]), _string(encrypt["U"])
    metadata = encrypt.get("EncryptMetadata", True) is not False
    cipher = _stream_cipher(encrypt, version)
    if revision in (5, 6):
        key = _key_aes256(encrypt, user, revision)
    elif revision in (2, 3, 4):
        length = 5 if revision == 2 else int(encrypt.get("Length", 40)) // 8
        if not 5 <= length <= 16:
            raise _Syntax()
        key = _key_rc4(owner, user, int(encrypt["P"]), first_id, revision, length, metadata)
    else:
        raise InputError(f"encrypted PDF (standard security handler, revision {revision}, which gplint does not read)")
    return Decryptor(key, cipher, metadata)


def _string(value: Any) -> bytes:
    if not isinstance(value, bytes):  # (bytes(n) of a number would allocate n bytes)
        raise _Syntax()
    return value


_CRYPT_METHODS: dict[str, str] = {"/V2": "rc4", "/AESV2": "aesv2", "/AESV3": "aesv3", "/None": "identity"}


def _stream_cipher(encrypt: dict, version: int) -> str:
    if version < 4:
        return "rc4"
    name = encrypt.get("StmF", "/Identity")
    if name == "/Identity":
        return "identity"
    crypt_filter = (encrypt.get("CF") or {}).get(name[1:]) or {}
    method = crypt_filter.get("CFM", "/None")
    if method not in _CRYPT_METHODS:
        raise InputError(f"encrypted PDF (crypt filter method {method[1:]!r}, which gplint does not read)")
    return _CRYPT_METHODS[method]


def _key_rc4(owner: bytes, user: bytes, permissions: int, first_id: bytes, revision: int, length: int,
             metadata: bool) -> bytes:
    """Algorithm 2 with the empty user password, checked by algorithm 4 or 5 against /U."""
    h = hashlib.md5(_PAD + owner[:32] + (permissions & 0xFFFFFFFF).to_bytes(4, "little") + first_id
                    + (b"" if revision < 4 or metadata else b"\xff" * 4)).digest()
    if revision >= 3:
        for _ in range(50):
            h = hashlib.md5(h[:length]).digest()
    key = h[:length]
    if revision == 2:
        ok = rc4(key, _PAD) == user[:32]
    else:
        check = rc4(key, hashlib.md5(_PAD + first_id).digest())
        for i in range(1, 20):
            check = rc4(bytes(b ^ i for b in key), check)
        ok = check == user[:16]
    if not ok:
        raise InputError(_LOCKED)
    return key


def _key_aes256(encrypt: dict, user: bytes, revision: int) -> bytes:
    """Algorithm 2.A with the empty user password (revision 5: SHA-256; 6: algorithm 2.B)."""
    digest: Callable[[bytes], bytes] = (
        (lambda salt: hashlib.sha256(salt).digest()) if revision == 5 else (lambda salt: hash_2b(b"", salt, b"")))
    if len(user) < 48 or digest(user[32:40]) != user[:32]:
        raise InputError(_LOCKED)
    wrapped = _string(encrypt["UE"])[:32]
    if len(wrapped) != 32:
        raise _Syntax()
    return aes_cbc(digest(user[40:48]), bytes(16), wrapped)
