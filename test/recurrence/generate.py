#!/usr/bin/python3
"""
Writes test/recurrence/expected.json: the occurrences of each feed in test/recurrence/feeds/ over
a few ranges, expanded independently of the calendar by Python's recurring-ical-events (on
icalendar). Run once when the feeds change, on a machine with Debian's packages:

    apt-get install -y python3-recurring-ical-events
    /usr/bin/python3 test/recurrence/generate.py

The JSON is committed, so the browser test that compares (test/recurrence.test.ts) needs no Python.
Each occurrence is "UID|start|end": an instant in UTC (2026-12-03T17:00:00Z), or a date
(2026-12-07) for an all-day one.
"""
import datetime
import json
import pathlib

import icalendar
import recurring_ical_events

HERE = pathlib.Path(__file__).resolve().parent
RANGES = [
    ("2026-12-01", "2027-01-04"),
    ("2027-03-01", "2027-04-15"),
    ("2026-01-01", "2027-01-01"),
    ("2035-06-01", "2035-07-15"),
]


def text(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise ValueError("floating times are not compared")
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def day(iso):
    return datetime.datetime.fromisoformat(iso).replace(tzinfo=datetime.timezone.utc)


result = {
    "generator": "recurring-ical-events %s on icalendar %s"
    % (getattr(recurring_ical_events, "__version__", "2.0.1"), icalendar.__version__),
    "ranges": RANGES,
    "feeds": {},
}
for path in sorted((HERE / "feeds").glob("*.ics")):
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    per_range = {}
    for start, end in RANGES:
        occurrences = set()
        for event in recurring_ical_events.of(calendar).between(day(start), day(end)):
            begin = event["DTSTART"].dt
            finish = event["DTEND"].dt if "DTEND" in event else begin + event["DURATION"].dt
            occurrences.add("%s|%s|%s" % (event["UID"], text(begin), text(finish)))
        per_range["%s/%s" % (start, end)] = sorted(occurrences)
    result["feeds"][path.name] = per_range
(HERE / "expected.json").write_text(json.dumps(result, indent=1) + "\n")
print("wrote", sum(len(r) for f in result["feeds"].values() for r in f.values()), "occurrences")
