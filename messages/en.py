"""Every text kpss shows in English: one flat mapping, key → text (see messages/__init__.py)."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # shared by several packages
    "common.did-you-mean": " Did you mean '{suggestion}'?",
    # counted words: `counted(n, key, lang)` picks .one, .few (2-4) or .many (0, 5 and up)
    "count.file.one": "{count} file",
    "count.file.few": "{count} files",
    "count.file.many": "{count} files",
    "count.file-not.one": "{count} file is",
    "count.file-not.few": "{count} files are",
    "count.file-not.many": "{count} files are",
    "count.error.one": "{count} error",
    "count.error.few": "{count} errors",
    "count.error.many": "{count} errors",
    "count.warning.one": "{count} warning",
    "count.warning.few": "{count} warnings",
    "count.warning.many": "{count} warnings",
    "count.note.one": "{count} note",
    "count.note.few": "{count} notes",
    "count.note.many": "{count} notes",
    # lint: KPxxx is the message, KPxxx.hint how to fix it, KPxxx.reason.<name>
    # the clause that a rule's `reason` argument stands for
    "lint.KP101": "YAML syntax error: {reason}.",
    "lint.KP101.hint":
        "Check the indentation (spaces, not tabs), the colons after field names and closed quotes "
        "on this line and the one before.",
    "lint.KP101.reason.unclosed-quote": "the quote opened on this line is not closed",
    "lint.KP101.reason.text-after-quote": "text goes on after the closing quote",
    "lint.KP101.reason.missing-space": "the colon after '{key}' is not followed by a space",
    "lint.KP101.reason.missing-colon": "the field name is not followed by a colon",
    "lint.KP101.reason.colon-in-value":
        "the text holds a colon and a space; such text must be quoted",
    "lint.KP101.reason.text-indentation":
        "the line of text is indented less than the text above it; it must start with {spaces} "
        "spaces like the others",
    "lint.KP101.reason.missing-pipe":
        "the text of '{key}' starts on the next line, but the | after the colon is missing",
    "lint.KP101.reason.odd-space":
        "the indentation holds a non-breaking or other unusual space (probably pasted from Word "
        "or the web); indent with plain spaces",
    "lint.KP101.reason.space-in-time": "the time has a space after its colon",
    "lint.KP101.reason.colon-in-text":
        "the text of the field above goes on and holds a colon and a space; start such multi-line "
        "text with | right after the field name (e.g. content: |) and indent it below",
    "lint.KP101.reason.indentation":
        "the line is indented differently from the fields it belongs to; it must start with "
        "{spaces} spaces",
    "lint.KP101.reason.indentation-none":
        "the line is indented, but top-level fields start at the beginning of the line",
    "lint.KP101.reason.list-on-key-line": "a list item (-) cannot be on the line of the field name",
    "lint.KP101.reason.unclosed-bracket": "the bracket opened on this line is not closed",
    "lint.KP101.reason.other": "libyaml says: {detail}",
    "lint.KP102": "Field '{key}' appears twice.",
    "lint.KP102.hint":
        "A field may appear only once in an object; merge the two values and delete this line.",
    "lint.KP103": "The line contains a tab character.",
    "lint.KP103.hint":
        "YAML indents with spaces only: replace the tab with spaces (here {spaces}).",
    "lint.KP104": "The file is not UTF-8 (byte {byte}).",
    "lint.KP104.hint": "Save the file as UTF-8 (in VS Code: 'Save with Encoding' → UTF-8).",
    "lint.KP105": "The file is empty.",
    "lint.KP105.hint": "Fill in the record or delete the file.",
    "lint.KP106": "YAML anchors and aliases (&anchor, *alias) are not allowed in records.",
    "lint.KP106.hint": "Write the value out in full wherever it is needed.",
    "lint.KP107": "The YAML merge key '<<' is not allowed in records.",
    "lint.KP107.hint": "Write every field directly into the object.",
    "lint.KP108": "The YAML tag '{tag}' is not allowed in records.",
    "lint.KP108.hint":
        "Remove the tag starting with '!'; records hold only text, numbers and lists.",
    "lint.KP109": "The file is too large ({size} B, at most {limit} B).",
    "lint.KP109.hint": "A meeting record is a few kilobytes; split it or remove embedded data.",
    "lint.KP110": "'{name}' is not a record (records end in .yaml).",
    "lint.KP110.hint": "Rename the file to .yaml or move it out of records/.",
    "lint.KP111": "'{folder}' is not a records folder.",
    "lint.KP111.hint": "Records belong in one of: {allowed}.",
    "lint.KP112": "The file starts with a byte order mark.",
    "lint.KP112.hint": "Save the file as UTF-8 without BOM.",
    "lint.KP113": "The record is nested deeper than {limit} levels.",
    "lint.KP113.hint": "Records have only a few levels; check brackets and indentation.",
    "lint.KP114": "The file cannot be read: {reason}.",
    "lint.KP114.hint": "Check that it is a plain file ending in .yaml.",
    "lint.KP114.reason.directory": "a folder named like a record",
    "lint.KP114.reason.not-a-file": "not a plain file",
    "lint.KP115": "The symbolic link points outside records/.",
    "lint.KP115.hint": "Records must live in the repository; replace the link with a file.",
    "lint.KP116": "There are no records in records/.",
    "lint.KP116.hint": "Check that you run the command at the root of the repository.",
    "lint.KP117": "The first line does not point at the record's schema.",
    "lint.KP117.hint":
        "Put '{expected}' on the first line so the editor (VS Code) offers fields and values; "
        "`python -m edit format` adds it too.",
    "lint.KP201": "Required field '{property}' is missing (in {field}).",
    "lint.KP201.hint": "Add the field '{property}'.",
    "lint.KP202": "Unknown field '{property}'.",
    "lint.KP202.hint": "Allowed fields here: {allowed}.",
    "lint.KP203": "Field {field} has the wrong type: {reason}.",
    "lint.KP203.hint": "Write the value in the form the field expects.",
    "lint.KP203.reason.type": "expected {expected}, found {actual}",
    "lint.KP203.reason.missing-pipe":
        "expected {expected}, found {actual}; a multi-line text starts with | right after the "
        "field name",
    "lint.KP204": "Value '{value}' is not allowed in {field}.",
    "lint.KP204.hint": "Allowed values: {allowed}.",
    "lint.KP205": "Value '{value}' in {field} {reason}.",
    "lint.KP205.hint":
        "Write dates as YYYY-MM-DD and only real days (not 2022-02-30), addresses in full with "
        "https://.",
    "lint.KP205.reason.date": "is not a date as YYYY-MM-DD, or no such day exists",
    "lint.KP205.reason.uri": "is not a full web address (https://…)",
    "lint.KP205.reason.other": "is not in a valid form",
    "lint.KP206": "Value '{value}' in {field} has the wrong form.",
    "lint.KP206.hint": "Write the value in the form the field expects.",
    "lint.KP207": "Field {field}: {reason}.",
    "lint.KP207.hint": "Correct the value as the field's description says.",
    "lint.KP207.reason.min-items": "the list must not be empty (at least {limit} item)",
    "lint.KP207.reason.min-length": "the value must not be empty",
    "lint.KP207.reason.max-length": "the text is longer than the field allows ({limit} characters)",
    "lint.KP207.reason.unique-items": "an item appears twice in the list",
    "lint.KP207.reason.minimum": "the number '{value}' is less than {limit}",
    "lint.KP207.reason.maximum": "the number '{value}' is greater than {limit}",
    "lint.KP207.reason.other": "the value '{value}' does not fit the field's description",
    "lint.KP301": "Id '{id}' does not match the file name (expected '{expected}').",
    "lint.KP301.hint": "The id and the file name (without .yaml) must be equal; rename one.",
    "lint.KP302": "Id '{id}' is already used by {other}.",
    "lint.KP302.hint": "Every record needs a unique id; choose another.",
    "lint.KP303": "Reference to a {kind} '{id}' that does not exist.",
    "lint.KP303.hint": "Check for a typo, or create the record first.",
    "lint.KP306": "Field {field} still holds the placeholder TODO.",
    "lint.KP306.hint": "Fill in the real value, or delete the field if it is optional.",
    "lint.KP304": "The record is in the wrong place: {reason} It belongs in '{expected}'.",
    "lint.KP304.hint":
        "Move or rename the file (and change the id to match the file name); if the meeting's "
        "date is wrong, fix the date.",
    "lint.KP304.reason.year-folder": "a record ({kind}) belongs in the folder of its date's year.",
    "lint.KP304.reason.id-date":
        "the id and file name of a record ({kind}) start with its date from {field} (YYYY-MM-DD-).",
    "lint.KP304.reason.kind-folder":
        "a record ({kind}) belongs directly in the folder of its kind, not in a subfolder.",
    "lint.KP305": "Group '{group}' names calendar '{calendar}', which does not show it.",
    "lint.KP305.hint":
        "Add the group to the groups list in records/calendars/{calendar}.yaml, or name the right "
        "calendar in the group.",
    "lint.KP401": "The meeting's end ({end}) {reason}.",
    "lint.KP401.hint":
        "Check start and end (HH:MM on the 24-hour clock, e.g. 14:00 and 16:00); give an end only "
        "together with a start.",
    "lint.KP401.reason.end-not-after-start": "is not later than its start ({start})",
    "lint.KP401.reason.end-without-start": "is given without a start time",
    "lint.KP402":
        "The time {time} on {date} does not exist: clocks go forward to summer time that night "
        "(from 2:00 to 3:00).",
    "lint.KP402.hint":
        "Choose a time before 2:00 or from 3:00 on; it is probably a typo in the time or the "
        "date.",
    "lint.KP403":
        "The time {time} on {date} happens twice: clocks go back from summer to winter time that "
        "night (from 3:00 to 2:00).",
    "lint.KP403.hint":
        "Choose another time, or say in the note whether summer or winter time is meant.",
    "lint.KP404": "The meeting on {date} falls on a public holiday ({holiday}).",
    "lint.KP404.hint":
        "Check the day and the month; most offices and services are closed on public holidays.",
    "lint.KP405": "The meeting on {date} falls on a weekend ({day}).",
    "lint.KP405.hint": "Check the day and the month; the groups meet on working days.",
    "lint.KP406": "The meeting on {date} is outside the active period of group {group} ({period}).",
    "lint.KP406.hint":
        "Check the date and the group: a renamed or merged group has a new record, name that one. "
        "Or fix active.from and active.until in the group.",
    "lint.KP407": "Person '{person}' is listed a second time in the attendance (first in {first}).",
    "lint.KP407.hint":
        "Each person belongs in one list only: present, excused or guests. Delete the second "
        "entry.",
    "lint.KP408": "Person '{person}' is at meeting {other} ({date}) at the same time.",
    "lint.KP408.hint":
        "Check the attendance and the times of both meetings; nobody can be at two meetings at "
        "once.",
    "lint.KP409": "'{place}' is taken at that time by meeting {other} ({date}).",
    "lint.KP409.hint": "Choose another room or time; if one meeting's time is wrong, correct it.",
    "lint.KP410": "The meeting on {date} has status held but is in the future (today is {today}).",
    "lint.KP410.hint": "Fix the date, or set the status to planned; write held after the meeting.",
    "lint.KP411": "The meeting on {date} is in the past but still has status planned.",
    "lint.KP411.hint":
        "Record whether the meeting took place: status held (with attendance and minutes), "
        "cancelled (with a reason) or postponed (with the new date).",
    "lint.KP412":
        "The postponement is not linked with the new date: meeting '{other}' must have '{field}: "
        "{value}'.",
    "lint.KP412.hint":
        "A postponed meeting has status postponed and the new meeting's id in postponed_to; the "
        "new meeting has the old one's id in postponed_from. Add the missing link (and create the "
        "new meeting's record if needed).",
    "lint.KP413": "The cancelled meeting gives no reason.",
    "lint.KP413.hint":
        "Add cancellation_reason, e.g. 'the manager is ill'; the calendar shows it with the "
        "cancelled meeting.",
    "lint.KP414":
        "A meeting with status {status} has {field}; only a meeting that took place (held) has "
        "attendance and minutes.",
    "lint.KP414.hint":
        "If the meeting took place, set status to held; otherwise remove {field} (apologies may "
        "be listed in advance).",
    "lint.KP501":
        "Person '{person}' was present but is not a member of the group ({groups}) on the "
        "meeting's date.",
    "lint.KP501.hint":
        "If the person is a member, add them to the group's members (with a from date); if they "
        "came as a guest, move them to attendance.guests.",
    "lint.KP502":
        "This membership of '{person}' overlaps entry no. {other} of the same person in members "
        "(running until {until}).",
    "lint.KP502.hint":
        "When a role changes, end the earlier entry with until (the day before the new entry's "
        "from), or merge the two entries.",
    "lint.KP601": "The decision or task does not fit meeting '{meeting}': {reason}.",
    "lint.KP601.hint":
        "Check meeting and group: a decision belongs to a meeting that took place and to the "
        "group that made it.",
    "lint.KP601.reason.group": "it is a meeting of {groups}, not of {group}",
    "lint.KP601.reason.not-held":
        "the meeting has status {status}; decisions are made only at a meeting that took place "
        "(held)",
    "lint.KP602": "Status '{status}' is not backed by a task check: {reason}.",
    "lint.KP602.hint":
        "A status changes only by a check at a later meeting: add the task and its status to that "
        "meeting's task_checks and give the same status here.",
    "lint.KP602.reason.no-check": "no meeting has checked it, so the status must be {initial}",
    "lint.KP602.reason.differs":
        "the latest check, at meeting {meeting} ({date}), recorded {checked}",
    "lint.KP603": "The check of task '{task}' is at the wrong meeting: {reason}.",
    "lint.KP603.hint":
        "Move the task_checks entry to the record of a later meeting that took place (status "
        "held).",
    "lint.KP603.reason.not-after":
        "the task was given at meeting {origin} ({date}); it can only be checked at a later "
        "meeting",
    "lint.KP603.reason.not-held":
        "this meeting has status {status}; a check belongs in the record of a meeting that took "
        "place",
    "lint.KP604": "The task was due on {due} but its status is still {status}.",
    "lint.KP604.hint":
        "Put the task on the next meeting's task check and record its new status (done, "
        "cancelled) or a new due date.",
    "lint.KP701": "The minutes of this meeting have been approved and must not change.",
    "lint.KP701.hint":
        "Revert the changes to this file; record later facts and corrections in a later meeting's "
        "record (a note or a task check).",
    "lint.KP801": "The end of the dated item ({end}) {reason}.",
    "lint.KP801.hint":
        "Check start, end, start_time and end_time against the minutes; most often the month or "
        "year is mistyped.",
    "lint.KP801.reason.end-before-start": "is before its start ({start})",
    "lint.KP801.reason.end-without-start": "is given without a start time",
    "lint.KP801.reason.end-time-not-after-start": "is not later than the start time ({start})",
    "lint.KP802":
        "The dated item names meeting '{meeting}', whose status is {status}; dated items come "
        "only from the minutes of a meeting that took place.",
    "lint.KP802.hint":
        "Put the id of the meeting whose minutes report the date (status held) in reported_at.",
    "lint.KP803": "A month-precision dated item must have {field} '{expected}', not '{value}'.",
    "lint.KP803.hint":
        "With precision: month, start is the first day of a month and end the last day of a "
        "month; if the minutes give the exact day, remove precision.",
    "lint.KP804": "The call (type: call) from {start} has no end.",
    "lint.KP804.hint":
        "Add end (the last day applications are accepted); for a single day use type: deadline.",
    "lint.KP805":
        "The date {field} ({value}) is more than 10 years from meeting '{meeting}' ({date}), "
        "which reported the item.",
    "lint.KP805.hint": "Check the year; it is most likely a typo (e.g. 2202 for 2022).",
    "lint.KP806": "Calendar '{calendar}' does not show dated items (kinds: {kinds}).",
    "lint.KP806.hint":
        "Name a calendar that takes dated items (e.g. terminy), or add dated to the calendar "
        "record's kinds.",
    "lint.fixed": "Write the line as: '{fixed}'.",
    "lint.summary": "Checked {files}: {errors}, {warnings}, {notes}.",
    "lint.whole-record": "the record",
    "lint.label.hint": "hint",
    "lint.or": " or ",
    "lint.type.string": "text",
    "lint.type.integer": "integer",
    "lint.type.number": "number",
    "lint.type.boolean": "true/false",
    "lint.type.object": "an object (field: value lines)",
    "lint.type.array": "a list (items with a dash)",
    "lint.type.null": "an empty value",
    # the linter's command line
    "lint.help.description":
        "Checks the records in records/: each record's schema and the consistency rules between "
        "them. Errors come with a line number and a hint.",
    "lint.help.paths":
        "report only problems in these files or folders (the whole repository is always checked)",
    "lint.help.format":
        "output: text (for people), json (for tools), github (pull-request annotations)",
    "lint.help.lang": "language of messages and help: cs (Czech), en (English)",
    "lint.help.strict": "warnings fail the run too (exit 1)",
    "lint.help.today": "today's date for the rules about time (YYYY-MM-DD)",
    "lint.help.base": "compare with this branch or commit (approved minutes do not change)",
    "lint.help.root": "root of the repository (default: the current folder)",
    "lint.help.jobs": "number of parallel processes (default: the number of cores)",
    "lint.metavar.paths": "PATH",
    "lint.metavar.today": "YYYY-MM-DD",
    "lint.metavar.base": "REF",
    "lint.metavar.root": "FOLDER",
    "lint.metavar.jobs": "COUNT",
    "lint.no-path": "no such path: {path}",
    "lint.no-schemas": "{root} has no schemas/ (run at the root of the repository)",
    "lint.internal": "internal error reading {file}: {detail}",
    # sync
    "sync.config":
        "Missing or invalid setting: {name}. Set KPSS_CALDAV_URL, KPSS_CALDAV_USERNAME and "
        "KPSS_CALDAV_PASSWORD (or KPSS_CALDAV_PASSWORD_FILE); see the README.",
    "sync.insecure":
        "The server {host} uses plain http; the password would cross the network readable. Use "
        "https, or (only if you know why) pass --allow-insecure-http.",
    "sync.outside": "The address {url} points outside the configured server; refused.",
    "sync.records": "The records have errors (see above); nothing was sent to the calendar.",
    "sync.auth":
        "The server refused the login (HTTP 401) at {url}: check the service account's username "
        "and password.",
    "sync.forbidden":
        "The account has no permission (HTTP 403) for {url}{reason}: ask the server's "
        "administrator (the city's IT) to give the service account read and write access "
        "(DAV:read, DAV:write) to its calendars and the right to create calendars in its home.",
    "sync.notfound": "{url} does not exist on the server (HTTP 404): check KPSS_CALDAV_URL.",
    "sync.noevents":
        "{url} is a calendar for tasks only (a Nextcloud Deck board, say), not events: the sync "
        "writes nothing into it. Give the calendar another id in the records, or rename or remove "
        "the one on the server.",
    "sync.notcalendar":
        "{url} is not a CalDAV calendar: check KPSS_CALDAV_URL (the server root or the calendar "
        "home).",
    "sync.tls":
        "The certificate of {url} cannot be verified (TLS). For a private authority pass "
        "--ca-bundle FILE.",
    "sync.timeout":
        "{url} did not answer in time, even after retries. Run the sync again later; it finishes "
        "what is left.",
    "sync.network":
        "The connection to {url} failed ({detail}). Run the sync again; it finishes what is left.",
    "sync.server":
        "{url} reports an error ({detail}) even after retries. Run the sync again later.",
    "sync.rejected": "{url} refused the data ({detail}).",
    "sync.badresponse": "The answer of {url} cannot be read ({detail}). Run the sync again.",
    "sync.toolarge":
        "The answer of {url} is longer than {limit} MB; the sync reads no further. Check "
        "KPSS_CALDAV_URL and the server.",
    "sync.toomany":
        "The answer of {url} has more than {limit} items; the sync does not take that many.",
    "sync.deadline":
        "The sync did not finish within {seconds} s (--deadline); {url} answers too slowly. Run "
        "it again; it finishes what is left.",
    "sync.internal":
        "Internal error of the sync ({detail}); nothing more was written. Please report it to the "
        "repository's maintainers.",
    "sync.warn_oversized":
        "Note: the event {url} in the calendar is larger than {limit} MB; the sync does not read "
        "it and leaves it alone (it is not the sync's).",
    "sync.redirect":
        "The server redirects {url} elsewhere ({target}); the sync does not follow redirects. "
        "Check KPSS_CALDAV_URL (it must point at the CalDAV server itself).",
    "sync.token": "The server {url} did not list the changes since the last sync (RFC 6578).",
    "sync.precondition":
        "The event {url} changed on the server meanwhile (HTTP 412). Run the sync again.",
    "sync.massdelete":
        "The sync would delete {count} of {total} meetings in calendar {calendar}. That looks "
        "like a mistake, so nothing changed. If intended, pass --allow-mass-delete.",
    "sync.props": "The server did not keep the name, description or colour of {url}.",
    "sync.serve_running":
        "The local Radicale calendar server runs at {url}. Calendars to subscribe to:",
    "sync.serve_stop":
        "The server runs until you stop it with Ctrl+C. Its data stay in {folder}, so the "
        "addresses still work after the next start; delete the folder to reset it.",
    "sync.serve_port":
        "Another program already uses port {port} on this computer (perhaps another `nox -s "
        "serve`). Stop it, or choose another port: `nox -s serve -- --port {other}` "
        "(subscriptions made on port {port} then stop working).",
    "sync.serve_failed": "The local Radicale server did not start ({detail}); its log is in {log}.",
    "sync.serve_once":
        "Stopping the server (--once); its data stay in {folder} for the next start.",
    "sync.sync": "Sync failed: {detail}",
    "sync.unknown_calendar": "There is no calendar '{id}' in the records. Known: {known}.",
    "sync.unknown_calendar_close":
        "There is no calendar '{id}' in the records. Did you mean '{close}'? Known: {known}.",
    "sync.summary":
        "{id}: created {created}, updated {updated}, deleted {deleted}, unchanged {unchanged}",
    "sync.quiet":
        "Neither the records nor the calendars on the server changed since the last sync: nothing "
        "to push (the records were checked when they were pushed).",
    "sync.requests": "Requests to the server: {requests} (writes: {writes}).",
    "sync.dry_run": "Dry run (--dry-run): nothing was written.",
    "sync.warn_state":
        "Note: the server did not keep the helper property of calendar {id}; the next run "
        "downloads more.",
    "sync.not_created":
        "The server did not create it yet (HTTP {status}: most likely a limit on new calendars an "
        "hour or on calendars in all; Nextcloud allows 10 an hour). The other calendars were "
        "pushed, the next run creates this one; if it persists, ask the server's admin to raise "
        "the limit.",
    "sync.no_cache":
        "The server keeps no sync cache (neither a calendar property nor DAV:comment); every run "
        "compares the events instead: more requests, the same result.",
    "sync.no_cache_yet":
        "The calendars on the server hold no sync cache; the events were compared directly.",
    "sync.warn_newer":
        "Skipped: calendar {id} already holds the newer commit {newer} (this run is from {ours}); "
        "older content is not put back.",
    "sync.plan_newer":
        "{id}: skip — the server holds the newer commit {newer} (this run is from {ours})",
    "sync.warn_skipped":
        "Note: in calendar {id} the sync left alone {count} items that are not its events or "
        "whose address does not lead directly into the calendar (e.g. {example}).",
    "sync.event_failed": "{id}: {file} was not written. {reason}",
    "sync.calendar_failed": "{id}: the calendar could not be synced. {reason}",
    "sync.partly":
        "The sync ended with errors: the server refused {count} writes (reasons above); "
        "everything else was written. Run it again once fixed; it finishes only what is left.",
    "sync.warn_props":
        "Note: the server did not keep the name, description or colour of calendar {id}.",
    "sync.plan.create": "create",
    "sync.plan.update": "update",
    "sync.plan.delete": "delete",
    "sync.plan.unchanged": "unchanged",
    "sync.plan.calendar": "create calendar",
    "sync.seconds": "{value}: a positive number of seconds",
    # the sync's command line (argparse)
    "sync.help.push":
        "Pushes the meeting schedule to a CalDAV calendar (settings in KPSS_CALDAV_*). `python -m "
        "sync ics --out DIR` writes .ics files instead.",
    "sync.help.dry-run": "only print the plan, write nothing",
    "sync.help.calendar": "only this calendar (its record's id)",
    "sync.help.timeout": "at most this many seconds for one request in all (default 30)",
    "sync.help.deadline":
        "at most this many seconds for the whole run with every request (default 600)",
    "sync.help.allow-mass-delete": "allow deleting most meetings of a calendar",
    "sync.help.allow-insecure-http": "allow plain http to another computer than this one",
    "sync.help.ca-bundle": "the server's certificate authority",
    "sync.help.verbose": "also list the unchanged meetings",
    "sync.help.complete-history":
        "the job's git history holds every commit of the branch (checkout with fetch-depth: 0): a "
        "commit on the server that git does not know is forged and decides no order",
    "sync.help.serve":
        "Starts a local Radicale, pushes the schedule into it and prints the addresses to "
        "subscribe to.",
    "sync.help.port": "port (default: {port}; 0 = any free one)",
    "sync.help.data":
        "folder for the server's data (default: {data} at the repository's root; delete it to "
        "reset the server)",
    "sync.help.once": "stop the server right after the push",
    "sync.help.ics":
        "Writes for each calendar <id>.ics to subscribe to (the meetings of the last year and all "
        "upcoming ones) and <id>-archiv.ics (every meeting).",
    "sync.help.out": "the folder to write into",
    "sync.help.lang": "language of the messages (default: cs)",
    "sync.help.root": "the repository's root (default: the current folder)",
    "sync.help.today": "the day the records are judged against (default: today)",
    "sync.metavar.folder": "DIR",
    "sync.metavar.date": "YYYY-MM-DD",
    # edit
    "edit.no-root":
        "{root} has no records/ or schemas/; run the command in the repository's root (or pass "
        "--root).",
    "edit.unknown": "Unknown {kind} '{id}'.",
    "edit.exists":
        "{path} already exists; nothing was changed. Edit it, or choose another date or id.",
    "edit.invalid-record": "Cannot read {path} ({detail}); fix it first (python -m lint).",
    "edit.schema-errors": "{path} has errors; fix them first (python -m lint {path}).",
    "edit.not-planned":
        "Meeting {id} has status {status}; this command only changes a planned meeting.",
    "edit.in-future":
        "Meeting {id} is on {date}; minutes can be started on the day of the meeting at the "
        "earliest.",
    "edit.not-held":
        "Meeting {id} has status {status}; decisions and tasks belong to a meeting that took "
        "place (first: python -m edit new minutes --meeting {id}).",
    "edit.which-group": "Meeting {id} has several groups ({groups}); pass --group.",
    "edit.not-a-group-of": "Group {group} is not a group of meeting {id} (groups: {groups}).",
    "edit.same-date":
        "The new date {date} is the current one; to change the time edit the start field.",
    "edit.end-without-start": "An end (--end) needs a start (--time).",
    "edit.bad-date": "'{value}' is not a date as YYYY-MM-DD, e.g. 2022-08-31.",
    "edit.bad-time": "'{value}' is not a time as HH:MM, e.g. 14:00.",
    "edit.bad-name": "Cannot make an id from '{value}'; pass --id.",
    "edit.written": "Created: {path}",
    "edit.changed": "Changed: {path}",
    "edit.todo":
        "Fill in the places marked TODO and DOPLŇTE ({count} in all), then check: python -m lint",
    "edit.check": "Check: python -m lint",
    "edit.not-canonical": "{path}: not canonical",
    "edit.formatted": "Formatted: {path}",
    "edit.unparsable":
        "{path}:{detail} (not valid YAML, cannot format it; details: python -m lint {path})",
    "edit.no-path": "No such path: {path}",
    "edit.format-summary":
        "Checked {files}: {bad} not canonical. Fix them with python -m edit format",
    "edit.bad-json": "The input is not the output of python -m lint --format json: {detail}",
    "edit.help.edit":
        "Creates or changes a record (meeting, minutes, person, ...) and keeps the files in "
        "records/ in one layout.",
    "edit.help.new": "create a new record",
    "edit.help.root": "root of the repository (default: the current folder)",
    "edit.help.lang": "language of messages and help: cs, en",
    "edit.help.today": "today's date, for trials",
    "edit.metavar.folder": "FOLDER",
    "edit.metavar.command": "COMMAND",
    "edit.metavar.kind": "KIND",
    "edit.help.new.meeting": "a planned meeting of a group",
    "edit.help.meeting.group": "the group's id, e.g. rps",
    "edit.metavar.id": "ID",
    "edit.help.meeting.date": "date of the meeting",
    "edit.metavar.date": "YYYY-MM-DD",
    "edit.help.meeting.time": "start (default: the usual)",
    "edit.metavar.time": "HH:MM",
    "edit.help.meeting.end": "end (default: the usual)",
    "edit.help.meeting.venue": "the venue's id (default: the group's usual venue)",
    "edit.help.meeting.room": "the room, e.g. 209",
    "edit.metavar.room": "ROOM",
    "edit.help.meeting.title": "the meeting's title (default: Jednání <group>)",
    "edit.metavar.text": "TEXT",
    "edit.help.new.minutes": "minutes of a meeting that took place",
    "edit.help.meeting": "the meeting's id, e.g. 2022-10-19-rps",
    "edit.help.new.person": "a person",
    "edit.help.person.name": 'the name, e.g. "Jana Nováková"',
    "edit.help.person.organisation": "id of the organisation they represent",
    "edit.help.person.id": "an id of your own (default: from the name)",
    "edit.help.new.organisation": "an organisation",
    "edit.help.organisation.name": "the full name",
    "edit.help.organisation.abbreviation": "the abbreviation minutes use, e.g. OCHL",
    "edit.help.organisation.kind": "kind of organisation",
    "edit.help.organisation.id": "an id of your own (default: from the abbreviation or name)",
    "edit.help.new.task": "a task given at a meeting",
    "edit.help.decision.meeting": "id of the meeting that made it",
    "edit.help.decision.text": "the wording of the minutes",
    "edit.help.decision.group": "the group (only at a meeting of several groups)",
    "edit.help.decision.item": "number of the agenda item (from 1)",
    "edit.metavar.number": "NUMBER",
    "edit.help.decision.name": "a short name for the id (default: the text's first words)",
    "edit.help.generic.name": "a short name for the id (default: the title's first words)",
    "edit.metavar.name": "NAME",
    "edit.help.task.assignee": "id of the person or organisation responsible (repeatable)",
    "edit.help.task.due": "due date",
    "edit.help.new.decision": "a decision of a meeting",
    "edit.help.cancel": "cancel a planned meeting",
    "edit.help.cancel.reason": "the reason (subscribers see it)",
    "edit.help.postpone": "move a meeting to another day",
    "edit.help.postpone.date": "the new date",
    "edit.help.postpone.time": "the new start (default: unchanged)",
    "edit.help.postpone.end": "the new end (default: the same length)",
    "edit.help.format": "bring records into the one layout",
    "edit.help.format.paths": "files or folders (default: records/)",
    "edit.metavar.path": "PATH",
    "edit.help.format.check": "change nothing, print the differences (exit 1 if any)",
    "edit.help.settle": "fill in the id and the layout after the web editor (CMS)",
    "edit.help.cms": "generate the web editor's (CMS) configuration from the schemas",
    "edit.help.cms.out": "where to write it (default: web/admin/config.yml)",
    "edit.help.cms.check": "change nothing, check the file matches the schemas (exit 1)",
    "edit.help.cms.local-backend": "decap-server's address, to try it on one's computer",
    "edit.metavar.file": "FILE",
    "edit.metavar.url": "URL",
    "edit.cms-stale": "{path} does not match the schemas; regenerate it: python -m edit cms",
    "edit.help.codequality": "JSON of python -m lint --format json → GitLab Code Quality",
    # web
    "web.records": "The records have errors (see above); no pages were written.",
    "web.extras": "The package {name} is missing: run `pip install -e .[site]`.",
    "web.root": "No records in {root} (schemas/ is missing); pass --root.",
    "web.built":
        "The site is in {out}: {pages} pages, {calendars} .ics calendars, largest page {largest} "
        "kB.",
    "web.admin-missing": "The editor /admin/ was left out: {path} is missing (install it: "
                         "bash scripts/install-cms.sh). The other pages are built.",
    "web.admin-wrong": "The editor /admin/ was left out: {path} differs from its hash in "
                       "web/admin/bundle.sha256 (a damaged or forged bundle; reinstall it: "
                       "bash scripts/install-cms.sh). The other pages are built.",
    "web.usage":
        "Usage: python -m web build --out DIR [--today YYYY-MM-DD] [--base-url URL] "
        "[--calendar-url URL] [--no-pdf]",
    "web.help.build":
        "Builds the static web site from the validated records (meetings, groups, tasks, the "
        "community plan, calendars to subscribe to).",
    "web.help.out": "the folder to write into",
    "web.help.today": "the day from which meetings are 'upcoming' (default: today)",
    "web.help.base-url":
        "the site's public address, e.g. https://kpss.liberec.cz/ (for the webcal:// and https:// "
        "links to the .ics files)",
    "web.help.calendar-url":
        "the calendars' public address on the CalDAV server: a prefix the calendar's id is "
        "appended to, or a pattern with {{id}} (default: the variable {variable})",
    "web.help.root": "the repository's root",
    "web.help.publisher":
        "who publishes the data and organises the meetings (default: variable {variable}, "
        "else '{default}')",
    "web.help.publisher-ico": "the publisher's IČO (default: variable {variable}, else {default})",
    "web.help.contact-email":
        "a public address for questions about the open data (default: variable {variable})",
    "web.help.no-pdf": "do not write the meetings' minutes as PDF (WeasyPrint)",
    "web.pdf": "The minutes' PDFs were not written: {why}. Everything else was built (code 0).",
    "web.pdf.package": "the package WeasyPrint is missing (pip install -e .[site])",
    "web.pdf.library":
        "WeasyPrint did not find a system library ({detail}); install it with "
        "scripts/install-pdf.sh",
}
