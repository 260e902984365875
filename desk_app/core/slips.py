"""The slips the counter prints for a dossier, by kind.

The value is stored in the slips table, names each slip's PDF ("<code>-<kind>.pdf"), keys the
form numbers (resources/forms) and the printer set for it: never change one.
"""

from __future__ import annotations

from enum import StrEnum


class SlipKind(StrEnum):
    RECEIPT = "receipt"
    SUPPLEMENT = "supplement"
    REFUSAL = "refusal"
    APOLOGY = "apology"
    CONTROL = "control"
    HANDOVER_LIST = "handover_list"  # one list for a batch, recorded against each dossier in it
    STOP_NOTICE = "stop_notice"  # form 05 of Circular 03/2025: stopped at the applicant's request


# The slips a dossier's PDF is asked for by kind (services' slip_pdf); the receipt and the
# handover list have their own calls.
ON_REQUEST = (SlipKind.SUPPLEMENT, SlipKind.REFUSAL, SlipKind.APOLOGY, SlipKind.CONTROL,
              SlipKind.STOP_NOTICE)
# The slips whose PDF is named after the dossier; the handover list is named after its batch.
PER_DOSSIER = tuple(kind for kind in SlipKind if kind is not SlipKind.HANDOVER_LIST)
