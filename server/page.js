// page.js lets a file be dropped anywhere on the upload form's box. The
// form works without it: the file input is a plain input.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
	var box = document.getElementById("drop");
	var input = document.getElementById("upload-entry");
	if (!box || !input || !window.DataTransfer) {
		return;
	}
	box.addEventListener("dragover", function (ev) {
		ev.preventDefault();
		box.classList.add("over");
	});
	box.addEventListener("dragleave", function () {
		box.classList.remove("over");
	});
	box.addEventListener("drop", function (ev) {
		ev.preventDefault();
		box.classList.remove("over");
		if (ev.dataTransfer && ev.dataTransfer.files.length > 0) {
			var dt = new DataTransfer();
			dt.items.add(ev.dataTransfer.files[0]);
			input.files = dt.files;
			input.focus();
		}
	});
});
