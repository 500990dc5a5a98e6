/**
 * What a Content-Security-Policy without `'unsafe-inline'` must say for a page's inline scripts:
 * each one is allowed only by the hash of its exact text.
 */
import { createHash } from 'node:crypto';

/**
 * The text of every inline `<script>` of an HTML page, as the browser hashes it: the raw text
 * between the tags (the HTML parser turns CR LF into LF first). Empty ones never run, so need no hash.
 */
export function inlineScripts(html: string): string[] {
	const scripts: string[] = [];
	// Attribute values may hold `>`; script text ends at the first `</script`.
	for (const match of html.matchAll(
		/<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script[\s/>]/gi,
	)) {
		const [, attributes = '', text = ''] = match;
		if (/\ssrc\s*=/i.test(attributes) || !text) continue;
		scripts.push(text.replace(/\r\n?/g, '\n'));
	}
	return scripts;
}

/** The source expression that allows one inline script: `'sha256-…'`. */
export function hashSource(script: string): string {
	return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/** A policy's directives by name (`script-src` → its sources), as a browser reads them. */
export function parsePolicy(policy: string): Map<string, string[]> {
	const directives = new Map<string, string[]>();
	for (const directive of policy.split(';')) {
		const [name, ...sources] = directive.trim().split(/\s+/);
		// The first of a repeated directive wins; the rest are ignored.
		if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
	}
	return directives;
}

const isHash = (source: string) => /^'sha(256|384|512)-/.test(source);

/**
 * The hash sources a policy's `script-src` lacks for these inline scripts, and the ones it has
 * that none of them needs.
 */
export function compareScriptHashes(
	policy: string,
	scripts: readonly string[],
): { missing: string[]; unused: string[] } {
	const directives = parsePolicy(policy);
	// Without script-src, browsers take default-src for scripts.
	const allowed = new Set(
		(directives.get('script-src') ?? directives.get('default-src') ?? []).filter(isHash),
	);
	const needed = new Set(scripts.map(hashSource));
	return {
		missing: [...needed].filter((hash) => !allowed.has(hash)).sort(),
		unused: [...allowed].filter((hash) => !needed.has(hash)).sort(),
	};
}

/** The same policy with exactly these hashes in `script-src`, after its other sources. */
export function withScriptHashes(policy: string, hashes: readonly string[]): string {
	return policy
		.split(';')
		.filter((directive) => directive.trim())
		.map((directive) => {
			const [name, ...sources] = directive.trim().split(/\s+/);
			if (name?.toLowerCase() !== 'script-src') return directive.trim();
			return [name, ...sources.filter((source) => !isHash(source)), ...[...hashes].sort()].join(
				' ',
			);
		})
		.join('; ');
}
