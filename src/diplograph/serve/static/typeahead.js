/* The actor index's search box: suggests canonical names and aliases as the user types
   (from /api/actors/suggest, the events filter's own actor matcher); choosing one opens
   the actor's page. Text goes in through textContent only, never as markup. */
(function () {
  "use strict";
  const WAIT_MS = 120; // a pause in typing before asking, so each key is not a request

  function suggestionItem(s, i) {
    const li = document.createElement("li");
    li.setAttribute("role", "option");
    li.id = "actor-suggestion-" + i;
    const a = document.createElement("a");
    a.className = "suggestion";
    a.href = s.href || "/events?actor=" + encodeURIComponent(s.wikidata || s.name);
    const name = document.createElement("b");
    name.textContent = s.name;
    a.appendChild(name);
    const about = [s.country && s.country !== s.name ? s.country : null, s.kind, s.n + " events"];
    const small = document.createElement("small");
    small.textContent = " " + about.filter(Boolean).join(" · ");
    a.appendChild(small);
    if (s.match && s.match !== "name") {
      const alias = document.createElement("span");
      alias.className = "alias";
      alias.textContent = " as “" + s.match + "”";
      a.appendChild(alias);
    }
    li.appendChild(a);
    return li;
  }

  function start(form) {
    const input = form.querySelector("input[name=q]");
    const list = document.getElementById("actor-suggestions");
    if (!input || !list) return;
    let timer = null;
    let asked = 0; // answers to older requests are dropped
    let active = -1;

    function items() { return Array.from(list.querySelectorAll("li")); }
    function highlight(i) {
      const all = items();
      active = all.length ? (i + all.length) % all.length : -1;
      all.forEach((li, k) => li.classList.toggle("active", k === active));
      input.setAttribute("aria-activedescendant", active >= 0 ? all[active].id : "");
    }
    function show(found) {
      list.replaceChildren(...found.map(suggestionItem));
      list.hidden = found.length === 0;
      input.setAttribute("aria-expanded", String(!list.hidden));
      active = -1;
    }
    async function ask(text) {
      const mine = ++asked;
      if (!text.trim()) { show([]); return; }
      const r = await fetch("/api/actors/suggest?q=" + encodeURIComponent(text.trim()));
      if (mine !== asked || !r.ok) return;
      show(await r.json());
    }
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => ask(input.value), WAIT_MS);
    });
    input.addEventListener("keydown", (e) => {
      if (list.hidden) return;
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        highlight(active + (e.key === "ArrowDown" ? 1 : -1));
      } else if (e.key === "Enter" && active >= 0) {
        e.preventDefault();
        window.location.href = items()[active].querySelector("a").href;
      } else if (e.key === "Escape") {
        show([]);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    const form = document.getElementById("actor-search");
    if (form) start(form);
  });
})();
