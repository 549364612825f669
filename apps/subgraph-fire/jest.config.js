module.exports = require('@dr/config-jest')({ testTimeout: 30000 });
