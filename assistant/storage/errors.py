"""Vault errors. Each carries a French sentence saying what happened and what to do."""


class VaultError(Exception):
    """Base of every storage error shown to the counsellor."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class VaultNotFound(VaultError):
    pass


class VaultAlreadyExists(VaultError):
    pass


class WeakPassphrase(VaultError):
    pass


class WrongPassphrase(VaultError):
    pass


class VaultCorrupted(VaultError):
    pass


class VaultTooNew(VaultError):
    pass


class VaultLocked(VaultError):
    pass


class DossierNotFound(VaultError):
    pass


class DossierAlreadyExists(VaultError):
    pass


class DossierUnreadable(VaultError):
    pass


class VaultWriteError(VaultError):
    """A write failed (disk full, read-only); nothing already saved is lost."""
