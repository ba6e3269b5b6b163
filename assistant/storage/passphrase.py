"""Passphrase strength rules, with French feedback for the counsellor."""

from dataclasses import dataclass

from zxcvbn import zxcvbn

MIN_LENGTH = 12
MIN_SCORE = 3  # zxcvbn scale 0-4: 3 means "safely unguessable" against offline attacks
_CONSEIL = (
    "Choisissez une phrase d'au moins 12 caractères, par exemple trois ou quatre mots sans "
    "rapport entre eux et un nombre (« tulipe cartable 47 orage »)."
)
# zxcvbn refuses longer inputs; the first 72 characters are enough to judge a passphrase.
_ZXCVBN_MAX = 72


@dataclass(frozen=True)
class PassphraseCheck:
    acceptable: bool
    message: str
    score: int


def check_passphrase(passphrase: str, *, context: tuple[str, ...] = ()) -> PassphraseCheck:
    """Judge a new vault passphrase: long enough and hard to guess."""
    if not passphrase or not passphrase.strip():
        return PassphraseCheck(False, "La phrase secrète est vide. " + _CONSEIL, 0)
    if len(passphrase) < MIN_LENGTH:
        return PassphraseCheck(
            False,
            f"La phrase secrète est trop courte ({len(passphrase)} caractères, "
            f"{MIN_LENGTH} au moins). " + _CONSEIL,
            0,
        )
    score = int(zxcvbn(passphrase[:_ZXCVBN_MAX], user_inputs=list(context))["score"])
    if score < MIN_SCORE:
        return PassphraseCheck(
            False,
            "Cette phrase secrète est trop facile à deviner (mots ou suites courants). " + _CONSEIL,
            score,
        )
    return PassphraseCheck(True, "Phrase secrète solide.", score)
