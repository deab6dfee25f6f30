// Runs first on the strict host page (a classic script, before any module is fetched): records every CSP and
// Trusted Types violation, and silences Lit's dev-mode notice as the test runner's own page does.
globalThis.__hkViolations = [];
document.addEventListener(
  'securitypolicyviolation',
  (e) => {
    globalThis.__hkViolations.push({
      directive: e.effectiveDirective || e.violatedDirective,
      blockedURI: e.blockedURI,
      sample: e.sample,
      source: e.sourceFile ? `${e.sourceFile}:${e.lineNumber}` : '',
    });
  },
  true,
);
globalThis.litIssuedWarnings = new Set(['dev-mode']);
