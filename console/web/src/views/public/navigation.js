// The console's address is its hash (#/sign-in, #/desk/overview). Before anyone signs in, no router is loaded: the
// first page follows the hash itself, and once the console's shell is there its router follows the same hash.

/** The screens a person reaches without signing in, served by the first page's small entry (src/main.js). */
export const PUBLIC_ROUTES = ['/sign-in', '/verify']

/** The route in the address bar, e.g. /verify ('/' when there is none). */
export function currentRoute() {
  return window.location.hash.replace(/^#/, '').split('?')[0] || '/'
}

export function isPublic(route) {
  return PUBLIC_ROUTES.includes(route)
}

/**
 * Screens anyone reads without signing in that are drawn by the shell (Element Plus tables and tabs), not by the small
 * entry: the notice board (公示) is not a first page, so its visitor waits for the shell rather than every visitor to
 * the sign-in page paying for it.
 */
export const PUBLIC_SHELL_ROUTES = ['/notice-board']

export function opensInShell(route) {
  return PUBLIC_SHELL_ROUTES.includes(route)
}

/** Goes to a route; the router of the signed-in console hears the change like a link followed. */
export function goTo(route) {
  window.location.hash = route
}
