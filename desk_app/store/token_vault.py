"""Keeping the hub's device token out of plain view.

On Windows (the counters' system) the token is sealed with DPAPI for the logged-in user: a
copied database file or backup is useless on another account or PC. Elsewhere (development
and test machines) it is stored as is, in its own table, never among the readable settings
and never shown in the UI.
"""

from __future__ import annotations

import sys

DPAPI, PLAIN = "dpapi", "plain"
# Binds the sealed token to this use, so another program's DPAPI blob cannot be passed off.
_ENTROPY = b"desk-app/hub-token/v1"


def seal(token: str) -> tuple[bytes, str]:
    """(stored bytes, protection)."""
    if sys.platform == "win32":
        return _dpapi(token.encode("utf-8"), protect=True), DPAPI
    return token.encode("utf-8"), PLAIN


def unseal(stored: bytes, protection: str) -> str:
    if protection == DPAPI:
        return _dpapi(stored, protect=False).decode("utf-8")
    return bytes(stored).decode("utf-8")


def _dpapi(data: bytes, *, protect: bool) -> bytes:
    import ctypes
    from ctypes import wintypes

    class Blob(ctypes.Structure):
        _fields_ = [("cbData", wintypes.DWORD), ("pbData", ctypes.POINTER(ctypes.c_char))]

    def blob(raw: bytes) -> tuple[Blob, ctypes.Array]:
        buffer = ctypes.create_string_buffer(raw, len(raw))
        return Blob(len(raw), ctypes.cast(buffer, ctypes.POINTER(ctypes.c_char))), buffer

    crypt32 = ctypes.WinDLL("crypt32", use_last_error=True)
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.LocalFree.argtypes = [ctypes.c_void_p]
    p_blob = ctypes.POINTER(Blob)
    arguments = [p_blob, ctypes.c_void_p, p_blob, ctypes.c_void_p, ctypes.c_void_p,
                 wintypes.DWORD, p_blob]
    crypt32.CryptProtectData.argtypes = [p_blob, wintypes.LPCWSTR, *arguments[2:]]
    crypt32.CryptUnprotectData.argtypes = arguments
    crypt32.CryptProtectData.restype = crypt32.CryptUnprotectData.restype = wintypes.BOOL
    ui_forbidden = 0x1  # a service-like background call must never pop up a prompt

    # The buffers must outlive the call: the blobs only point into them.
    source, _source_buffer = blob(data)
    entropy, _entropy_buffer = blob(_ENTROPY)
    sealed = Blob()
    if protect:
        ok = crypt32.CryptProtectData(ctypes.byref(source), "desk-app hub token",
                                      ctypes.byref(entropy), None, None, ui_forbidden,
                                      ctypes.byref(sealed))
    else:
        ok = crypt32.CryptUnprotectData(ctypes.byref(source), None, ctypes.byref(entropy),
                                        None, None, ui_forbidden, ctypes.byref(sealed))
    if not ok:
        raise ctypes.WinError(ctypes.get_last_error())
    try:
        return ctypes.string_at(sealed.pbData, sealed.cbData)
    finally:
        kernel32.LocalFree(ctypes.cast(sealed.pbData, ctypes.c_void_p))
