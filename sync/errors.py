"""The sync's failures as types; `sync.cli.main` is the one place that prints them."""

from __future__ import annotations

EXIT_OK = 0
EXIT_RECORDS = 1
EXIT_USAGE = 2
EXIT_SERVER = 3
EXIT_REFUSED = 4


class SyncError(Exception):
    """Base of every failure the sync reports to a person; `key` selects the message (messages/)."""

    key = "sync.sync"
    exit_code = EXIT_SERVER

    def __init__(self, detail: str = "", **args: object) -> None:
        super().__init__(detail)
        self.detail = detail
        self.args_ = args


class ConfigError(SyncError):
    key = "sync.config"
    exit_code = EXIT_USAGE


class UnknownCalendar(ConfigError):
    """`--calendar ID` names no calendar in the records."""

    key = "sync.unknown_calendar"


class InsecureURL(ConfigError):
    key = "sync.insecure"


class OutsideServer(ConfigError):
    key = "sync.outside"


class PortTaken(ConfigError):
    """`serve`: another program listens on the port asked for."""

    key = "sync.serve_port"


class ServeFailed(ConfigError):
    """`serve`: the embedded Radicale did not start."""

    key = "sync.serve_failed"


class RecordsInvalid(SyncError):
    key = "sync.records"
    exit_code = EXIT_RECORDS


class AuthError(SyncError):
    key = "sync.auth"


class Forbidden(SyncError):
    key = "sync.forbidden"


class NotFound(SyncError):
    key = "sync.notfound"


class NotACalendar(SyncError):
    key = "sync.notcalendar"


class NoEvents(NotACalendar):
    """A calendar that takes no events (tasks only: a Nextcloud Deck board, a to-do list)."""

    key = "sync.noevents"


class NotCreatedYet(SyncError):
    """MKCALENDAR refused for now (Nextcloud's 10 new calendars an hour, 429; its cap on
    calendars, 403; a full quota, 507): this calendar only, a later run creates it."""

    key = "sync.not_created"


class TLSError(SyncError):
    key = "sync.tls"


class Timeout(SyncError):
    key = "sync.timeout"


class NetworkError(SyncError):
    key = "sync.network"


class ServerError(SyncError):
    """The server answered with an error status we cannot work around."""

    key = "sync.server"


class Rejected(SyncError):
    """The server refused our data (400, 403 on PUT, 415, 422, 507...)."""

    key = "sync.rejected"


class BadResponse(SyncError):
    """The server's answer could not be read (not XML, truncated)."""

    key = "sync.badresponse"


class TooLarge(BadResponse):
    """An answer longer than the sync reads (sync/limits.py)."""

    key = "sync.toolarge"


class TooMany(BadResponse):
    """A listing with more members than the sync takes (sync/limits.py)."""

    key = "sync.toomany"


class DeadlineExceeded(SyncError):
    """The run's time (--deadline) is up."""

    key = "sync.deadline"


class Internal(SyncError):
    """Anything unexpected, a MemoryError included: one line, exit 2, never exit 1 (which
    means the records have errors)."""

    key = "sync.internal"
    exit_code = EXIT_USAGE


class Redirected(SyncError):
    """The server answered with a redirect, which the sync never follows."""

    key = "sync.redirect"


class TokenRefused(SyncError):
    """The server cannot list changes since our sync token (RFC 6578: unknown or expired token,
    report not supported, answer truncated). Never shown: the sync lists the calendar instead."""

    key = "sync.token"


class PreconditionFailed(SyncError):
    """An event changed on the server while we worked on it (HTTP 412), even after a retry."""

    key = "sync.precondition"


class MassDeleteRefused(SyncError):
    key = "sync.massdelete"
    exit_code = EXIT_REFUSED


class Reported(SyncError):
    """The server refused some events or calendars, each already said in a line of `detail`;
    everything else was written. With `key`, a summary line follows them."""

    key = "sync.reported"


class PropertiesNotKept(SyncError):
    """The server accepted calendar properties but does not return them."""

    key = "sync.props"
