// Comment boxes count their characters, and open comment sections follow what changes.
// Without JavaScript a box takes any length (the server refuses a comment that is too
// long and gives its text back) and readers reload to see new comments.
(function () {
  "use strict";
  var lang = document.documentElement.lang || "en";
  var numbers = window.Intl ? new Intl.NumberFormat(lang) : null;
  var plurals = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;

  function format(number) {
    return numbers ? numbers.format(number) : String(number);
  }

  // The counter: "4,980 / 5,000", in an error state past the limit (the text is never cut).
  function counterOf(box) {
    var id = box.id + "-count";
    var counter = document.getElementById(id);
    if (!counter) {
      counter = document.createElement("p");
      counter.id = id;
      counter.className = "char-count";
      box.insertAdjacentElement("afterend", counter);
      box.setAttribute("aria-describedby", id);
    }
    return counter;
  }

  function count(box) {
    var holder = box.closest("[data-max-length]");
    if (!holder || !box.id) { return; }
    var limit = parseInt(holder.dataset.maxLength, 10);
    var length = Array.from(box.value.trim()).length; // characters, as the server counts
    var over = length > limit;
    var counter = counterOf(box);
    counter.textContent = format(length) + " / " + format(limit) +
      (over ? " \u2013 " + holder.dataset.tooLong : "");
    counter.classList.toggle("char-count--over", over);
    counter.classList.toggle("field-error", over); // the site's colour for errors
    box.setAttribute("aria-invalid", over ? "true" : "false");
    box.setCustomValidity(over ? holder.dataset.tooLong : "");
  }

  document.addEventListener("input", function (event) {
    if (event.target.matches("textarea[name=body]")) { count(event.target); }
  });
  document.querySelectorAll("[data-max-length] textarea[name=body]").forEach(function (box) {
    if (box.value) { count(box); }
  });

  // Reply and Report: each comment offers a link to the form's own page; opened here, the
  // page's one form of that kind (a <template> in the section) takes the link's place,
  // made for that comment. A reply form gets a one-time token of its own, so that two
  // replies from one page are two posts and each sent twice is stored once.
  function token() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function openForm(details) {
    var link = details.querySelector(":scope > a[data-form]");
    var template = link && document.getElementById(link.dataset.form);
    var item = details.closest("li.comment");
    if (!template || !item || !template.content) { return; }
    var id = item.id.replace("comment-", "");
    var form = template.content.firstElementChild.cloneNode(true);
    [form].concat(Array.from(form.querySelectorAll("*"))).forEach(function (element) {
      ["action", "id", "for", "value"].forEach(function (name) {
        var value = element.getAttribute(name);
        if (value && value.indexOf("{id}") !== -1) {
          element.setAttribute(name, value.split("{id}").join(id));
        }
      });
    });
    var once = form.querySelector("input[name=once]");
    if (once && window.crypto && window.crypto.getRandomValues) { once.value = token(); }
    var label = form.querySelector("label");
    if (label && link.dataset.form === "reply-form") { label.textContent = link.textContent; }
    link.replaceWith(form);
    var field = form.querySelector("textarea, select");
    if (field) { field.focus(); }
  }

  document.addEventListener("toggle", function (event) {
    var details = event.target;
    if (details.open && details.matches && details.matches(".comment__reply, .comment__flag")) {
      openForm(details);
    }
  }, true); // toggle does not bubble

  // Live updates: every few seconds, ask what appeared or disappeared since the cursor.
  var section = document.getElementById("comments");
  if (!section || !section.dataset.poll || !window.fetch) { return; }
  var cursor = section.dataset.cursor;
  var placement = section.dataset.live; // "top", "bottom", "notice" or "off"
  var list = document.getElementById("comment-list");
  var notice = section.querySelector(".live-notice");
  var heading = document.getElementById("comments-heading");
  var messages = JSON.parse(document.getElementById("comment-messages").textContent);
  var waiting = []; // new comments behind the notice, in the order they came

  function say(kind, number) {
    var forms = messages[kind];
    var form = forms[plurals ? plurals.select(number) : (number === 1 ? "one" : "other")];
    return (form || forms.other).replace("{n}", format(number));
  }

  function build(html) {
    var holder = document.createElement("div");
    holder.innerHTML = html.trim();
    return holder.firstElementChild;
  }

  function repliesOf(item) {
    var replies = item.querySelector(":scope > .comment-replies");
    if (!replies) {
      replies = document.createElement("ol");
      replies.className = "comment-replies";
      item.appendChild(replies);
    }
    return replies;
  }

  // Put a new comment where a reload would show it; false when this page has no place for it.
  function place(comment) {
    var item = build(comment.html);
    item.classList.add("comment--new");
    if (comment.parent) {
      var parent = document.getElementById("comment-" + comment.parent);
      if (!parent) { return false; }
      // A reply to a level-three comment stays at level three, beside it.
      var beside = parent.classList.contains("comment--depth-" + comment.depth);
      (beside ? parent.parentElement : repliesOf(parent)).appendChild(item);
    } else if (placement === "top") {
      list.insertBefore(item, list.firstElementChild);
    } else if (placement === "bottom") {
      list.appendChild(item);
    } else {
      return false;
    }
    return true;
  }

  // A comment the reader may no longer see: its replies stay in the thread, as on a reload.
  function remove(item) {
    var replies = item.querySelector(":scope > .comment-replies");
    if (replies && item.parentElement !== list) {
      while (replies.firstElementChild) {
        item.parentElement.insertBefore(replies.firstElementChild, item);
      }
    }
    item.remove();
  }

  // A comment already shown whose state changed (approved, deleted, removed).
  function update(item, comment) {
    if (item.dataset.status === comment.status) { return; }
    var fresh = build(comment.html);
    item.querySelector(":scope > article").replaceWith(fresh.querySelector(":scope > article"));
    item.className = fresh.className;
    item.dataset.status = comment.status;
  }

  function isWaiting(id) {
    return waiting.some(function (comment) { return comment.id === id; });
  }

  function tell(added) {
    notice.textContent = "";
    if (waiting.length) {
      var show = document.createElement("button");
      show.type = "button";
      show.className = "link-button";
      show.textContent = messages.show;
      show.addEventListener("click", showWaiting);
      notice.append(say("waiting", waiting.length) + " \u2013 ", show);
    } else if (added) {
      notice.textContent = say("added", added);
    }
    notice.hidden = !notice.firstChild;
  }

  function showWaiting() {
    var shown = waiting.filter(function (comment) {
      if (!comment.parent) {
        var item = build(comment.html);
        item.classList.add("comment--new");
        list.appendChild(item);
        return true;
      }
      return place(comment);
    }).length;
    waiting = [];
    tell(shown);
  }

  function apply(comment) {
    var item = document.getElementById("comment-" + comment.id);
    if (comment.status === "gone") {
      if (item) { remove(item); }
      waiting = waiting.filter(function (other) { return other.id !== comment.id; });
      return 0;
    }
    if (item) {
      update(item, comment);
      return 0;
    }
    if (comment.status !== "published" || placement === "off" || isWaiting(comment.id)) {
      return 0;
    }
    if (place(comment)) { return 1; }
    if (!comment.parent || isWaiting(comment.parent)) { waiting.push(comment); }
    return 0;
  }

  function poll() {
    if (document.hidden) { return schedule(); }
    fetch(section.dataset.poll + "?cursor=" + encodeURIComponent(cursor), {
      credentials: "same-origin",
      headers: { Accept: "application/json" }
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        cursor = data.cursor;
        var added = data.comments.reduce(function (sum, comment) {
          return sum + apply(comment);
        }, 0);
        if (data.heading) { heading.textContent = data.heading; }
        if (added || waiting.length) { tell(added); }
      })
      .catch(function () { /* offline: try again next time */ })
      .then(schedule);
  }

  function schedule() {
    window.setTimeout(poll, parseInt(section.dataset.interval || "10000", 10));
  }
  schedule();
})();
