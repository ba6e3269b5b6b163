"""Normalising the contact and place fields of official lists (phones, e-mails, postcodes).

The pack only holds public facts about organisations: a switchboard number or a functional
address such as `contact@…` is public, a named employee's address is not.
"""

import re

_POSTCODE = re.compile(r"[0-9]{5}")
_SIRET = re.compile(r"[0-9]{14}")
# First word of the local part of an address that names a role, not a person.
_ROLE_WORDS = frozenset(
    {
        "accueil",
        "adm",
        "admin",
        "administration",
        "association",
        "bonjour",
        "communication",
        "contact",
        "contacts",
        "direction",
        "emploi",
        "info",
        "infos",
        "information",
        "insertion",
        "recrutement",
        "rh",
        "secretariat",
        "siege",
    }
)


# Control characters, noncharacters and lone surrogates: never text, and they break the exports.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def clean(value: object) -> str:
    """A trimmed string; the "NULL", "-" and empty placeholders of official files become ""."""
    text = "" if value is None else _UNPRINTABLE.sub("", str(value)).strip()
    return "" if text.upper() in {"NULL", "-", "N/A"} else text


def phone(value: str) -> str | None:
    """A French number in E.164 (`+33…`), as data·inclusion prefers; None if not a valid one."""
    digits = re.sub(r"[\s.\-/]", "", value)
    if digits.startswith("+33"):
        digits = "0" + digits[3:]
    if re.fullmatch(r"0[1-9][0-9]{8}", digits):
        return "+33" + digits[1:]
    return None


def functional_email(value: str) -> str | None:
    """The address if it is clearly an organisation's (`contact@…`, `geiq22@…`), else None.

    Conservative on purpose: `prenom.nom@…` and initials are dropped, and so are some
    functional addresses we cannot tell apart from a person's.
    """
    address = value.strip().lower()
    if address.count("@") != 1:
        return None
    local, domain = address.split("@")
    if not local or "." not in domain:
        return None
    match = re.match(r"[a-z]+", local)
    if match is None:
        return None
    word = match.group()
    if word in _ROLE_WORDS or word.startswith("geiq"):
        return address
    return None


def postcode(value: str) -> str | None:
    text = value.strip()
    if re.fullmatch(r"[0-9]{4}", text):
        text = "0" + text  # spreadsheets drop the leading zero of 01000–09999
    return text if _POSTCODE.fullmatch(text) else None


def siret(value: str) -> str | None:
    text = re.sub(r"\s", "", value)
    return text if _SIRET.fullmatch(text) else None


def department_of_postcode(code: str) -> str:
    """The département code of a postcode (97x/98x overseas, 2A/2B for Corsica)."""
    if code.startswith(("97", "98")):
        return code[:3]
    if code.startswith("20"):
        return "2A" if code < "20200" else "2B"
    return code[:2]


def department_code(value: str) -> str | None:
    """ASP files write départements on three characters (`001`, `02A`, `976`)."""
    text = value.strip().upper()
    if len(text) == 3 and text.startswith("0"):
        text = text[1:]
    if re.fullmatch(r"[0-9]{2}|2[AB]|97[0-9]|98[0-9]", text):
        return text
    return None
