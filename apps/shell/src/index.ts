// The asynchronous boundary lets module federation agree on the shared singletons (react, antd,
// @apollo/client) with the remotes before any of them is evaluated.
void import('./bootstrap');
