// Keyboard moderation: j/k move between comments, a approves, r rejects with the chosen
// reason, e goes to the reason, f features, x selects for a bulk action, o opens the
// thread, ? shows every shortcut. Decisions are sent in the background, the comment
// leaves the list and the tab counts follow; without JavaScript every button is an
// ordinary form.
(function () {
  "use strict";
  var list = document.querySelector(".queue");
  var overlay = document.getElementById("keyboard-overlay");
  if (!window.fetch) { return; }
  var current = 0;

  function items() {
    return list ? Array.prototype.slice.call(list.querySelectorAll(".queue-item")) : [];
  }

  function focus(index) {
    var all = items();
    if (!all.length) { return; }
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach(function (item, i) { item.classList.toggle("is-current", i === current); });
    all[current].focus();
    all[current].scrollIntoView({ block: "nearest" });
  }

  function updateCounts(counts) {
    Object.keys(counts || {}).forEach(function (key) {
      var count = document.querySelector('.queue-tabs [data-tab="' + key + '"] .count');
      if (count) { count.textContent = counts[key]; }
    });
  }

  function decide(item, decision) {
    var form = item.querySelector(".item-actions");
    var data = new FormData(form);
    data.append("decision", decision);
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (result) {
        updateCounts(result.counts);
        if (!response.ok) {
          if (decision === "reject") { form.querySelector("select").focus(); }
          throw new Error(result.errors.join(" "));
        }
        item.remove();
        focus(current);
        announce(decision + ": done.");
      });
    }).catch(function (error) { announce(error.message); });
  }

  function announce(text) {
    var status = document.getElementById("queue-status");
    if (!status) {
      status = document.createElement("p");
      status.id = "queue-status";
      status.setAttribute("role", "status");
      list.parentNode.insertBefore(status, list);
    }
    status.textContent = text;
  }

  var opener = null;
  function toggleHelp(show) {
    if (!overlay) { return; }
    if (show) {
      opener = document.activeElement;
      overlay.hidden = false;
      overlay.querySelector("button").focus();
    } else {
      overlay.hidden = true;
      if (opener) { opener.focus(); }
    }
  }
  if (overlay) {
    overlay.querySelector(".keyboard-overlay-close").addEventListener("click", function () {
      toggleHelp(false);
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var key = event.key;
    if (overlay && !overlay.hidden) {
      if (key === "Escape" || key === "?") { toggleHelp(false); event.preventDefault(); }
      return;
    }
    if (/^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(event.target.tagName) &&
        event.target.type !== "checkbox") { return; }
    var item = items()[current];
    if (key === "?") { toggleHelp(true); }
    else if (key === "j") { focus(current + 1); }
    else if (key === "k") { focus(current - 1); }
    else if (!item) { return; }
    else if (key === "a") { decide(item, "approve"); }
    else if (key === "r") { decide(item, "reject"); }
    else if (key === "f") { decide(item, "feature"); }
    else if (key === "e") { item.querySelector(".item-actions select").focus(); }
    else if (key === "o") { window.location.href = item.querySelector(".queue-context a").href; }
    else if (key === "x") {
      var box = item.querySelector(".select-item");
      box.checked = !box.checked;
    } else { return; }
    event.preventDefault();
  });

  if (list) {
    list.addEventListener("click", function (event) {
      var item = event.target.closest(".queue-item");
      if (item) { current = items().indexOf(item); focus(current); }
    });
    focus(0);
  }
})();
