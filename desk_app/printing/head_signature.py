"""The signatures of a slip the administration, not the clerk, issues (forms 04 and 05 of
Circular 03/2025): the head of the agency signs and stamps it on the right, where official papers
put the deciding signature; the clerk who prepared it signs on the left, so the counter knows
whom to ask about it later."""

from __future__ import annotations

from reportlab.platypus import Table

from desk_app.core.model import Office
from desk_app.printing.layout import Signer, SlipStyles, signature_block

HEAD_SIGN_NOTE = "(Ký, ghi rõ họ tên và đóng dấu)"


def clerk_and_head(office: Office, clerk: str, width: float, styles: SlipStyles) -> Table:
    return signature_block(
        [
            Signer("NGƯỜI LẬP PHIẾU", clerk),
            Signer(f"THỦ TRƯỞNG CƠ QUAN\n{office.unit_name.upper()}", note=HEAD_SIGN_NOTE),
        ],
        width,
        styles,
    )
