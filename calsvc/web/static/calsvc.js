// Progressive enhancement only: every page works without this script.
// 1. Copy buttons. 2. The feed builder previews as you choose. 3. Stars: the sessions a
// person picks, kept in this browser per conference, and the link to their own schedule.
"use strict";

function copyFrom(button) {
  const field = document.getElementById(button.dataset.copy);
  if (!field) return;
  const done = () => {
    const label = button.textContent;
    button.textContent = "Copied";
    setTimeout(() => { button.textContent = label; }, 1500);
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(field.value).then(done, () => { field.select(); });
  } else {
    field.select();
    try { if (document.execCommand("copy")) done(); } catch (_) { /* the text stays selected */ }
  }
}

document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-copy]");
  if (button) copyFrom(button);
});

const form = document.getElementById("builder");
if (form) {
  let timer = null;
  let latest = 0;
  const refresh = async () => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (String(value).trim() !== "") params.append(name, value);
    }
    const query = params.toString();
    const ticket = ++latest;
    const response = await fetch(form.action + (query ? "?" + query : ""), { headers: { Accept: "text/html" } });
    if (ticket !== latest) return;  // a newer choice is on its way
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = page.getElementById("result");
    if (fresh) document.getElementById("result").replaceWith(fresh);
    history.replaceState(null, "", form.action + (query ? "?" + query : ""));
  };
  form.addEventListener("change", () => { clearTimeout(timer); timer = setTimeout(refresh, 150); });
  form.addEventListener("input", (event) => {
    if (event.target.type === "search") { clearTimeout(timer); timer = setTimeout(refresh, 400); }
  });
}

const picksKey = (conference) => `calsvc:picks:${conference}`;

function picks(conference) {
  try {
    return new Set(JSON.parse(localStorage.getItem(picksKey(conference)) || "[]"));
  } catch (_) {
    return new Set();
  }
}

function savePicks(conference, chosen) {
  localStorage.setItem(picksKey(conference), JSON.stringify([...chosen].sort()));
}

const pickQuery = (chosen) => (chosen.size ? "?s=" + [...chosen].sort().join(".") : "");

function showPicks() {
  for (const button of document.querySelectorAll("button[data-pick]")) {
    const on = picks(button.dataset.conference).has(button.dataset.pick);
    button.hidden = false;
    button.setAttribute("aria-pressed", String(on));
    button.firstElementChild.textContent = on ? "★" : "☆";
  }
  for (const link of document.querySelectorAll("a[data-my]")) {
    const chosen = picks(link.dataset.my);
    link.href = link.href.split("?")[0] + pickQuery(chosen);
    const count = link.querySelector("[data-count]");
    if (count) count.textContent = String(chosen.size);
  }
}

document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-pick]");
  if (!button) return;
  const conference = button.dataset.conference;
  const chosen = picks(conference);
  if (chosen.has(button.dataset.pick)) chosen.delete(button.dataset.pick);
  else chosen.add(button.dataset.pick);
  savePicks(conference, chosen);
  showPicks();
});

const mine = document.querySelector("[data-my-schedule]:not([data-static])");
if (mine) {
  // The page shows the picks its link carries; opened without them, it takes this browser's.
  const conference = mine.dataset.mySchedule;
  const chosen = picks(conference);
  const carried = new URLSearchParams(location.search).get("s");
  if (carried === null && chosen.size) {
    location.replace(location.pathname + pickQuery(chosen));
  } else if (carried && !chosen.size) {
    // A link someone shared: its picks become this browser's, to star more from.
    savePicks(conference, new Set(carried.split(/[.,]/).filter(Boolean)));
  }
}
showPicks();

// A static copy of the site has no server to take the picks: its My schedule page holds every
// session, hidden, shows the picked ones, and joins their own .ics files into one download.
const copy = document.querySelector("[data-my-schedule][data-static]");
if (copy) {
  const chosen = picks(copy.dataset.mySchedule);
  const rows = [...copy.querySelectorAll("li[data-picked]")];
  for (const row of rows) row.hidden = !chosen.has(row.dataset.picked);
  for (const day of copy.querySelectorAll("section.day")) {
    day.hidden = !day.querySelector("li[data-picked]:not([hidden])");
  }
  const shown = rows.filter((row) => !row.hidden);
  copy.querySelector("h2").textContent = `${shown.length} session${shown.length === 1 ? "" : "s"} picked`;
  const button = copy.querySelector("[data-download-picks]");
  button.disabled = !shown.length;
  button.addEventListener("click", async () => {
    const files = await Promise.all(shown.map((row) => fetch(row.dataset.ics).then((r) => r.text())));
    const calendar = joinCalendars(files, button.dataset.downloadPicks);
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([calendar], { type: "text/calendar" }));
    link.download = "my-schedule.ics";
    link.click();
  });
}

function joinCalendars(files, name) {
  const zones = new Map();
  const events = [];
  for (const text of files) {
    for (const [zone] of text.matchAll(/BEGIN:VTIMEZONE\r\n[\s\S]*?END:VTIMEZONE\r\n/g)) {
      zones.set(/TZID:([^\r\n]*)/.exec(zone)[1], zone);
    }
    for (const [event] of text.matchAll(/BEGIN:VEVENT\r\n[\s\S]*?END:VEVENT\r\n/g)) events.push(event);
  }
  const escaped = name.replace(/[\\;,]/g, (c) => "\\" + c);
  const head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//calsvc//calsvc programme feeds 1.0//EN",
    "CALSCALE:GREGORIAN", fold("NAME:" + escaped), fold("X-WR-CALNAME:" + escaped)];
  return head.join("\r\n") + "\r\n" + [...zones.values()].join("") + events.join("") + "END:VCALENDAR\r\n";
}

function fold(line) {
  // RFC 5545: lines of at most 75 octets, continued with CRLF and a space.
  const encoder = new TextEncoder();
  const parts = [];
  let part = "";
  for (const char of line) {
    if (encoder.encode(part + char).length > (parts.length ? 74 : 75)) {
      parts.push(part);
      part = "";
    }
    part += char;
  }
  parts.push(part);
  return parts.join("\r\n ");
}

// 4. Times where the reader is: a switch between the conference's zone (the default, and all
// there is without JavaScript) and the browser's own.
const ownZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const times = [...document.querySelectorAll("time[datetime*='T']")];
const shownZone = document.querySelector("[data-zone]");
if (ownZone && times.length && shownZone && shownZone.dataset.zone !== ownZone) {
  const clock = new Intl.DateTimeFormat([], { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: ownZone });
  const day = new Intl.DateTimeFormat("en-GB", { weekday: "short", timeZone: ownZone });
  const ownDate = new Intl.DateTimeFormat("en-CA", { timeZone: ownZone });
  const toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "zone-switch";
  const show = (local) => {
    for (const time of times) {
      time.dataset.written ??= time.textContent;
      const moment = new Date(time.getAttribute("datetime"));
      const sameDay = ownDate.format(moment) === time.getAttribute("datetime").slice(0, 10);
      time.textContent = local ? (sameDay ? "" : day.format(moment) + " ") + clock.format(moment) : time.dataset.written;
    }
    toggle.setAttribute("aria-pressed", String(local));
    toggle.textContent = local ? `Times in your zone (${ownZone}): show ${shownZone.dataset.zone}` : `Show times in your zone (${ownZone})`;
    localStorage.setItem("calsvc:own-zone", local ? "1" : "");
  };
  toggle.addEventListener("click", () => show(toggle.getAttribute("aria-pressed") !== "true"));
  shownZone.after(toggle);
  show(localStorage.getItem("calsvc:own-zone") === "1");
}
