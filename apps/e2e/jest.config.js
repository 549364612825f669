// The suites log in once with Bearer and keep the token for their whole run; on a loaded machine a run
// can outlast the 10-minute default access lifetime. Refresh and expiry have their own specs
// (sessions, cookie-session, browser-*), which do not depend on this value.
process.env.ACCESS_TOKEN_TTL_SECONDS ??= '3600';
module.exports = require('@dr/config-jest')({ testTimeout: 120000 });
