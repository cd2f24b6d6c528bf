// Live comments: every 10 seconds, fetch comments newer than the newest one shown and
// add them to the page. Without JavaScript, readers simply reload.
(function () {
  "use strict";
  var section = document.getElementById("comments");
  if (!section || !window.fetch) { return; }
  var latest = parseInt(section.dataset.latest || "0", 10);
  var notice = section.querySelector(".live-notice");
  var list = document.getElementById("comment-list");

  function insert(comment) {
    if (document.getElementById("comment-" + comment.id)) { return; }
    var holder = document.createElement("div");
    holder.innerHTML = comment.html.trim();
    var item = holder.firstElementChild;
    item.classList.add("comment--new");
    var parent = comment.parent && document.getElementById("comment-" + comment.parent);
    if (parent) {
      var replies = parent.querySelector(":scope > .comment-replies");
      if (!replies) {
        replies = document.createElement("ol");
        replies.className = "comment-replies";
        parent.appendChild(replies);
      }
      replies.appendChild(item);
    } else {
      list.appendChild(item);
    }
  }

  function poll() {
    fetch(section.dataset.poll + "?after=" + latest, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : { comments: [] }; })
      .then(function (data) {
        data.comments.forEach(function (comment) {
          insert(comment);
          latest = Math.max(latest, comment.id);
        });
        if (data.comments.length) {
          notice.hidden = false;
          notice.textContent = data.comments.length + " new comment" +
            (data.comments.length === 1 ? "" : "s") + " added below.";
        }
      })
      .catch(function () { /* offline: try again next time */ });
  }
  window.setInterval(poll, parseInt(section.dataset.interval || "10000", 10));
})();
