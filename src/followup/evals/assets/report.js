// The eval report's script: inlined into report.html by followup.evals.html_report.
// It only filters, folds and jumps; everything it shows was rendered in Python.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const rows = Array.from(document.querySelectorAll("#matrix tbody tr"));
  const cases = new Map(rows.map((row) => [row, $(row.dataset.target)]));
  const text = new Map();
  const words = (value) => (value || "").split(" ").filter(Boolean);

  function searchable(row) {
    if (!text.has(row)) {
      const item = cases.get(row);
      // The case's words as shown (decision, reasons, drafts), not its JSON record's keys.
      const shown = item ? Array.from(item.querySelectorAll(".decision, .why, .pair"), (n) => n.textContent) : [];
      text.set(row, [row.textContent, ...shown].join(" ").toLowerCase());
    }
    return text.get(row);
  }

  function apply() {
    const changed = $("f-changed").checked;
    const failed = $("f-failed").checked;
    const prompt = $("f-prompt").value;
    const tag = $("f-tag").value;
    const query = $("f-search").value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      const ok =
        (!changed || row.dataset.changed === "1") &&
        (!failed || row.dataset.failed === "1") &&
        (!prompt || words(row.dataset.prompts).includes(prompt)) &&
        (!tag || words(row.dataset.tags).includes(tag)) &&
        (!query || searchable(row).includes(query));
      row.hidden = !ok;
      const item = cases.get(row);
      if (item) item.hidden = !ok;
      if (ok) shown += 1;
    }
    $("shown").textContent = shown + " of " + rows.length + " cases";
  }

  for (const id of ["f-changed", "f-failed", "f-prompt", "f-tag", "f-search"]) {
    $(id).addEventListener("input", apply);
    $(id).addEventListener("change", apply);
  }

  function fold(open) {
    for (const item of cases.values()) if (item && !item.hidden) item.open = open;
  }
  $("expand").addEventListener("click", () => fold(true));
  $("collapse").addEventListener("click", () => fold(false));

  // A prompt's picture filters the cases to those with a draft from that prompt.
  for (const panel of document.querySelectorAll(".panel[data-prompt]")) {
    panel.addEventListener("click", () => {
      $("f-prompt").value = panel.dataset.prompt;
      apply();
      $("cases-matrix").scrollIntoView();
    });
  }

  // Following a link to a case (or to its JSON record) opens it.
  function reveal() {
    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    for (let node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
    if (target) target.scrollIntoView();
  }
  window.addEventListener("hashchange", reveal);
  for (const link of document.querySelectorAll("#matrix a[href^='#']")) {
    link.addEventListener("click", () => {
      const target = document.getElementById(link.getAttribute("href").slice(1));
      if (target) target.open = true;
    });
  }
  reveal();
  apply();
})();
