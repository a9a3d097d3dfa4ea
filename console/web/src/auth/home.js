/** Where a role's work starts after signing in; anyone else (not signed in, or a role without screens) signs in. */
export function homeOf(role) {
  return { desk: '/desk/overview', community: '/community/demands', unit: '/unit/claimable', member: '/member/slips', operator: '/operator/operations', auditor: '/auditor/reports' }[role] ?? '/sign-in'
}
