"""Encrypt a PDF with the standard security handler, for the tests (written from ISO
32000-2 7.6.4 apart from gplint.pdf_crypt; PDFium reading what it writes is its check).

Takes a PDF with a classic cross-reference table and no object streams (reportlab's, the
tests' minimal ones) and writes it again with every string and stream encrypted, an
encryption dictionary and an /ID. Ciphers: ``rc4-40`` (V1 R2), ``rc4-128`` (V2 R3),
``aes-128`` (V4 R4 AESV2), ``aes-256`` (V5 R6 AESV3).
"""
from __future__ import annotations

import hashlib
import os
import re

from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAD = bytes.fromhex("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a")
CIPHERS = ("rc4-40", "rc4-128", "aes-128", "aes-256")
PERMISSIONS = -3904 + 4  # printing allowed, copying and changing not (bits 1-2 and 7-8 set aside)


def _rc4(key: bytes, data: bytes) -> bytes:
    return Cipher(ARC4(key), None).encryptor().update(data)


def _aes_cbc(key: bytes, iv: bytes, data: bytes) -> bytes:
    e = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return e.update(data) + e.finalize()


def _aes_padded(key: bytes, data: bytes) -> bytes:
    iv = os.urandom(16)
    p = padding.PKCS7(128).padder()
    return iv + _aes_cbc(key, iv, p.update(data) + p.finalize())


def _hash_r6(password: bytes, salt: bytes, udata: bytes) -> bytes:
    k = hashlib.sha256(password + salt + udata).digest()
    i = 0
    while True:
        e = _aes_cbc(k[:16], k[16:32], (password + k + udata) * 64)
        k = [hashlib.sha256, hashlib.sha384, hashlib.sha512][int.from_bytes(e[:16], "big") % 3](e).digest()
        i += 1
        if i >= 64 and e[-1] <= i - 32:
            return k[:32]


def _handler(cipher: str, user: bytes, owner: bytes, file_id: bytes) -> tuple[bytes, str]:
    """The file key and the encryption dictionary."""
    p = PERMISSIONS
    if cipher == "aes-256":
        key = os.urandom(32)
        uvs, uks, ovs, oks = (os.urandom(8) for _ in range(4))
        u = _hash_r6(user, uvs, b"") + uvs + uks
        ue = _aes_cbc(_hash_r6(user, uks, b""), bytes(16), key)
        o = _hash_r6(owner, ovs, u) + ovs + oks
        oe = _aes_cbc(_hash_r6(owner, oks, u), bytes(16), key)
        perms = Cipher(algorithms.AES(key), modes.ECB()).encryptor().update(
            (p & 0xFFFFFFFF).to_bytes(4, "little") + b"\xff" * 4 + b"Tadb" + os.urandom(4))
        return key, (f"<< /Filter /Standard /V 5 /R 6 /Length 256 /P {p} /O <{o.hex()}> /U <{u.hex()}> "
                     f"/OE <{oe.hex()}> /UE <{ue.hex()}> /Perms <{perms.hex()}> "
                     "/CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >> /StmF /StdCF /StrF /StdCF >>")
    v, r, n = {"rc4-40": (1, 2, 5), "rc4-128": (2, 3, 16), "aes-128": (4, 4, 16)}[cipher]
    h = hashlib.md5((owner + PAD)[:32]).digest()
    for _ in range(50 if r >= 3 else 0):
        h = hashlib.md5(h).digest()
    o = _rc4(h[:n], (user + PAD)[:32])
    for i in range(1, 20 if r >= 3 else 1):
        o = _rc4(bytes(b ^ i for b in h[:n]), o)
    h = hashlib.md5((user + PAD)[:32] + o + (p & 0xFFFFFFFF).to_bytes(4, "little") + file_id).digest()
    for _ in range(50 if r >= 3 else 0):
        h = hashlib.md5(h[:n]).digest()
    key = h[:n]
    if r == 2:
        u = _rc4(key, PAD)
    else:
        u = _rc4(key, hashlib.md5(PAD + file_id).digest())
        for i in range(1, 20):
            u = _rc4(bytes(b ^ i for b in key), u)
        u += bytes(16)
    crypt = "/CF << /StdCF << /CFM /AESV2 /AuthEvent /DocOpen /Length 16 >> >> /StmF /StdCF /StrF /StdCF " if v == 4 else ""
    return key, f"<< /Filter /Standard /V {v} /R {r} /Length {n * 8} /P {p} /O <{o.hex()}> /U <{u.hex()}> {crypt}>>"


