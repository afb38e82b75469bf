// Reads .ics files with ical.js (Thunderbird, the Nextcloud web calendar) and prints one JSON
// line per file: every VEVENT's UID, start and end as UTC instants with the time zone ical.js
// resolved them in (the file's own VTIMEZONE, found by TZID), STATUS and the text it shows.
// Run by tests/parsers; `npm ci` in this folder installs the exact ical.js of package-lock.json.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

function when(time) {
  if (time === null) return null;
  if (time.isDate) return { date: time.toString() };
  const zone = time.zone ? time.zone.tzid : null;
  const utc = new Date(time.toUnixTime() * 1000).toISOString().replace('.000Z', 'Z');
  return { utc, zone: zone === 'floating' ? null : zone };
}

for (const file of process.argv.slice(2)) {
  const root = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
  const events = root.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      start: when(event.startDate),
      end: when(event.endDate),
      status: vevent.getFirstPropertyValue('status'),
      summary: event.summary,
      description: event.description,
    };
  });
  const text = (name) => root.getFirstPropertyValue(name);
  const calendar = { name: text('name'), calname: text('x-wr-calname'), caldesc: text('x-wr-caldesc') };
  process.stdout.write(JSON.stringify({ file, calendar, events }) + '\n');
}
