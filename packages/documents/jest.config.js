module.exports = require('@dr/config-jest')();
