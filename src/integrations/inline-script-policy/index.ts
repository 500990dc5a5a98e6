/**
 * Holds the built pages to the Content-Security-Policy that ships with them: every inline
 * `<script>` of every page must be allowed by a hash in the `script-src` that `_headers` gives
 * that page, or the build fails and prints the policy that would allow them. The hashes are
 * written by hand in public/_headers and deploy/nginx.conf (a unit test keeps the two alike,
 * and docs/deploy.md points at them), so a change to the policy is always a reviewed change; both the root and the
 * sub-path build are checked against that one policy.
 *
 * Astro's own `security.csp` is left off: its `<meta>` policy hashes only what Astro bundles, not
 * Starlight's `is:inline` scripts, and a second policy beside the header would have to agree with
 * it forever. The header is the one policy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { compareScriptHashes, hashSource, inlineScripts, withScriptHashes } from './csp.ts';
import { headersFor, parseHeadersFile } from './headers-file.ts';

/** `metrics/index.html` is served at `/metrics/`, `404.html` at `/404.html`. */
const urlPathOf = (file: string) =>
	`/${file
		.split('\\')
		.join('/')
		.replace(/(^|\/)index\.html$/, '$1')}`;

export function inlineScriptPolicy(): AstroIntegration {
	return {
		name: 'cheat-sheet:inline-script-policy',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				const outDir = fileURLToPath(dir);
				const rules = parseHeadersFile(readFileSync(join(outDir, '_headers'), 'utf8'));
				const policyFor = (path: string) => {
					const policy = headersFor(rules, path)['content-security-policy'];
					if (!policy) throw new Error(`_headers sends no Content-Security-Policy for ${path}`);
					return policy;
				};
				const pages = readdirSync(outDir, { recursive: true, encoding: 'utf8' })
					.filter((file) => file.endsWith('.html'))
					.map((file) => ({
						path: urlPathOf(file),
						scripts: inlineScripts(readFileSync(join(outDir, file), 'utf8')),
					}));
				const missing = new Set(
					pages.flatMap((page) => compareScriptHashes(policyFor(page.path), page.scripts).missing),
				);
				const allScripts = pages.flatMap((page) => page.scripts);
				const sitePolicy = policyFor('/');
				if (missing.size > 0) {
					const needed = new Set(allScripts.map(hashSource));
					throw new Error(
						`The Content-Security-Policy of _headers blocks ${missing.size} inline script(s) of the built pages: ${[...missing].join(' ')}.\n` +
							`Write this policy into public/_headers and deploy/nginx.conf:\n${withScriptHashes(sitePolicy, [...needed])}`,
					);
				}
				// A hash that only the other build (root or sub-path) needs is fine: say so, do not fail.
				const { unused } = compareScriptHashes(sitePolicy, allScripts);
				if (unused.length > 0)
					logger.warn(
						`No page of this build needs these script-src hashes of _headers: ${unused.join(' ')}`,
					);
				logger.info(
					`Every inline script of the ${pages.length} pages is allowed by a hash in the Content-Security-Policy of _headers.`,
				);
			},
		},
	};
}
