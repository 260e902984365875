import base64
import unicodedata

from desk_app.core import passwords


def test_a_hash_verifies_its_password_only():
    stored = passwords.hash_password("mật khẩu 2026")
    assert passwords.verify("mật khẩu 2026", stored)
    assert not passwords.verify("mật khẩu 2025", stored)
    assert not passwords.verify("", stored)


def test_the_hash_names_its_scheme_and_parameters():
    scheme, n, r, p, salt, digest = passwords.hash_password("motcua2026").split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert len(base64.b64decode(salt)) == 16 and len(base64.b64decode(digest)) == 32


def test_the_same_password_hashes_differently_each_time():
    assert passwords.hash_password("motcua2026") != passwords.hash_password("motcua2026")


def test_a_hash_made_with_other_parameters_still_verifies_but_asks_for_a_rehash():
    # What a hash from a version with a lower cost looks like.
    salt = b"0123456789abcdef"
    digest = passwords._scrypt("cũ-mật-khẩu", salt, 2**12, 8, 1)
    older = "$".join(["scrypt", "4096", "8", "1", passwords._b64(salt), passwords._b64(digest)])
    assert passwords.verify("cũ-mật-khẩu", older)
    assert passwords.needs_rehash(older)
    assert not passwords.needs_rehash(passwords.hash_password("cũ-mật-khẩu"))


def test_a_damaged_or_foreign_hash_never_verifies():
    good = passwords.hash_password("motcua2026")
    for stored in ("", "motcua2026", "bcrypt$x", good.replace("scrypt", "md5"),
                   good.rsplit("$", 1)[0] + "$không-phải-base64"):
        assert not passwords.verify("motcua2026", stored)
        assert passwords.needs_rehash(stored)


def test_a_password_typed_decomposed_is_the_same_password():
    stored = passwords.hash_password(unicodedata.normalize("NFC", "mật khẩu cũ"))
    assert passwords.verify(unicodedata.normalize("NFD", "mật khẩu cũ"), stored)
