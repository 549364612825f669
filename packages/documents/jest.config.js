// The first render of a test file parses the 8 MB font and the first read starts pdf.js in a worker:
// a few seconds on a busy two-core machine.
module.exports = require('@dr/config-jest')({ testTimeout: 30_000 });
