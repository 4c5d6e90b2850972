// Reads iCalendar files (or jCal, RFC 7265, when the name ends in .jcal) named on the command
// line with ical.js and prints, per file, each VEVENT's UID with its start and end (UTC ISO
// times, or YYYY-MM-DD for all-day ones), LOCATION, SEQUENCE and STATUS.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const pad = (n, w = 2) => String(n).padStart(w, '0');
const moment = (t) => (t.isDate
  ? `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`
  : new Date(t.toUnixTime() * 1000).toISOString().replace('.000Z', 'Z'));

const result = {};
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const root = new ICAL.Component(file.endsWith('.jcal') ? JSON.parse(text) : ICAL.parse(text));
  for (const zone of root.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  result[file] = root.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return [event.uid, moment(event.startDate), moment(event.endDate), event.location,
      v.getFirstPropertyValue('sequence'), v.getFirstPropertyValue('status')];
  });
}
process.stdout.write(JSON.stringify(result));
