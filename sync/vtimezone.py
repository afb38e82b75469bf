"""Europe/Prague as one VTIMEZONE (RFC 5545 §3.6.5): the same component in every .ics file and
in every event resource the sync writes.

The definition is not generated here but taken as published: the `ics-vtimezones` package
ships the IANA database converted by vzic, libical's own converter, in the form tzurl.org
serves and Thunderbird, Evolution and most servers use: one DAYLIGHT and one STANDARD, each a
yearly RRULE, its DTSTART at the local time in force before the change (RFC 5545 §3.6.5:
"the effective onset date and local time"), so 02:00 +0100 in March and 03:00 +0200 in October.
Every parser reads two RRULEs the same way; RDATE lists cut to the years of a file are read
only in part by some (ical.js, vobject), and `icalendar.Timezone.from_tzinfo` also writes the
spring change an hour late and a COMMENT that §3.6.5 does not allow in VTIMEZONE.

The rules hold since 1996 (EU directive 2000/84/EC since 2001), long before the first record
(2021); tests/sync/test_vtimezone.py checks every change up to 2040 against zoneinfo, so the day
the EU stops changing clocks and tzdata follows, a test says this definition must change too.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import icalendar

TZID = "Europe/Prague"
_PACKAGE = "ics_vtimezones"
_DATA = "data/zoneinfo/Europe/Prague.ics"


@cache
def vtimezone() -> icalendar.Timezone:
    """The VTIMEZONE of Europe/Prague, TZID as the events name it (the package prefixes its own
    TZIDs with `/ics.py/<version>/`; the events use the IANA name, as clients expect).

    One shared component, parsed once (a parse costs a millisecond, a sync renders thousands of
    events): add it to a calendar, never change it."""
    data = (resources.files(_PACKAGE) / _DATA).read_bytes()
    found = icalendar.Calendar.from_ical(data).walk("VTIMEZONE")
    [zone] = [z for z in found if isinstance(z, icalendar.Timezone)]
    zone["TZID"] = icalendar.vText(TZID)
    return zone
