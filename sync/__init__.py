"""The CalDAV sync (`python -m sync`, sync/cli.py): the records' schedule onto a server.

The steps, each a module named after what it does; data flows down, nothing reaches back:

    inputs.py    what a run's outcome depends on, as one hash (unchanged: nothing to do)
    ical.py      the validated model (lint) as iCalendar calendars and events
    plan.py      read every calendar first and decide per event: create, update, delete, keep
    cache.py     what a run remembers on the server between runs, and how it reads an event
    apply.py     carry the plan out with conditional writes (guard.py where the server
                 ignores them), coping with races and lost answers

over the server, in two layers:

    protocol.py  WebDAV/CalDAV: PROPFIND, REPORT, PROPPATCH, MKCALENDAR bodies, multistatus
                 answers read safely, a refusal turned into a `SyncError` with its reason
    transport.py HTTP: connections, deadlines and size limits (limits.py), retries, counting;
                 reads may go over the standard library (plain.py)

and around them: settings.py (where and as whom), discover.py (the calendar home), hrefs.py
(which hrefs we may act on), commits.py (which commit is newer), errors.py and messages.py
(failures and what is said about them), ics.py (.ics files instead of a server), serve.py and
radicale.py (the embedded server), stamps.py, vtimezone.py and xprops.py (parts of events).
"""
