/**
 * Reads a `_headers` file (Cloudflare Pages and Netlify format) and answers which headers a
 * path gets: every matching rule applies in file order, and `! Name` drops what an earlier rule
 * set, so a specific rule can replace a general one.
 */
export interface HeaderRule {
	pattern: string;
	set: Array<[string, string]>;
	detach: string[];
}

export function parseHeadersFile(text: string): HeaderRule[] {
	const rules: HeaderRule[] = [];
	for (const line of text.split('\n')) {
		if (!line.trim() || line.trimStart().startsWith('#')) continue;
		if (!/^\s/.test(line)) {
			rules.push({ pattern: line.trim(), set: [], detach: [] });
			continue;
		}
		const rule = rules.at(-1);
		if (!rule) throw new Error(`Header before any path: ${line.trim()}`);
		const detached = /^\s+!\s*(\S+)\s*$/.exec(line)?.[1];
		const header = /^\s+([\w-]+):\s*(.+)$/.exec(line);
		if (detached) rule.detach.push(detached.toLowerCase());
		else if (header?.[1] && header[2]) rule.set.push([header[1].toLowerCase(), header[2].trim()]);
		else throw new Error(`Unreadable line in _headers: ${line.trim()}`);
	}
	return rules;
}

/** `/_astro/*` matches `/_astro/x.js`; `*` matches any run of characters. */
function matches(pattern: string, path: string): boolean {
	const regex = new RegExp(
		`^${pattern
			.split('*')
			.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
			.join('.*')}$`,
	);
	return regex.test(path);
}

export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const rule of rules) {
		if (!matches(rule.pattern, path)) continue;
		for (const name of rule.detach) delete headers[name];
		for (const [name, value] of rule.set)
			headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
	}
	return headers;
}
