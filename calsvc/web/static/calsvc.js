// Progressive enhancement only: every page works without this script.
// 1. Copy buttons. 2. The feed builder previews as you choose.
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
