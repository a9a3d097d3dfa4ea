import { createApp } from 'vue'
import './base.css'
import PublicPages from './views/public/PublicPages.vue'
import { homeOf } from './auth/home.js'
import { finishProviderSignIn, prefetchSignIn, session } from './auth/index.js'
import { loadReference } from './labels.js'
import { currentRoute, isPublic, opensInShell } from './views/public/navigation.js'

// The console's entry is small: before anyone signs in it draws the sign-in page (or 工时证明核验) with Vue alone;
// the shell — Element Plus's menu, the router, the screens — loads when a person signs in (console/README.md
// "Building and testing": the first page's budget).
const ROOT = '#app'
const reference = loadReference()
let publicPages = null
let shell = null
let entered = null

function loadShell() {
  shell ??= import('./shell.js')
  return shell
}

/** Once: the shell takes the page over from the public pages (their data, the reference, stays loaded). */
function enterShell() {
  entered ??= Promise.all([loadShell(), reference]).then(([{ mountShell }]) => {
    if (publicPages) {
      window.removeEventListener('hashchange', leavePublicPages)
      publicPages.unmount()
      publicPages = null
    }
    mountShell(ROOT)
  }).catch((e) => {
    // the shell's script did not arrive (the network, a new deployment's names): the next step tries again
    entered = null
    shell = null
    throw e
  })
  return entered
}

/** A signed-in person goes on in the shell; anyone else back to the sign-in page. */
function leavePublicPages() {
  if (isPublic(currentRoute())) return
  if (session.identity || opensInShell(currentRoute())) enterShell()
  else window.location.replace('#/sign-in')
}

function showPublicPages() {
  if (!isPublic(currentRoute())) window.history.replaceState(null, '', `${window.location.pathname}#/sign-in`)
  // the sign-in page's data is asked for now, beside the reference data, not once its code has run
  prefetchSignIn()
  publicPages = createApp(PublicPages, { onSigningIn: loadShell })
  publicPages.mount(ROOT)
  window.addEventListener('hashchange', leavePublicPages)
}

// Coming back from the identity provider (?code=…&state=…): finish signing in before choosing what to show, then
// drop the code from the address bar and history.
async function start() {
  const returned = await finishProviderSignIn()
  if (returned !== undefined) {
    window.history.replaceState(null, '', `${window.location.pathname}#${returned ? homeOf(returned.role) : '/sign-in'}`)
  }
  if (session.identity || opensInShell(currentRoute())) await enterShell()
  else showPublicPages()
}

start().catch((e) => {
  document.querySelector(ROOT).textContent = '控制台加载失败，请刷新页面重试。'
  throw e
})
