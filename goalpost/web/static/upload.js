/* Import page: send files with XHR so the upload shows progress, then show the per-row report. */
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("upload-form");
  if (!form || !window.XMLHttpRequest || !window.FormData) return;
  var bar = document.getElementById("upload-progress");
  var status = document.getElementById("upload-status");
  var limit = parseInt(form.dataset.limit || "0", 10);

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var files = document.getElementById("files").files;
    var size = 0;
    for (var i = 0; i < files.length; i++) size += files[i].size;
    if (limit && size > limit) {
      status.textContent = "Too large: " + size + " bytes (limit " + limit + ").";
      return;
    }
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    bar.hidden = false;
    bar.value = 0;
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) {
        bar.value = Math.round((e.loaded / e.total) * 100);
        status.textContent = bar.value + "%";
      }
    });
    xhr.upload.addEventListener("load", function () { status.textContent = "…"; });
    xhr.addEventListener("load", function () {
      bar.value = 100;
      var doc = new DOMParser().parseFromString(xhr.responseText, "text/html");
      var results = doc.getElementById("import-results");
      var detail = doc.getElementById("error-detail");
      var target = document.getElementById("import-results");
      target.replaceChildren();
      if (results) target.replaceChildren.apply(target, Array.from(results.childNodes));
      else if (detail) target.appendChild(detail);
      else target.textContent = "HTTP " + xhr.status;
      status.textContent = xhr.status < 400 ? "✔" : "✖ HTTP " + xhr.status;
    });
    xhr.addEventListener("error", function () { status.textContent = "✖ network error"; });
    xhr.send(new FormData(form));
  });
});
