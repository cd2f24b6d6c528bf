// Keyboard moderation: j/k move between comments, a approves, r rejects, f features,
// x selects for a bulk action. Decisions are sent in the background and the comment
// leaves the list; without JavaScript every button is an ordinary form.
(function () {
  "use strict";
  var list = document.querySelector(".queue");
  if (!list || !window.fetch) { return; }
  var current = 0;

  function items() { return Array.prototype.slice.call(list.querySelectorAll(".queue-item")); }

  function focus(index) {
    var all = items();
    if (!all.length) { return; }
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach(function (item, i) { item.classList.toggle("is-current", i === current); });
    all[current].focus();
    all[current].scrollIntoView({ block: "nearest" });
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
        if (!response.ok) { throw new Error(result.errors.join(" ")); }
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

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (/^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(event.target.tagName) &&
        event.target.type !== "checkbox") { return; }
    var item = items()[current];
    var key = event.key;
    if (key === "j") { focus(current + 1); }
    else if (key === "k") { focus(current - 1); }
    else if (!item) { return; }
    else if (key === "a") { decide(item, "approve"); }
    else if (key === "r") { decide(item, "reject"); }
    else if (key === "f") { decide(item, "feature"); }
    else if (key === "x") {
      var box = item.querySelector(".select-item");
      box.checked = !box.checked;
    } else { return; }
    event.preventDefault();
  });

  list.addEventListener("click", function (event) {
    var item = event.target.closest(".queue-item");
    if (item) { current = items().indexOf(item); focus(current); }
  });
  focus(0);
})();
