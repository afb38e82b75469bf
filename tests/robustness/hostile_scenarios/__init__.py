"""The hostile server's scenarios: one row each, what the server does and what the sync must do.

Every scenario starts from the state a clean first push left on the honest server (three
calendars, sixteen events of ours, our cache on each calendar), with a person's own event added
to `rps` and three changes waiting in the records (one meeting moved, one added, one removed),
so the attacked run reads, fetches, creates, updates, deletes and writes its cache. `seed`
changes the server's store before the run; `override` replaces answers during it. The test
(test_hostile_server.py) then asserts, for every row: no traceback, the exit code, no write to
anything but our own events, foreign events byte-identical, every calendar still there, the
run ended by itself, peak memory under the ceiling, no secret and no raw control character in
the output. `bug` makes the row a strict xfail: the item of issue 15 whose fix it waits for.
"""

from __future__ import annotations

from tests.robustness.hostile_scenarios.access import OTHER_SCENARIOS, SECRET_SCENARIOS
from tests.robustness.hostile_scenarios.base import PERSON, Context, Scenario, secret_forms
from tests.robustness.hostile_scenarios.bodies import STREAM_SCENARIOS, XML_SCENARIOS
from tests.robustness.hostile_scenarios.data import HREF_SCENARIOS, MARKER_SCENARIOS
from tests.robustness.hostile_scenarios.protocol import (
    ITEM_SCENARIOS,
    REDIRECT_SCENARIOS,
    RETRY_SCENARIOS,
    TOKEN_SCENARIOS,
)

SCENARIOS = [*XML_SCENARIOS, *STREAM_SCENARIOS, *REDIRECT_SCENARIOS, *HREF_SCENARIOS,
             *ITEM_SCENARIOS, *TOKEN_SCENARIOS, *MARKER_SCENARIOS, *RETRY_SCENARIOS,
             *SECRET_SCENARIOS, *OTHER_SCENARIOS]
SCENARIO_IDS = [s.name for s in SCENARIOS]
GROUPS = {
    "xml": "XML: entity bombs, external entities, odd encodings and namespaces",
    "size": "Size: huge, endless and compressed bodies, huge events, many members",
    "time": "Time: dripping answers, endless `100 Continue`",
    "redirect": "Redirects",
    "auth": "Authentication",
    "href": "Hrefs outside the calendar (the member-name attack)",
    "items": "207 with per-item errors, error statuses",
    "token": "Sync tokens and ETags",
    "headers": "Headers and status lines",
    "marker": "Forged markers and caches",
    "commit": "Forged commits",
    "retry-after": "Malformed Retry-After",
    "tls": "TLS",
    "secret": "Secrets echoed by the server",
    "discovery": "Discovery",
    "url": "Malformed server addresses (KPSS_CALDAV_URL)",
}

__all__ = ["GROUPS", "PERSON", "SCENARIOS", "SCENARIO_IDS", "Context", "Scenario", "secret_forms"]
