module.exports = require('@dr/config-jest')({ testTimeout: 120000 });