def _object_cipher(cipher: str, key: bytes, number: int, generation: int):
    if cipher == "aes-256":
        return lambda data: _aes_padded(key, data)
    salt = b"sAlT" if cipher == "aes-128" else b""
    k = hashlib.md5(key + number.to_bytes(3, "little") + generation.to_bytes(2, "little") + salt).digest()
    k = k[:min(len(key) + 5, 16)]
    return (lambda data: _aes_padded(k, data)) if cipher == "aes-128" else (lambda data: _rc4(k, data))


_ESC = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _strings_encrypted(text: bytes, encrypt) -> bytes:
    """The object's text with each literal and hex string encrypted, written in hex."""
    out, i = bytearray(), 0
    while i < len(text):
        c = text[i:i + 1]
        if c == b"(":
            raw, nest, i = bytearray(), 0, i + 1
            while True:
                c = text[i:i + 1]
                i += 1
                if c == b"\\":
                    e = text[i:i + 1]
                    i += 1
                    if e.isdigit():
                        digits = e
                        while len(digits) < 3 and text[i:i + 1].isdigit():
                            digits, i = digits + text[i:i + 1], i + 1
                        raw.append(int(digits, 8) & 0xFF)
                    elif e not in b"\r\n":
                        raw += _ESC.get(e, e)
                elif c == b"(":
                    nest += 1
                    raw += c
                elif c == b")" and nest:
                    nest -= 1
                    raw += c
                elif c == b")":
                    break
                else:
                    raw += c
            out += b"<" + encrypt(bytes(raw)).hex().encode() + b">"
        elif c == b"<" and text[i + 1:i + 2] != b"<" and text[i - 1:i] != b"<":
            end = text.index(b">", i)
            out += b"<" + encrypt(bytes.fromhex(text[i + 1:end].decode())).hex().encode() + b">"
            i = end + 1
        else:
            out += c
            i += 1
    return bytes(out)


def encrypt_pdf(pdf: bytes, cipher: str, user: bytes = b"", owner: bytes = b"owner") -> bytes:
    file_id = os.urandom(16)
    key, dictionary = _handler(cipher, user, owner, file_id)
    objects = []
    for m in re.finditer(rb"(\d+) (\d+) obj\s(.*?)endobj", pdf, re.S):
        number, generation, body = int(m.group(1)), int(m.group(2)), m.group(3)
        encrypt = _object_cipher(cipher, key, number, generation)
        s = re.search(rb"stream\r?\n", body)
        if s is None:
            objects.append((number, _strings_encrypted(body, encrypt)))
            continue
        head = body[:s.start()]
        length = int(re.search(rb"/Length (\d+)", head).group(1))
        data = encrypt(body[s.end():s.end() + length])
        head = re.sub(rb"/Length \d+", b"/Length %d" % len(data), _strings_encrypted(head, encrypt))
        objects.append((number, head + b"stream\n" + data + b"\nendstream\n"))
    size = max(n for n, _ in objects) + 1
    objects.append((size, dictionary.encode() + b"\n"))
    out, offsets = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), {}
    for number, body in objects:
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + body + b"endobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (size + 1)
    out += b"".join(b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 65535 f \n"
                    for n in range(1, size + 1))
    trailer = re.search(rb"trailer\s*<<(.*?)>>\s*startxref", pdf, re.S).group(1)
    keep = b" ".join(re.findall(rb"/(?:Root|Info) \d+ \d+ R", trailer))
    out += b"trailer\n<< /Size %d %s /Encrypt %d 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n" % (
        size + 1, keep, size, file_id.hex().encode(), file_id.hex().encode(), xref)
    return bytes(out)
