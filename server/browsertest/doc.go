// Package browsertest drives the server's page in a real browser
// (headless Chromium through the DevTools protocol) the way a lecturer
// uses it: open the page, click a download button, get the file. It holds
// only tests; it is a package of its own so that the browser's start-up
// cost and its dependency stay out of the server package's tests.
package browsertest
